import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeyRow } from '../db/index.js';
import { BadInputError } from '../errors.js';
import type { Caller } from './caller.js';
import type { ApiKeyRepository } from './repository.js';

/** Roles an API key can carry. */
export type KeyRole = 'admin' | 'agency' | 'operator';

const KEY_PREFIX = 'maas';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What `createApiKey` needs. */
export interface NewApiKey {
  role: KeyRole;
  feedIds?: string[];
  operatorId?: string;
  label?: string;
}

/**
 * A new API key: the row to store (only the SHA-256 of its secret) and the key in plain text,
 * which this is the one time to show. Keys look like `maas_<id>_<secret>`.
 */
export function newApiKey(input: NewApiKey, now: Date): { row: ApiKeyRow; key: string } {
  if (input.role === 'agency' && (input.feedIds ?? []).length === 0) {
    throw new BadInputError('an agency key needs at least one --feed');
  }
  if (input.role === 'operator' && !input.operatorId) {
    throw new BadInputError('an operator key needs --operator');
  }
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(24).toString('base64url');
  const row: ApiKeyRow = {
    id,
    secretHash: sha256(secret),
    role: input.role,
    feedIds: input.role === 'agency' ? (input.feedIds ?? []) : [],
    operatorId: input.role === 'operator' ? (input.operatorId ?? null) : null,
    label: input.label ?? null,
    createdAt: now,
    revokedAt: null,
  };
  return { row, key: `${KEY_PREFIX}_${id}_${secret}` };
}

/** Creates and stores an API key; resolves with its id and plain text (shown once). */
export async function createApiKey(
  keys: ApiKeyRepository,
  input: NewApiKey,
  now: Date,
): Promise<{ id: string; key: string }> {
  const { row, key } = newApiKey(input, now);
  await keys.insert(row);
  return { id: row.id, key };
}

/** Resolves a presented API key to its caller, or undefined when it is unknown or revoked. */
export async function verifyApiKey(
  keys: ApiKeyRepository,
  presented: string,
): Promise<Caller | undefined> {
  const match = /^maas_([0-9a-f]{12})_([A-Za-z0-9_-]{16,})$/.exec(presented);
  if (!match) return undefined;
  const [, id, secret] = match as unknown as [string, string, string];
  const row = await keys.find(id);
  if (!row || row.revokedAt) return undefined;
  const expected = Buffer.from(row.secretHash, 'hex');
  const actual = Buffer.from(sha256(secret), 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  switch (row.role) {
    case 'admin':
      return { kind: 'admin', keyId: row.id };
    case 'agency':
      return { kind: 'agency', keyId: row.id, feedIds: row.feedIds };
    case 'operator':
      return { kind: 'operator', keyId: row.id, operatorId: row.operatorId ?? '' };
  }
}

/** True when the presented string looks like an API key rather than a JWT. */
export function looksLikeApiKey(presented: string): boolean {
  return presented.startsWith(`${KEY_PREFIX}_`);
}
