import { z } from 'zod';

/** Unix seconds. */
export type UnixSeconds = number;

/** The parking of one PARK leg in a pass: facility id, reservation code and window. */
export interface PassParking {
  /** Facility id (`"<operatorId>:<ownId>"`). */
  f: string;
  /** Reservation code (what the gate would otherwise be told by the rider). */
  c: string;
  /** Reservation window start, Unix seconds. */
  s: UnixSeconds;
  /** Reservation window end (exclusive), Unix seconds. */
  e: UnixSeconds;
}

/**
 * What a pass says (DESIGN.md §11), with short names to keep the QR code small: the journey
 * (`jti`, also the pass id), a per-journey pseudonym of the rider (`sub`, never the rider id), the
 * validity `[nbf, exp)` and per parking leg its facility, code and window (`pk`).
 */
export interface PassClaims {
  jti: string;
  sub: string;
  nbf: UnixSeconds;
  exp: UnixSeconds;
  pk: PassParking[];
}

const passClaimsSchema = z.object({
  jti: z.string().min(1).max(64),
  sub: z.string().min(1).max(64),
  nbf: z.number().int(),
  exp: z.number().int(),
  pk: z
    .array(
      z.object({
        f: z.string().min(1).max(200),
        c: z.string().min(1).max(32),
        s: z.number().int(),
        e: z.number().int(),
      }),
    )
    .max(8),
});

/** The claims of a verified payload, or undefined when they do not have the shape of a pass. */
export function parseClaims(payload: unknown): PassClaims | undefined {
  const parsed = passClaimsSchema.safeParse(payload);
  return parsed.success ? parsed.data : undefined;
}

/** What a pass is made from: the journey, its planned times and its reservation. */
export interface PassSubject {
  journeyId: string;
  riderId: string;
  departureSec: UnixSeconds;
  arrivalSec: UnixSeconds;
  parking: { facilityId: string; code: string; startSec: UnixSeconds; endSec: UnixSeconds }[];
}

/**
 * The claims of a journey's pass: valid from the first departure minus `marginSec` to the last
 * arrival, or the end of its parking window if later (the car leaves then), plus `marginSec`.
 */
export function claimsOf(subject: PassSubject, pseudonym: string, marginSec: number): PassClaims {
  const last = Math.max(subject.arrivalSec, ...subject.parking.map((p) => p.endSec));
  return {
    jti: subject.journeyId,
    sub: pseudonym,
    nbf: subject.departureSec - marginSec,
    exp: last + marginSec,
    pk: subject.parking.map((p) => ({ f: p.facilityId, c: p.code, s: p.startSec, e: p.endSec })),
  };
}
