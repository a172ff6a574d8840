import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Caller } from './caller.js';

/** The rider id of a rider caller; otherwise UNAUTHENTICATED (anonymous) or FORBIDDEN (a key). */
export function requireRider(caller: Caller): string {
  if (caller.kind === 'rider') return caller.riderId;
  if (caller.kind === 'anonymous') throw new UnauthenticatedError('a rider token is required');
  throw new ForbiddenError('this needs a rider token, not an API key');
}

/** Passes for admins and for agency keys scoped to `feedId`. */
export function requireFeedAccess(caller: Caller, feedId: string): void {
  if (caller.kind === 'admin') return;
  if (caller.kind === 'agency' && caller.feedIds.includes(feedId)) return;
  if (caller.kind === 'anonymous')
    throw new UnauthenticatedError('an agency or admin API key is required');
  throw new ForbiddenError(`this key may not load feed "${feedId}"`);
}

/** Passes for admins and for operator keys; returns the operator id (undefined for admins). */
export function requireOperatorOrAdmin(caller: Caller): string | undefined {
  if (caller.kind === 'admin') return undefined;
  if (caller.kind === 'operator') return caller.operatorId;
  if (caller.kind === 'anonymous')
    throw new UnauthenticatedError('an operator or admin API key is required');
  throw new ForbiddenError('this needs an operator or admin API key');
}

/** Passes for admins and for the operator `operatorId` itself. */
export function requireOperatorAccess(caller: Caller, operatorId: string): void {
  const own = requireOperatorOrAdmin(caller);
  if (own !== undefined && own !== operatorId) {
    throw new ForbiddenError('this facility belongs to another operator');
  }
}

/** Passes for admins only. */
export function requireAdmin(caller: Caller): void {
  if (caller.kind === 'admin') return;
  if (caller.kind === 'anonymous') throw new UnauthenticatedError('an admin API key is required');
  throw new ForbiddenError('this needs an admin API key');
}
