import type { Caller } from '../../auth/index.js';
import { ForbiddenError, UnauthenticatedError } from '../../errors.js';

/** The operator id of an operator key: a lot's gate (not admins, not riders). */
export function requireGateOperator(caller: Caller): string {
  if (caller.kind === 'operator') return caller.operatorId;
  if (caller.kind === 'anonymous')
    throw new UnauthenticatedError('an operator API key is required');
  throw new ForbiddenError('a gate checks passes in with its operator API key');
}
