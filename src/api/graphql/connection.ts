import { BadInputError } from '../../errors.js';

/** Where a keyset-paginated list continues: after this sort value (ms) and id. */
export interface CursorPosition {
  sortMs: number;
  id: string;
}

/** An opaque Relay cursor for a position. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sortMs, position.id])).toString('base64url');
}

/** The position of a cursor made by `encodeCursor`; BAD_USER_INPUT for anything else. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
      return { sortMs: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new BadInputError('after is not a cursor of this list');
}

/** `first` of a list or connection, checked to be an integer 1..`max` (default 100); `fallback` for an explicit null. */
export function checkFirst(first: number | null | undefined, fallback = 20, max = 100): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new BadInputError(`first must be between 1 and ${max}`);
  return value;
}

/** A Relay connection of `nodes`, each with the cursor of its position. */
export function connectionOf<T>(
  nodes: T[],
  hasNextPage: boolean,
  positionOf: (node: T) => CursorPosition,
) {
  const edges = nodes.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
