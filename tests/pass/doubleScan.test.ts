/**
 * Two gates scanning the same pass at the same instant, over a real HTTP server on 127.0.0.1:
 * exactly one check-in (DESIGN.md §11), the others CONFLICT, one gate event stored; and the same
 * through GraphQL for a second pass. On PostgreSQL, also across two replicas of one database: the
 * scans split over both, one idempotency key sent to both, and a cancellation racing a check-in.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects } from '../helpers/dialects.js';
import type { Harness } from '../helpers/harness.js';
import { cancelJourney, type ItineraryOut } from '../journeys/fixtures.js';
import { listen } from '../parking/realServer.js';
import { bookId, CHECK_IN, journeyPass, MALL, NOW_MS, sampleSetUp } from './fixtures.js';

const GATES = 8;

interface Posted {
  status: number;
  body: { replayed?: boolean; reservation?: { id: string; status: string }; error?: unknown };
}

describeDialects('double scan at once (real server)', (ctx) => {
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
    h.query<{ kind: string }>(
      `SELECT kind FROM gate_events WHERE reservation_id = '${reservationId}'`,
    );
  /** POST /v1/parking/checkins at `url`. */
  const postCheckIn = async (url: string, body: Record<string, unknown>): Promise<Posted> => {
    const res = await fetch(`${url}/v1/parking/checkins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Posted['body'] };
  };

  beforeAll(async () => {
    h = await ctx.harness({ nowMs: NOW_MS });
    itineraries = await sampleSetUp(h);
    rider = await h.riderToken('rider-1');
    operator = await h.apiKey({ role: 'operator', operatorId: 'sample' });
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
        postCheckIn(server.url, {
          pass: token,
          facilityId: MALL,
          at,
          idempotencyKey: `gate-${gate}`,
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(GATES - 1).fill(409)]);
    for (const r of responses.filter((x) => x.status === 409)) {
      expect(r.body).toMatchObject({ error: { code: 'CONFLICT' } });
    }
    expect(await gateEvents(journey.reservation!.id)).toEqual([{ kind: 'CHECK_IN' }]);
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
    expect(await gateEvents(journey.reservation!.id)).toEqual([{ kind: 'CHECK_IN' }]);
  });

  it.runIf(ctx.dialect === 'postgres')(
    'two replicas of one database: one check-in per pass, one result per key, a cancellation or a check-in',
    async () => {
      const other = await ctx.replica({ nowMs: NOW_MS });
      const second = await listen(other.app);
      const urls = [server.url, second.url];
      try {
        // The same pass at both replicas at the same instant, several gates each.
        const split = await bookedPass('replicas-split');
        h.clock.set(Date.parse(split.at));
        other.clock.set(Date.parse(split.at));
        const scans = await Promise.all(
          Array.from({ length: GATES }, (_, gate) =>
            postCheckIn(urls[gate % 2]!, {
              pass: split.token,
              facilityId: MALL,
              at: split.at,
              idempotencyKey: `replica-gate-${gate}`,
            }),
          ),
        );
        expect(scans.map((r) => r.status).sort()).toEqual([
          201,
          ...Array<number>(GATES - 1).fill(409),
        ]);
        expect(await gateEvents(split.journey.reservation!.id)).toEqual([{ kind: 'CHECK_IN' }]);

        // One idempotency key sent to both replicas at once: one check-in, the rest replay it.
        const same = await bookedPass('replicas-same-key');
        h.clock.set(Date.parse(same.at));
        other.clock.set(Date.parse(same.at));
        const body = { pass: same.token, facilityId: MALL, at: same.at, idempotencyKey: 'k' };
        const retries = await Promise.all(
          Array.from({ length: GATES }, (_, i) => postCheckIn(urls[i % 2]!, body)),
        );
        expect(retries.map((r) => r.status).sort()).toEqual([
          200,
          ...Array<number>(GATES - 2).fill(200),
          201,
        ]);
        expect(retries.filter((r) => r.body.replayed === false)).toHaveLength(1);
        for (const r of retries) {
          expect(r.body.reservation).toMatchObject({
            id: same.journey.reservation!.id,
            status: 'CHECKED_IN',
          });
        }
        expect(await gateEvents(same.journey.reservation!.id)).toEqual([{ kind: 'CHECK_IN' }]);

        // The rider cancels at one replica while the car checks in at the other: one of them wins.
        const race = await bookedPass('replicas-race');
        h.clock.set(Date.parse(race.at));
        other.clock.set(Date.parse(race.at));
        const [cancelled, scanned] = await Promise.all([
          cancelJourney(h, rider, race.journey.id),
          postCheckIn(second.url, {
            pass: race.token,
            facilityId: MALL,
            at: race.at,
            idempotencyKey: 'race',
          }),
        ]);
        const after = await journeyPass(h, rider, race.journey.id);
        if (scanned.status === 201) {
          expect(cancelled.code).toBe('CONFLICT');
          expect(after).toMatchObject({ status: 'STARTED', reservation: { status: 'CHECKED_IN' } });
        } else {
          expect(scanned).toMatchObject({ status: 409, body: { error: { code: 'PASS_REVOKED' } } });
          expect(cancelled.journey?.status).toBe('CANCELLED');
          expect(after.reservation!.status).toBe('CANCELLED');
        }
      } finally {
        await second.close();
        await other.close();
      }
    },
    60_000,
  );
});
