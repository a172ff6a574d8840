import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { UnixSeconds } from '../transit/index.js';
import type { CompactItinerary } from './compactItinerary.js';

/** What an itinerary id holds once its signature is checked. */
export interface OpenedItinerary {
  itinerary: CompactItinerary;
  issuedAt: UnixSeconds;
  expiresAt: UnixSeconds;
  /** SHA-256 (hex) of the itinerary alone: equal itineraries share it whatever their issue time. */
  hash: string;
}

/** The signed body of an itinerary id. */
interface TokenBody {
  i: CompactItinerary;
  ia: UnixSeconds;
  ex: UnixSeconds;
}

/** Purpose string the signing key is derived with from the server's secret. */
export const ITINERARY_KEY_PURPOSE = 'itinerary';

/** SHA-256 (hex) of a compact itinerary's JSON. */
export function itineraryHash(itinerary: CompactItinerary): string {
  return createHash('sha256').update(JSON.stringify(itinerary)).digest('hex');
}

/**
 * Stateless itinerary ids (DESIGN.md §6): `base64url(deflate(JSON)) "." base64url(HMAC-SHA256)`,
 * the JSON holding the compact itinerary, its issue time and its expiry (deflated so that ids stay
 * short). Any replica with the same secret can open them; nothing is stored until booking.
 */
export class ItineraryTokens {
  /**
   * @param key signing key (derive it from the server's secret, never reuse the JWT key as is)
   * @param ttlSeconds how long an id can be booked (`ITINERARY_TTL_SECONDS`, default 1800)
   */
  constructor(
    private readonly key: Uint8Array,
    readonly ttlSeconds: number,
  ) {}

  private sign(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }

  /** The id of `itinerary`, issued at `nowSec`, bookable until `nowSec + ttlSeconds`. */
  issue(itinerary: CompactItinerary, nowSec: UnixSeconds): string {
    const issuedAt = Math.floor(nowSec);
    const body: TokenBody = { i: itinerary, ia: issuedAt, ex: issuedAt + this.ttlSeconds };
    const encoded = deflateRawSync(JSON.stringify(body)).toString('base64url');
    return `${encoded}.${this.sign(encoded).toString('base64url')}`;
  }

  /** The content of an id whose signature holds (expired or not; the caller decides); undefined otherwise. */
  open(token: string): OpenedItinerary | undefined {
    const dot = token.indexOf('.');
    if (dot <= 0 || token.length > 16_384) return undefined;
    const encoded = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = this.sign(encoded);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const body = parseBody(encoded);
    if (!body) return undefined;
    return {
      itinerary: body.i,
      issuedAt: body.ia,
      expiresAt: body.ex,
      hash: itineraryHash(body.i),
    };
  }
}

/** The JSON of a signed body; undefined when it is not of this version's format. */
function parseBody(encoded: string): TokenBody | undefined {
  try {
    const body = JSON.parse(
      inflateRawSync(Buffer.from(encoded, 'base64url'), { maxOutputLength: 1 << 20 }).toString(
        'utf8',
      ),
    ) as Partial<Record<keyof TokenBody, unknown>>;
    const i = body.i as Partial<CompactItinerary> | null | undefined;
    // Signed by this server: only a format from another version can still be off.
    if (
      i?.v !== 1 ||
      !Array.isArray(i.l) ||
      typeof body.ia !== 'number' ||
      typeof body.ex !== 'number'
    )
      return undefined;
    return body as TokenBody;
  } catch {
    return undefined;
  }
}
