import { BadInputError } from '../../errors.js';

/** Where a page of a plan starts: departures at or after `time`, or before it (latest first). */
export interface PlanPage {
  direction: 'after' | 'before';
  /** Unix seconds. */
  time: number;
}

/** The opaque `pageCursor` of a page (base64url JSON, OpenTripPlanner's idea of a cursor). */
export function encodePlanCursor(page: PlanPage): string {
  return Buffer.from(JSON.stringify({ d: page.direction, t: page.time })).toString('base64url');
}

/** The page a `pageCursor` names; BAD_USER_INPUT when it is not one this server made. */
export function decodePlanCursor(cursor: string): PlanPage {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadInputError('pageCursor is not a cursor of a plan');
  }
  const { d, t } = (value ?? {}) as { d?: unknown; t?: unknown };
  if ((d !== 'after' && d !== 'before') || typeof t !== 'number' || !Number.isSafeInteger(t))
    throw new BadInputError('pageCursor is not a cursor of a plan');
  return { direction: d, time: t };
}
