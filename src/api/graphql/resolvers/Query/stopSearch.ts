import { BadInputError } from '../../../../errors.js';
import { searchStops } from '../../../../transit/stopSearch.js';
import { checkFirst } from '../../connection.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { requireNetwork } from '../../network.js';

/** Stops whose names match the text as riders type it (see `searchStops`), best first. */
export const stopSearch: QueryResolvers['stopSearch'] = (_parent, { text, first }, ctx) => {
  if (text.trim().length === 0) throw new BadInputError('text must not be empty');
  const limit = checkFirst(first, 10, 100);
  return searchStops(requireNetwork(ctx), text, limit).map((idx) => ({ idx }));
};
