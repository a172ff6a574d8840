import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { RiderTokens } from '../../src/auth/riderTokens.js';
import { facilityInput, REPORT, RESERVE, UPSERT } from '../parking/fixtures.js';
import { maasCli, startChildServer, type ChildServer } from './childServer.js';
import { journeyProblems, overbookings } from './invariants.js';

/** Reservations are streamed for this long before the SIGKILL, ms. */
const STREAM_MS = 2500;
/** Requests of each kind kept in flight at once. */
const IN_FLIGHT = { reserve: 12, report: 2, book: 2 };
/** Spaces of the facility the reservations contend for. */
const CAPACITY = 25;

interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One reserveParking request and what became of it. */
interface ReserveAttempt {
  rider: string;
  key: string;
  startsAt: string;
  endsAt: string;
  outcome: 'acknowledged' | 'refused' | 'unknown';
  reservation?: { id: string; code: string; status: string };
}

async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  bearer?: string,
): Promise<GqlBody> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlBody;
}

const BOOK = /* GraphQL */ `
  mutation ($input: BookJourneyInput!) {
    bookJourney(input: $input) {
      journey {
        id
        status
        reservation {
          id
        }
      }
    }
  }
`;
const PLAN = /* GraphQL */ `
  query ($input: PlanInput!) {
    plan(input: $input) {
      itineraries {
        id
        legs {
          mode
        }
      }
    }
  }
`;

// Also with WORKERS=2: two processes writing to one app.sqlite, the primary SIGKILLed (its workers
// exit as soon as their IPC channel closes, without a shutdown).
describe.each(['1', '2'])(
  'crash safety (WORKERS=%s): SIGKILL while writes stream in, then restart on the same data folder',
  (workers) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maas-crash-'));
    let server: ChildServer | undefined;
    afterAll(async () => {
      await server?.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('keeps every acknowledged reservation, booking and availability report; no overbooking; integrity ok', async () => {
      server = await startChildServer({ dataDir, env: { LOAD_SAMPLE: 'true', WORKERS: workers } });
      const operatorKey = await maasCli(dataDir, [
        'key',
        'create',
        '--role',
        'operator',
        '--operator',
        'sample',
      ]);
      expect(operatorKey).toMatch(/^maas_/);
      const tokens = RiderTokens.fromDataDir(dataDir);
      const riders = await Promise.all(
        Array.from({ length: 20 }, (_, i) => tokens.sign(`rider-${i}`, Date.now())),
      );
      const upsert = await gql(
        server.url,
        UPSERT,
        { input: facilityInput({ id: 'crash', reservableSpaces: CAPACITY, totalSpaces: 60 }) },
        operatorKey,
      );
      expect(upsert.errors).toBeUndefined();
      const facilityId = 'sample:crash';

      // Windows from tomorrow, overlapping around one instant so that capacity runs out.
      const base = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 24 * 3_600_000;
      const windowOf = (n: number) => ({
        startsAt: new Date(base - ((n * 7) % 5) * 900_000).toISOString(),
        endsAt: new Date(base + (1 + ((n * 3) % 6)) * 900_000).toISOString(),
      });

      const hasBooking = JSON.stringify(
        await gql(server.url, '{ __type(name: "Mutation") { fields { name } } }', {}),
      ).includes('"bookJourney"');
      const url = server.url;
      const attempts: ReserveAttempt[] = [];
      const reports: { facilityId: string; observedAt: string; acknowledged: boolean }[] = [];
      const journeys: {
        key: string;
        rider: string;
        id?: string;
        reservationId?: string | null;
        outcome: ReserveAttempt['outcome'];
      }[] = [];
      const run = { streaming: true };
      // A function, so that the check is not narrowed away across the awaits.
      const streaming = () => run.streaming;
      let next = 0;

      const reserveLoop = async () => {
        while (streaming()) {
          const n = next++;
          const attempt: ReserveAttempt = {
            rider: `rider-${n % riders.length}`,
            key: `crash-${n}`,
            ...windowOf(n),
            outcome: 'unknown',
          };
          attempts.push(attempt);
          try {
            const body = await gql(
              url,
              RESERVE,
              {
                input: {
                  facilityId,
                  startsAt: attempt.startsAt,
                  endsAt: attempt.endsAt,
                  idempotencyKey: attempt.key,
                  hold: n % 4 === 0,
                },
              },
              riders[n % riders.length],
            );
            const reservation = (
              body.data?.reserveParking as
                { reservation?: ReserveAttempt['reservation'] } | undefined
            )?.reservation;
            if (reservation) Object.assign(attempt, { outcome: 'acknowledged', reservation });
            else if (body.errors?.[0]?.extensions?.code === 'NO_CAPACITY')
              attempt.outcome = 'refused';
            else throw new Error(`reserveParking: ${JSON.stringify(body)}`);
          } catch (error) {
            if (streaming()) throw error;
            return; // the server died with this request in flight: its outcome is unknown
          }
        }
      };
      let lastObserved = 0;
      const reportLoop = async (facility: string) => {
        while (streaming()) {
          lastObserved = Math.max(Date.now(), lastObserved + 1);
          const entry = {
            facilityId: facility,
            observedAt: new Date(lastObserved).toISOString(),
            acknowledged: false,
          };
          reports.push(entry);
          try {
            const body = await gql(
              url,
              REPORT,
              {
                input: {
                  reports: [
                    {
                      facilityId: facility,
                      availableSpaces: lastObserved % 50,
                      status: 'OPEN',
                      observedAt: entry.observedAt,
                    },
                  ],
                },
              },
              operatorKey,
            );
            if (!body.data) throw new Error(`reportParkingAvailability: ${JSON.stringify(body)}`);
            entry.acknowledged = true;
          } catch (error) {
            if (streaming()) throw error;
            return;
          }
        }
      };
      // Park-and-ride itineraries to book, when journeys exist and the sample feed runs on these days.
      const itineraries: string[] = [];
      if (hasBooking) {
        const planned = await gql(url, PLAN, {
          input: {
            from: { lat: 40.6, lon: -74.15 },
            to: { stopId: 'si:200001' },
            departAt: new Date(base).toISOString(),
            accessModes: ['CAR_PARK'],
            numItineraries: 5,
          },
        });
        for (const it of (planned.data?.plan as { itineraries: { id: string }[] } | undefined)
          ?.itineraries ?? [])
          itineraries.push(it.id);
      }
      const bookLoop = async () => {
        while (run.streaming && itineraries.length > 0) {
          const n = next++;
          const entry: (typeof journeys)[number] = {
            key: `journey-${n}`,
            rider: `rider-${n % riders.length}`,
            outcome: 'unknown',
          };
          journeys.push(entry);
          try {
            const body = await gql(
              url,
              BOOK,
              {
                input: {
                  itineraryId: itineraries[n % itineraries.length],
                  idempotencyKey: entry.key,
                },
              },
              riders[n % riders.length],
            );
            const journey = (
              body.data?.bookJourney as
                { journey?: { id: string; reservation: { id: string } | null } } | undefined
            )?.journey;
            if (journey)
              Object.assign(entry, {
                outcome: 'acknowledged',
                id: journey.id,
                reservationId: journey.reservation?.id ?? null,
              });
            else entry.outcome = 'refused';
          } catch (error) {
            if (streaming()) throw error;
            return;
          }
        }
      };

      const loops = [
        ...Array.from({ length: IN_FLIGHT.reserve }, reserveLoop),
        ...['sample:st-george', 'sample:eltingville'].slice(0, IN_FLIGHT.report).map(reportLoop),
        ...Array.from({ length: IN_FLIGHT.book }, bookLoop),
      ];
      await new Promise((resolve) => setTimeout(resolve, STREAM_MS));
      // SIGKILL with requests in flight: no shutdown hook runs.
      const dead = server;
      const killed = dead.stop('SIGKILL');
      run.streaming = false;
      await Promise.all([...loops, killed]);
      expect(dead.process.signalCode).toBe('SIGKILL');

      const acknowledged = attempts.filter((a) => a.outcome === 'acknowledged');
      expect(acknowledged.length).toBeGreaterThan(CAPACITY / 2);
      expect(reports.filter((r) => r.acknowledged).length).toBeGreaterThan(5);

      server = await startChildServer({ dataDir, env: { LOAD_SAMPLE: 'true', WORKERS: workers } });
      const db = new Database(path.join(dataDir, 'app.sqlite'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);

        // Every acknowledged reservation is there, as acknowledged.
        const byId = db.prepare(
          'SELECT id, code, status, rider_id AS rider, facility_id AS facilityId FROM parking_reservations WHERE id = ?',
        );
        for (const a of acknowledged) {
          expect(byId.get(a.reservation!.id), `reservation ${a.key}`).toEqual({
            id: a.reservation!.id,
            code: a.reservation!.code,
            status: a.reservation!.status,
            rider: a.rider,
            facilityId,
          });
        }
        // A retry of a request cut off by the crash gives its first result, or a fresh one: never two.
        for (const a of attempts.filter((x) => x.outcome === 'unknown')) {
          const body = await gql(
            server.url,
            RESERVE,
            {
              input: {
                facilityId,
                startsAt: a.startsAt,
                endsAt: a.endsAt,
                idempotencyKey: a.key,
                hold: Number(a.key.split('-')[1]) % 4 === 0,
              },
            },
            riders[Number(a.rider.split('-')[1])],
          );
          expect(body.data ?? body.errors?.[0]?.extensions?.code, a.key).not.toBeUndefined();
          if (!body.data) expect(body.errors?.[0]?.extensions?.code).toBe('NO_CAPACITY');
        }
        const perKey = db
          .prepare(
            "SELECT rider_id, idempotency_key, COUNT(*) AS n FROM parking_reservations WHERE idempotency_key LIKE 'crash-%' GROUP BY 1, 2 HAVING n > 1",
          )
          .all();
        expect(perKey).toEqual([]);

        // Availability: what is stored is at least as new as the last acknowledged report.
        const stored = db.prepare(
          'SELECT observed_at AS observedAt FROM parking_availability WHERE facility_id = ?',
        );
        for (const facility of new Set(reports.map((r) => r.facilityId))) {
          const last = reports.filter((r) => r.facilityId === facility && r.acknowledged).at(-1);
          if (!last) continue;
          const row = stored.get(facility) as { observedAt: number } | undefined;
          expect(row?.observedAt, facility).toBeGreaterThanOrEqual(Date.parse(last.observedAt));
        }

        // Journeys: every acknowledged booking is there with its parking.
        const journeyById = db.prepare(
          'SELECT id, reservation_id AS reservationId FROM journeys WHERE id = ?',
        );
        for (const j of journeys.filter((x) => x.outcome === 'acknowledged')) {
          expect(journeyById.get(j.id), `journey ${j.key}`).toEqual({
            id: j.id,
            reservationId: j.reservationId,
          });
        }

        expect(overbookings(db, Date.now())).toEqual([]);
        expect(journeyProblems(db)).toEqual([]);
      } finally {
        db.close();
      }
      // The restarted server serves what was written before the crash.
      const mine = await gql(
        server.url,
        '{ myParkingReservations(first: 100) { edges { node { id } } } }',
        {},
        riders[1],
      );
      const listed = new Set(
        (mine.data?.myParkingReservations as { edges: { node: { id: string } }[] }).edges.map(
          (e) => e.node.id,
        ),
      );
      for (const a of acknowledged.filter((x) => x.rider === 'rider-1'))
        expect(listed.has(a.reservation!.id)).toBe(true);
    }, 240_000);
  },
);
