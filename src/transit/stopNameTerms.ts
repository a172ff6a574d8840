/**
 * Words of stop names as riders type them: one canonical term per group of spellings, so a query
 * written one way finds names written the other ("st george" ↔ "SAINT GEORGE", "42nd street" ↔
 * "42 St", "times square" ↔ "Times Sq"). "st" stands for both saint and street: for finding a
 * name the two never need telling apart.
 */
const SPELLINGS: readonly (readonly string[])[] = [
  ['st', 'saint', 'street', 'str'],
  ['av', 'ave', 'avenue'],
  ['sq', 'square'],
  ['and', '&'],
  ['rd', 'road'],
  ['blvd', 'boulevard'],
  ['pkwy', 'parkway'],
  ['pl', 'place'],
  ['ter', 'terr', 'terrace'],
  ['dr', 'drive'],
  ['ln', 'lane'],
  ['hwy', 'highway'],
  ['expy', 'exp', 'expwy', 'expressway'],
  ['ctr', 'center', 'centre'],
  ['hts', 'heights'],
  ['ft', 'fort'],
  ['mt', 'mount'],
];

const CANONICAL = new Map(SPELLINGS.flatMap((group) => group.map((w) => [w, group[0]!] as const)));

/** An ordinal, also half typed: "42nd", "42n", "1st", "3rd", "4th". */
const ORDINAL = /^(\d+)(?:st?|nd?|rd?|th?)$/;

/** Lower case without diacritics, so "Saint-Étienne" matches "saint-etienne". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * The words of a name or query, folded, punctuation dropped: "St. George's Sq-42 St" →
 * `["st", "georges", "sq", "42", "st"]` before canonical forms; "&" is a word of its own.
 */
export function nameWords(text: string): string[] {
  return fold(text)
    .replace(/['’]/g, '')
    .replace(/&/g, ' & ')
    .split(/[^\p{L}\p{N}&]+/u)
    .filter((w) => w.length > 0);
}

/** The canonical term of one folded word: "street" → "st", "42nd" → "42", "george" → "george". */
export function canonicalTerm(word: string): string {
  return CANONICAL.get(word) ?? ORDINAL.exec(word)?.[1] ?? word;
}
