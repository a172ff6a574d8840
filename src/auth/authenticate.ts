import { UnauthenticatedError } from '../errors.js';
import { looksLikeApiKey, verifyApiKey } from './apiKeys.js';
import { anonymous, type Caller } from './caller.js';
import type { ApiKeyRepository } from './repository.js';
import type { RiderTokens } from './riderTokens.js';

/**
 * Resolves the `Authorization` header to a caller. No header is anonymous; a header that is
 * present but does not verify is UNAUTHENTICATED, so that a client learns its credential is bad.
 */
export async function authenticate(
  header: string | null | undefined,
  deps: { apiKeys: ApiKeyRepository; tokens: RiderTokens; nowMs: number },
): Promise<Caller> {
  if (!header) return anonymous;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) throw new UnauthenticatedError('Authorization must be "Bearer <key or token>"');
  const credential = match[1];
  if (looksLikeApiKey(credential)) {
    const caller = await verifyApiKey(deps.apiKeys, credential);
    if (!caller) throw new UnauthenticatedError('unknown or revoked API key');
    return caller;
  }
  const riderId = await deps.tokens.verify(credential, deps.nowMs);
  if (!riderId) throw new UnauthenticatedError('invalid or expired token');
  return { kind: 'rider', riderId };
}
