import { createHmac } from 'node:crypto';

/** The purpose `RiderTokens.deriveKey` derives the pseudonym key for. */
export const PSEUDONYM_KEY_PURPOSE = 'journey-pass-pseudonym';

/**
 * The rider's pseudonym in one journey's pass: HMAC-SHA256(key, journeyId ‖ riderId), 12 bytes
 * base64url (16 characters). It differs per journey, so passes cannot be linked to each other or
 * to the rider without the server's secret.
 */
export function riderPseudonym(key: Uint8Array, journeyId: string, riderId: string): string {
  return createHmac('sha256', key)
    .update(`${journeyId}\u0000${riderId}`)
    .digest()
    .subarray(0, 12)
    .toString('base64url');
}
