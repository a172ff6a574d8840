import { and, eq, gt, lt, or, type Column, type SQL } from 'drizzle-orm';

/** Where a page of a keyset-paginated list continues: after this sort value (ms) and id. */
export interface KeysetAfter {
  sortMs: number;
  id: string;
}

/** The condition of the rows after `after` in a list sorted by (`sort`, `id`), both `desc` or both ascending; undefined for the first page. */
export function afterKeyset(
  sort: Column,
  id: Column,
  after: KeysetAfter | undefined,
  order: 'asc' | 'desc',
): SQL | undefined {
  if (!after) return undefined;
  const beyond = order === 'desc' ? lt : gt;
  const at = new Date(after.sortMs);
  return or(beyond(sort, at), and(eq(sort, at), beyond(id, after.id)));
}
