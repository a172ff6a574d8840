import { randomInt } from 'node:crypto';

// Crockford-like: no 0/O, 1/I/L, so a code read out over the phone survives.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random short code for a reservation, `length` characters (default 6, ~8.9e8 codes). */
export function newReservationCode(length = 6): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET.charAt(randomInt(ALPHABET.length));
  return code;
}
