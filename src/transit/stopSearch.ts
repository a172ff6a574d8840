import MiniSearch from 'minisearch';
import type { Network } from './network.js';
import { canonicalTerm, nameWords } from './stopNameTerms.js';

/** Query words of at least this many letters tolerate one typo (shorter ones would match noise). */
const FUZZY_MIN_LENGTH = 4;

/** How a name matches the whole query: equal, starting with its words, with its text, elsewhere. */
const EXACT = 0;
const STARTS_WITH_WORDS = 1;
const STARTS_WITH = 2;
const ELSEWHERE = 3;

/** The words of an indexed name as written and as canonical terms (parallel arrays). */
interface NameTerms {
  words: string[];
  canonical: string[];
}

/** The search index of one network's stop names, with the terms of each indexed name. */
interface StopNameIndex {
  search: MiniSearch<{ id: number; name: string }>;
  terms: Map<number, NameTerms>;
}

const indexes = new WeakMap<Network, StopNameIndex>();

/**
 * Stop indices whose names match `text` as riders type it, best first, at most `limit`:
 * abbreviations and their long forms both ways (`st`/`saint`/`street`, `av`/`avenue`, `sq`/
 * `square`, `&`/`and`, `42nd`/`42`), punctuation and case ignored, every word required, the last
 * one as a prefix, one typo tolerated in words of 4+ letters. Names equal to the query come
 * first, then names starting with its words, then with its text, then by relevance (BM25). A
 * platform named like its station is left out (the station stands for it). Empty when `text` has
 * no letter or digit. The index is built once per network, on the first search.
 */
export function searchStops(net: Network, text: string, limit: number): number[] {
  const queryTerms = nameWords(text).map(canonicalTerm);
  if (queryTerms.length === 0) return [];
  const index = stopNameIndex(net);
  const names = net.tt.stopNames;
  const hits = index.search
    .search(queryTerms.join(' '), {
      combineWith: 'AND',
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (term.length >= FUZZY_MIN_LENGTH ? 1 : 0),
    })
    .map((r) => {
      const idx = r.id as number;
      return { idx, score: r.score, tier: matchTier(index.terms.get(idx)!, queryTerms) };
    });
  hits.sort(
    (a, b) =>
      a.tier - b.tier ||
      b.score - a.score ||
      names[a.idx]!.localeCompare(names[b.idx]!) ||
      a.idx - b.idx,
  );
  return hits.slice(0, limit).map((h) => h.idx);
}

/** The network's stop name index, built on first use. */
function stopNameIndex(net: Network): StopNameIndex {
  let index = indexes.get(net);
  if (!index) {
    index = buildIndex(net);
    indexes.set(net, index);
  }
  return index;
}

function buildIndex(net: Network): StopNameIndex {
  const tt = net.tt;
  const search = new MiniSearch<{ id: number; name: string }>({
    fields: ['name'],
    tokenize: nameWords,
    // A name is found by its own spelling (for prefixes: "stre" → "street") and the canonical one.
    processTerm: (word) => {
      const canonical = canonicalTerm(word);
      return canonical === word ? word : [word, canonical];
    },
    // The query arrives as canonical terms already.
    searchOptions: { tokenize: (query) => query.split(' '), processTerm: (term) => term },
  });
  const terms = new Map<number, NameTerms>();
  const docs: { id: number; name: string }[] = [];
  for (let s = 0; s < tt.stopCount; s++) {
    const name = tt.stopNames[s]!;
    const type = tt.stopLocationType[s]!;
    const parent = tt.stopParent[s]!;
    if (type > 1 || (parent >= 0 && tt.stopNames[parent] === name)) continue;
    docs.push({ id: s, name });
    const words = nameWords(name);
    terms.set(s, { words, canonical: words.map(canonicalTerm) });
  }
  search.addAll(docs);
  return { search, terms };
}

/** The tier of a name; the query's last term may be the start of a name word. */
function matchTier(name: NameTerms, queryTerms: string[]): number {
  const last = queryTerms.length - 1;
  if (name.canonical.length < queryTerms.length) return ELSEWHERE;
  for (let i = 0; i < last; i++) if (name.canonical[i] !== queryTerms[i]) return ELSEWHERE;
  const typed = queryTerms[last]!;
  if (name.canonical[last] === typed) {
    return name.canonical.length === queryTerms.length ? EXACT : STARTS_WITH_WORDS;
  }
  const started = name.canonical[last]!.startsWith(typed) || name.words[last]!.startsWith(typed);
  return started ? STARTS_WITH : ELSEWHERE;
}
