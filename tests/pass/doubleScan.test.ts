/**
 * Two gates scanning the same pass at the same instant, over a real HTTP server on 127.0.0.1:
 * exactly one check-in (DESIGN.md §11), the others CONFLICT, one gate event stored; and the same
 * through GraphQL for a second pass.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.js';
import type { ItineraryOut } from '../journeys/fixtures.js';
import { listen } from '../parking/realServer.js';
import { bookId, CHECK_IN, journeyPass, MALL, NOW_MS, sampleSetUp } from './fixtures.js';

const GATES = 8;

describe('double scan at once (real server)', () => {
  let h: Harness;
  let server: { url: string; close: () => Promise<void> };
  let itineraries: ItineraryOut[];
  let rider: string;
  let operator: string;

  /** A booked journey's pass token and the gate time at its window's start. */
  const bookedPass = async (key: string) => {
    h.clock.set(NOW_MS);
    const journey = await journeyPass(h, rider, await bookId(h, rider, itineraries[0]!, key));
    const start = (decodeJwt(journey.pass!.token) as { pk: { s: number }[] }).pk[0]!.s;
    return { journey, token: journey.pass!.token, at: new Date(start * 1000).toISOString() };
  };
  const gateEvents = (reservationId: string) =>
    h.services.db.$client
      .prepare('SELECT kind FROM gate_events WHERE reservation_id = ?')
      .all(reservationId);

  beforeAll(async () => {
    h = createHarness({ nowMs: NOW_MS });
    itineraries = await sampleSetUp(h);
    rider = await h.riderToken('rider-1');
    operator = h.key({ role: 'operator', operatorId: 'sample' });
    server = await listen(h.app);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await h.close();
  });

  it(`${GATES} gates POST /v1/parking/checkins for one pass at once: one 201, the rest 409 CONFLICT`, async () => {
    const { journey, token, at } = await bookedPass('double-rest');
    h.clock.set(Date.parse(at));
    const responses = await Promise.all(
      Array.from({ length: GATES }, (_, gate) =>
        fetch(`${server.url}/v1/parking/checkins`, {
          method: 'POST',
          headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            pass: token,
            facilityId: MALL,
            at,
            idempotencyKey: `gate-${gate}`,
          }),
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as unknown })),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(GATES - 1).fill(409)]);
    for (const r of responses.filter((x) => x.status === 409)) {
      expect(r.body).toMatchObject({ error: { code: 'CONFLICT' } });
    }
    expect(gateEvents(journey.reservation!.id)).toEqual([{ kind: 'CHECK_IN' }]);
    expect((await journeyPass(h, rider, journey.id)).reservation!.status).toBe('CHECKED_IN');
  });

  it(`${GATES} gates call checkInParking for one pass at once: one check-in`, async () => {
    const { journey, token, at } = await bookedPass('double-gql');
    h.clock.set(Date.parse(at));
    const results = await Promise.all(
      Array.from({ length: GATES }, (_, gate) =>
        fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            query: CHECK_IN,
            variables: {
              input: { pass: token, facilityId: MALL, at, idempotencyKey: `gql-gate-${gate}` },
            },
          }),
        }).then(
          async (res) =>
            (await res.json()) as {
              data?: { checkInParking: { reservation: { status: string } } } | null;
              errors?: { extensions?: { code?: string } }[];
            },
        ),
      ),
    );
    const ok = results.filter((r) => r.data?.checkInParking);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.data!.checkInParking.reservation.status).toBe('CHECKED_IN');
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(
      GATES - 1,
    );
    expect(gateEvents(journey.reservation!.id)).toEqual([{ kind: 'CHECK_IN' }]);
  });
});
