import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import type { PassKeyRow } from '../db/index.js';

/** The purpose `RiderTokens.deriveKey` derives the key that seals private signing keys for. */
export const SEAL_KEY_PURPOSE = 'journey-pass-seal';

/** A signing key ready to use: its id, public JWK and key objects. */
export interface SigningKey {
  kid: string;
  publicJwk: Record<string, string>;
  publicKey: KeyObject;
  /** Absent for keys that only verify (retired keys are never unsealed). */
  privateKey?: KeyObject;
}

/** A new Ed25519 key: the row to store (private key sealed with `sealKey`) and the key to use. */
export function newSigningKey(
  sealKey: Uint8Array,
  now: Date,
): { row: PassKeyRow; key: SigningKey } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  // The first 9 bytes of the key's SHA-256: short in every token, unique enough for a handful of keys.
  const kid = createHash('sha256').update(jwk.x!).digest().subarray(0, 9).toString('base64url');
  const publicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x!, kid, alg: 'EdDSA', use: 'sig' };
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const row: PassKeyRow = {
    kid,
    publicJwk,
    sealedPrivateKey: seal(sealKey, der),
    createdAt: now,
    retiredAt: null,
  };
  return { row, key: { kid, publicJwk, publicKey, privateKey } };
}

/** The key of a stored row; with `sealKey` its private half is unsealed too. */
export function signingKeyOf(row: PassKeyRow, sealKey?: Uint8Array): SigningKey {
  const publicKey = createPublicKey({ key: row.publicJwk, format: 'jwk' });
  const key: SigningKey = { kid: row.kid, publicJwk: row.publicJwk, publicKey };
  if (sealKey) {
    const der = unseal(sealKey, row.sealedPrivateKey);
    key.privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  }
  return key;
}

/** AES-256-GCM: base64url of iv (12) ‖ tag (16) ‖ ciphertext. */
function seal(key: Uint8Array, plain: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function unseal(key: Uint8Array, sealed: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
}
