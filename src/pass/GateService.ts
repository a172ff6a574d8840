import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import { BadInputError, ForbiddenError } from '../errors.js';
import type { RevokedPass } from '../parking/index.js';
import type { PassClaims, PassParking } from './claims.js';
import { PassInvalidError, PassNotValidNowError } from './errors.js';
import { decideCheckIn, decideCheckOut, type GateRequest } from './gateRules.js';
import type { PassService } from './PassService.js';
import type { GateOutcome, ReservationRef } from './records.js';
import type { PassRepository } from './repository.js';

/** What the gate service needs. */
export interface GateDeps {
  repository: PassRepository;
  passes: PassService;
  clock: Clock;
  /** Grace around the reservation window and the pass validity at the gate, seconds (`PASS_GRACE_SECONDS`, default 900). */
  graceSeconds: number;
}

/** A check-in as a gate sends it. */
export interface CheckInRequest {
  pass: string;
  facilityId: string;
  /** When the car passed the gate, ms since the epoch. */
  atMs: number;
  idempotencyKey: string;
}

/** A check-out as a gate sends it: by reservation id, or by the pass. */
export interface CheckOutRequest {
  reservationId?: string;
  pass?: string;
  atMs: number;
  idempotencyKey: string;
}

/** Most revocations in one answer. */
export const MAX_REVOCATIONS = 10_000;

/** A gate may report an event this far ahead of the server's clock, ms (clock skew). */
const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * A lot's gate (DESIGN.md §11): checks a pass in (its facility's operator only, inside the window
 * with a grace, not cancelled, once) and out; each gate event is one unit of the pass repository,
 * idempotent per `idempotencyKey`.
 */
export class GateService {
  constructor(private readonly deps: GateDeps) {}

  /** Checks the car of a pass in at `facilityId`: reservation → CHECKED_IN, journey → STARTED. */
  async checkIn(operatorId: string, req: CheckInRequest): Promise<GateOutcome> {
    const nowMs = this.checkEvent(req);
    const claims = await this.deps.passes.verify(req.pass);
    const parking = claims.pk.find((p) => p.f === req.facilityId);
    if (!parking) throw new ForbiddenError(`this pass is not for facility "${req.facilityId}"`);
    this.checkTimes(claims, parking, req.atMs);
    const gate: GateRequest = {
      operatorId,
      kind: 'CHECK_IN',
      atMs: req.atMs,
      idempotencyKey: req.idempotencyKey,
      requestHash: hashOf(['CHECK_IN', req.pass, req.facilityId, req.atMs]),
      pass: { journeyId: claims.jti, facilityId: req.facilityId },
    };
    return this.deps.repository.recordGateEvent(
      { operatorId, idempotencyKey: req.idempotencyKey, reservation: { code: parking.c } },
      nowMs,
      (state) => decideCheckIn(state, gate, nowMs),
    );
  }

  /** Checks a car out, by reservation id or by its pass (whose validity may have run out by then): → COMPLETED. */
  async checkOut(operatorId: string, req: CheckOutRequest): Promise<GateOutcome> {
    const nowMs = this.checkEvent(req);
    if ((req.pass === undefined) === (req.reservationId === undefined)) {
      throw new BadInputError('give exactly one of reservationId and pass');
    }
    let ref: ReservationRef;
    if (req.pass !== undefined) {
      const claims = await this.deps.passes.verify(req.pass);
      const parking = claims.pk[0];
      if (!parking) throw new PassInvalidError('this pass holds no parking');
      ref = { code: parking.c };
    } else {
      ref = { id: req.reservationId! };
    }
    const gate: GateRequest = {
      operatorId,
      kind: 'CHECK_OUT',
      atMs: req.atMs,
      idempotencyKey: req.idempotencyKey,
      requestHash: hashOf(['CHECK_OUT', req.pass ?? null, req.reservationId ?? null, req.atMs]),
    };
    return this.deps.repository.recordGateEvent(
      { operatorId, idempotencyKey: req.idempotencyKey, reservation: ref },
      nowMs,
      (state) => decideCheckOut(state, gate, nowMs),
    );
  }

  /** Passes of a facility revoked at or after `sinceMs` (the caller checked it is the operator's), oldest first. */
  revocations(facilityId: string, sinceMs: number): Promise<RevokedPass[]> {
    return this.deps.repository.revocations(facilityId, sinceMs, MAX_REVOCATIONS);
  }

  /** Checks the key and the time of a gate event; returns the server's now. */
  private checkEvent(req: { atMs: number; idempotencyKey: string }): number {
    if (req.idempotencyKey.length === 0 || req.idempotencyKey.length > 128) {
      throw new BadInputError('idempotencyKey must be 1–128 characters');
    }
    const nowMs = this.deps.clock.nowMs();
    if (!Number.isFinite(req.atMs)) throw new BadInputError('at must be a valid instant');
    if (req.atMs > nowMs + FUTURE_SKEW_MS) throw new BadInputError('at lies in the future');
    return nowMs;
  }

  /** The pass's validity and its reservation window, each with the grace, must hold at `atMs`. */
  private checkTimes(claims: PassClaims, parking: PassParking, atMs: number): void {
    const at = atMs / 1000;
    const grace = this.deps.graceSeconds;
    if (at < claims.nbf || at >= claims.exp) {
      throw new PassNotValidNowError(
        `the pass is valid from ${iso(claims.nbf)} to ${iso(claims.exp)}`,
      );
    }
    if (at < parking.s - grace || at >= parking.e + grace) {
      throw new PassNotValidNowError(
        `the reservation runs from ${iso(parking.s)} to ${iso(parking.e)} (grace ${grace} s)`,
      );
    }
  }
}

const iso = (sec: number) => new Date(sec * 1000).toISOString();

function hashOf(fields: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
