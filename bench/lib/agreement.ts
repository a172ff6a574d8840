/** How two routers' earliest arrivals on the same queries compare; each list holds query indices. */
export interface ArrivalComparison {
  asked: number;
  same: number[];
  oursEarlier: number[];
  oursLater: number[];
  onlyOurs: number[];
  onlyTheirs: number[];
  neither: number[];
}

/**
 * Sorts queries `indices` by how `ours[i]` compares with `theirs[i]` (both Unix seconds, or
 * undefined for "no connection").
 */
export function compareArrivals(
  indices: readonly number[],
  ours: readonly (number | undefined)[],
  theirs: readonly (number | undefined)[],
): ArrivalComparison {
  const c: ArrivalComparison = {
    asked: indices.length,
    same: [],
    oursEarlier: [],
    oursLater: [],
    onlyOurs: [],
    onlyTheirs: [],
    neither: [],
  };
  for (const i of indices) {
    const a = ours[i];
    const b = theirs[i];
    if (a === undefined && b === undefined) c.neither.push(i);
    else if (b === undefined) c.onlyOurs.push(i);
    else if (a === undefined) c.onlyTheirs.push(i);
    else if (a === b) c.same.push(i);
    else (a < b ? c.oursEarlier : c.oursLater).push(i);
  }
  return c;
}
