import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  authenticate,
  requireOperatorAccess,
  requireRider,
  type Caller,
} from '../../../auth/index.js';
import { BadInputError, NotFoundError } from '../../../errors.js';
import type { Reservation } from '../../../parking/index.js';
import { overstaySeconds } from '../../../parking/index.js';
import { PassRevokedError, qrPng, qrSvg, type GateOutcome } from '../../../pass/index.js';
import type { Services } from '../../../services.js';
import { formatInstant } from '../../../transit/index.js';
import { requireGateOperator } from '../../graphql/gateCaller.js';
import { passSubjectOf } from '../../passSubject.js';
import { jsonBodyOf } from '../jsonBody.js';
import { gateEventOfBody } from './gateBody.js';

/** Largest gate event body, bytes (a pass is a few hundred). */
const MAX_GATE_BODY_BYTES = 16 * 1024;

/**
 * Journey passes over plain HTTP (DESIGN.md §11): the public keys, the rider's QR code, and the
 * gate endpoints for controllers that do not speak GraphQL.
 */
export function passRoutes(services: Services): Hono {
  const app = new Hono();
  const callerOf = (c: Context): Promise<Caller> =>
    authenticate(c.req.header('authorization'), {
      apiKeys: services.apiKeys,
      tokens: services.tokens,
      nowMs: services.clock.nowMs(),
    });

  app.get('/.well-known/jwks.json', async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(await services.passes.jwks());
  });

  const passOf = async (c: Context) => {
    const riderId = requireRider(await callerOf(c));
    const booked = await services.journeys.get({ kind: 'rider', riderId }, c.req.param('id')!);
    if (booked.journey.status === 'CANCELLED') {
      throw new PassRevokedError('the journey was cancelled: its pass is revoked');
    }
    c.header('Cache-Control', 'private, no-store');
    return services.passes.passFor(passSubjectOf(booked));
  };
  app.get('/v1/journeys/:id/pass.svg', async (c) => {
    const pass = await passOf(c);
    return c.body(await qrSvg(pass.token), 200, { 'Content-Type': 'image/svg+xml' });
  });
  app.get('/v1/journeys/:id/pass.png', async (c) => {
    const pass = await passOf(c);
    return c.body(new Uint8Array(await qrPng(pass.token)), 200, { 'Content-Type': 'image/png' });
  });

  app.post('/v1/parking/checkins', async (c) => {
    const operatorId = requireGateOperator(await callerOf(c));
    const event = gateEventOfBody(
      await jsonBodyOf(c, MAX_GATE_BODY_BYTES),
      c.req.header('idempotency-key'),
    );
    const outcome =
      event.kind === 'CHECK_OUT'
        ? await services.gate.checkOut(operatorId, {
            pass: event.pass,
            reservationId: event.reservationId,
            atMs: event.at,
            idempotencyKey: event.idempotencyKey,
          })
        : await services.gate.checkIn(operatorId, {
            pass: event.pass,
            facilityId: event.facilityId,
            atMs: event.at,
            idempotencyKey: event.idempotencyKey,
          });
    return c.json(await outcomeJson(services, outcome), outcome.replayed ? 200 : 201);
  });

  app.get('/v1/parking/facilities/:id/revocations', async (c) => {
    const caller = await callerOf(c);
    const facility = await services.parking.facility(c.req.param('id'));
    requireGateOperator(caller);
    if (!facility)
      throw new NotFoundError(`parking facility "${c.req.param('id')}" does not exist`);
    requireOperatorAccess(caller, facility.operatorId);
    const since = c.req.query('since');
    const sinceMs = since === undefined ? 0 : Date.parse(since);
    if (since !== undefined && (!/(Z|[+-]\d{2}:?\d{2})$/i.test(since) || Number.isNaN(sinceMs))) {
      throw new BadInputError('since must be an ISO-8601 instant with an offset');
    }
    const nowMs = services.clock.nowMs();
    const revoked = await services.gate.revocations(facility.id, sinceMs);
    const zone = facility.timezone;
    return c.json({
      facilityId: facility.id,
      // The next poll asks from here: a cancellation committed later has a later time.
      until: formatInstant(nowMs / 1000, zone),
      revocations: revoked.map((r) => ({
        passId: r.passId,
        reservationCode: r.reservationCode,
        revokedAt: formatInstant(r.revokedAtMs / 1000, zone),
      })),
    });
  });
  return app;
}

/** The JSON answer of a gate event: the reservation without its rider, and whether it was a retry. */
async function outcomeJson(services: Services, { reservation, replayed }: GateOutcome) {
  // The planner's in-memory view first (its zone is all that is needed here), the database else.
  const facility =
    services.parking.view.facility(reservation.facilityId) ??
    (await services.parking.facility(reservation.facilityId));
  const zone = facility?.timezone ?? 'UTC';
  const show = (d: Date | null) => (d ? formatInstant(d.getTime() / 1000, zone) : null);
  const r: Reservation = reservation;
  return {
    replayed,
    reservation: {
      id: r.id,
      code: r.code,
      status: r.status,
      facilityId: r.facilityId,
      startsAt: show(r.startsAt),
      endsAt: show(r.endsAt),
      checkedInAt: show(r.checkedInAt),
      checkedOutAt: show(r.checkedOutAt),
      overstaySeconds: overstaySeconds(r, services.clock.nowMs()),
    },
  };
}
