import { BadInputError } from '../../../../errors.js';
import type { Network } from '../../../../transit/network.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { requireNetwork } from '../../network.js';

const folded = new WeakMap<Network, string[]>();

/** Lower case without diacritics, so "Saint-Étienne" matches "saint-etienne". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Stops whose name contains the text (case- and accent-insensitive); names starting with it first. */
export const stopSearch: QueryResolvers['stopSearch'] = (_parent, { text, first }, ctx) => {
  const needle = fold(text.trim());
  const limit = first;
  if (needle.length === 0) throw new BadInputError('text must not be empty');
  if (limit < 1 || limit > 100) throw new BadInputError('first must be between 1 and 100');
  const net = requireNetwork(ctx);
  let names = folded.get(net);
  if (!names) {
    names = net.tt.stopNames.map(fold);
    folded.set(net, names);
  }
  const hits: { idx: number; rank: number }[] = [];
  names.forEach((name, idx) => {
    const at = name.indexOf(needle);
    if (at >= 0) hits.push({ idx, rank: at === 0 ? 0 : 1 });
  });
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      net.tt.stopNames[a.idx]!.localeCompare(net.tt.stopNames[b.idx]!) ||
      a.idx - b.idx,
  );
  return hits.slice(0, limit).map(({ idx }) => ({ idx }));
};
