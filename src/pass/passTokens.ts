import { verify as verifyEd25519, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { parseClaims, type PassClaims } from './claims.js';
import { PassInvalidError } from './errors.js';
import type { SigningKey } from './signingKey.js';

/** The JWS algorithm of every pass. */
export const PASS_ALG = 'EdDSA';

/** Signs `claims` as a compact JWS (EdDSA, Ed25519) with `kid` in the header; deterministic for the same claims and key. */
export async function signPass(claims: PassClaims, key: SigningKey): Promise<string> {
  if (!key.privateKey) throw new Error(`key ${key.kid} cannot sign: its private half is sealed`);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: PASS_ALG, kid: key.kid })
    .sign(key.privateKey);
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A compact JWS's three parts and its protected header; undefined when it does not parse as one. */
function compactParts(
  token: string,
): { header: Record<string, unknown>; parts: [string, string, string] } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return undefined;
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    if (typeof header !== 'object' || header === null || Array.isArray(header)) return undefined;
    return { header: header as Record<string, unknown>, parts: parts as [string, string, string] };
  } catch {
    return undefined;
  }
}

/** The `kid` of a token's header, or undefined when the token does not parse. */
export function kidOf(token: string): string | undefined {
  const header = compactParts(token)?.header;
  return header?.alg === PASS_ALG && typeof header.kid === 'string' ? header.kid : undefined;
}

/**
 * The claims of a pass whose signature verifies with `publicKey`; PASS_INVALID for a bad
 * signature, another algorithm or a payload that is not a pass. Times are not checked here.
 *
 * Verified with node:crypto's Ed25519 directly, as RFC 7515 §5.2 describes (the signature over
 * the ASCII of `header.payload`; `alg` must be EdDSA, no `crit` or unencoded payload), rather
 * than with jose's `compactVerify`: on Node that goes through WebCrypto, an asynchronous job on
 * the thread pool for each token, which made a gate's check-in three times as expensive. Passes
 * are still signed with jose, and the tests verify them with jose alone, as a gate would.
 */
export function verifyPass(token: string, publicKey: KeyObject): PassClaims {
  const jws = compactParts(token);
  if (!jws || jws.header.alg !== PASS_ALG || 'crit' in jws.header || 'b64' in jws.header) {
    throw new PassInvalidError('the pass is not a compact EdDSA JWS');
  }
  const [header, payload, signature] = jws.parts;
  const signed = Buffer.from(`${header}.${payload}`, 'ascii');
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length !== 64 || !verifyEd25519(null, signed, publicKey, bytes)) {
    throw new PassInvalidError('the pass signature does not verify');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new PassInvalidError('the pass payload is not JSON');
  }
  const claims = parseClaims(parsed);
  if (!claims) throw new PassInvalidError('the token is not a journey pass');
  return claims;
}
