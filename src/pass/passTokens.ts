import { compactVerify, decodeProtectedHeader, SignJWT } from 'jose';
import type { KeyObject } from 'node:crypto';
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

/** The `kid` of a token's header, or undefined when the token does not parse. */
export function kidOf(token: string): string | undefined {
  try {
    const header = decodeProtectedHeader(token);
    return header.alg === PASS_ALG && typeof header.kid === 'string' ? header.kid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The claims of a pass whose signature verifies with `publicKey`; PASS_INVALID for a bad
 * signature, another algorithm or a payload that is not a pass. Times are not checked here.
 */
export async function verifyPass(token: string, publicKey: KeyObject): Promise<PassClaims> {
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(token, publicKey, { algorithms: [PASS_ALG] }));
  } catch {
    throw new PassInvalidError('the pass signature does not verify');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    throw new PassInvalidError('the pass payload is not JSON');
  }
  const claims = parseClaims(parsed);
  if (!claims) throw new PassInvalidError('the token is not a journey pass');
  return claims;
}
