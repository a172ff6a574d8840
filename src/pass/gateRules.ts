import { randomUUID } from 'node:crypto';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { PassInvalidError, PassRevokedError } from './errors.js';
import type { GateEvent, GateEventKind, GateState } from './records.js';

/** One gate event as asked: who, which kind, when, with which key and request fingerprint. */
export interface GateRequest {
  operatorId: string;
  kind: GateEventKind;
  atMs: number;
  idempotencyKey: string;
  requestHash: string;
  /** For a check-in by pass: the journey (`jti`) and the facility the gate is at. */
  pass?: { journeyId: string; facilityId: string };
}

const when = (d: Date) => d.toISOString();

/** undefined when the operator's key already recorded this same request; CONFLICT when it recorded another. */
function replay(state: GateState, req: GateRequest): undefined | 'new' {
  if (!state.earlier) return 'new';
  if (state.earlier.requestHash !== req.requestHash) {
    throw new ConflictError('idempotencyKey was already used for another gate event');
  }
  return undefined;
}

/** The facility's operator must be the caller (FORBIDDEN otherwise). */
function checkOperator(state: GateState, req: GateRequest): void {
  if (!state.facility) throw new NotFoundError('the reservation names no existing facility');
  if (state.facility.operatorId !== req.operatorId) {
    throw new ForbiddenError('this reservation is at a facility of another operator');
  }
}

function eventOf(state: GateState, req: GateRequest, nowMs: number): GateEvent {
  const reservation = state.reservation!;
  return {
    id: randomUUID(),
    operatorId: req.operatorId,
    facilityId: reservation.facilityId,
    reservationId: reservation.id,
    kind: req.kind,
    at: new Date(req.atMs),
    idempotencyKey: req.idempotencyKey,
    requestHash: req.requestHash,
    createdAt: new Date(nowMs),
  };
}

/**
 * The rule of a check-in, inside its unit (DESIGN.md §11): the pass's reservation at this
 * operator's facility, not cancelled, CONFIRMED and not checked in before. Answers undefined for
 * a retry of the same gate event.
 */
export function decideCheckIn(
  state: GateState,
  req: GateRequest,
  nowMs: number,
): GateEvent | undefined {
  if (!replay(state, req)) return undefined;
  const { reservation, journey } = state;
  if (
    !reservation ||
    reservation.journeyId !== req.pass?.journeyId ||
    reservation.facilityId !== req.pass.facilityId
  ) {
    throw new PassInvalidError('the pass names no reservation of this journey at this facility');
  }
  checkOperator(state, req);
  if (journey?.status === 'CANCELLED' || reservation.status === 'CANCELLED') {
    throw new PassRevokedError(
      `the journey was cancelled${journey?.cancelledAt ? ` at ${when(journey.cancelledAt)}` : ''}: the pass is revoked`,
    );
  }
  if (reservation.checkedInAt) {
    throw new ConflictError(`this pass was already checked in at ${when(reservation.checkedInAt)}`);
  }
  if (reservation.status !== 'CONFIRMED') {
    throw new ConflictError(`the reservation is ${reservation.status} and cannot be checked in`);
  }
  return eventOf(state, req, nowMs);
}

/** The rule of a check-out, inside its unit: a CHECKED_IN reservation of this operator, after its check-in. */
export function decideCheckOut(
  state: GateState,
  req: GateRequest,
  nowMs: number,
): GateEvent | undefined {
  if (!replay(state, req)) return undefined;
  const { reservation } = state;
  if (!reservation) throw new NotFoundError('no such reservation');
  checkOperator(state, req);
  if (reservation.checkedOutAt) {
    throw new ConflictError(
      `this reservation was already checked out at ${when(reservation.checkedOutAt)}`,
    );
  }
  if (reservation.status !== 'CHECKED_IN' || !reservation.checkedInAt) {
    throw new ConflictError(
      `the reservation is ${reservation.status}, not CHECKED_IN: nothing to check out`,
    );
  }
  if (req.atMs < reservation.checkedInAt.getTime()) {
    throw new BadInputError(`at lies before the check-in at ${when(reservation.checkedInAt)}`);
  }
  return eventOf(state, req, nowMs);
}
