import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects } from '../helpers/dialects.js';
import type { Harness } from '../helpers/harness.js';
import { createFacility, RESERVE, type ReservationOut } from './fixtures.js';
import { listen, maxCovering } from './realServer.js';

const CAPACITY = 20;
const MIN = 60_000;

interface Window {
  start: number;
  end: number;
}

/** Reservations that hold a space, read straight from the table (a SQL sweep, either dialect). */
async function activeWindows(h: Harness, facilityId: string): Promise<Window[]> {
  const rows = await h.query<{ start: number | Date; end: number | Date }>(
    `SELECT starts_at AS start, ends_at AS "end" FROM parking_reservations
     WHERE facility_id = '${facilityId.replace(/'/g, "''")}' AND status IN ('HELD', 'CONFIRMED', 'CHECKED_IN')`,
  );
  return rows.map((r) => ({ start: new Date(r.start).getTime(), end: new Date(r.end).getTime() }));
}

/** Fires every window as its own reserveParking request at once; returns each outcome. */
async function fireAll(
  url: string,
  tokens: string[],
  facilityId: string,
  windows: Window[],
  tag: string,
): Promise<
  ({ ok: true; reservation: ReservationOut } | { ok: false; code: string | undefined })[]
> {
  return Promise.all(
    windows.map(async (w, i) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokens[i % tokens.length]!}`,
        },
        body: JSON.stringify({
          query: RESERVE,
          variables: {
            input: {
              facilityId,
              startsAt: new Date(w.start).toISOString(),
              endsAt: new Date(w.end).toISOString(),
              idempotencyKey: `${tag}-${i}`,
            },
          },
        }),
      });
      const body = (await res.json()) as {
        data?: { reserveParking: { reservation: ReservationOut } } | null;
        errors?: { extensions?: { code?: string } }[];
      };
      return body.data
        ? { ok: true as const, reservation: body.data.reserveParking.reservation }
        : { ok: false as const, code: body.errors?.[0]?.extensions?.code };
    }),
  );
}

/** Expected successes when every group of mutually overlapping windows shares an instant: min(size, capacity) each. */
function expectedSuccesses(windows: Window[], capacity: number): number {
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  let expected = 0;
  let group: Window[] = [];
  const close = () => {
    if (group.length === 0) return;
    const latestStart = Math.max(...group.map((w) => w.start));
    const earliestEnd = Math.min(...group.map((w) => w.end));
    // Only then is the count independent of the order the server happened to process them in.
    expect(latestStart).toBeLessThan(earliestEnd);
    expected += Math.min(group.length, capacity);
    group = [];
  };
  for (const w of sorted) {
    if (group.length > 0 && w.start >= Math.max(...group.map((g) => g.end))) close();
    group.push(w);
  }
  close();
  return expected;
}

describeDialects('reserveParking under concurrency (real server on 127.0.0.1)', (ctx) => {
  const { harness } = ctx;
  let h: Harness;
  let url: string;
  let close: () => Promise<void>;
  let tokens: string[];
  let operatorKey: string;

  beforeAll(async () => {
    h = await harness();
    ({ url, close } = await listen(h.app));
    operatorKey = await h.apiKey({ role: 'operator', operatorId: 'acme' });
    tokens = await Promise.all(Array.from({ length: 25 }, (_, i) => h.riderToken(`rider-${i}`)));
  });
  afterAll(async () => {
    await close();
    await h.close();
  });

  it('200 requests with overlapping windows: exactly what the invariant allows succeeds, the rest NO_CAPACITY', async () => {
    const facilityId = await createFacility(h, operatorKey, {
      id: 'busy',
      reservableSpaces: CAPACITY,
    });
    // Two clusters the next morning and afternoon; within each every window covers one instant.
    const morning = Date.parse('2026-12-02T09:00:00-05:00');
    const afternoon = Date.parse('2026-12-02T15:00:00-05:00');
    const windows: Window[] = Array.from({ length: 200 }, (_, i) => {
      const pivot = i % 5 < 3 ? morning : afternoon;
      return {
        start: pivot - (1 + ((i * 7) % 8)) * 15 * MIN,
        end: pivot + (1 + ((i * 5) % 8)) * 15 * MIN,
      };
    });
    const expected = expectedSuccesses(windows, CAPACITY);
    expect(expected).toBe(2 * CAPACITY);

    const outcomes = await fireAll(url, tokens, facilityId, windows, 'clusters');

    const won = outcomes.filter((o) => o.ok);
    const lost = outcomes.filter((o) => !o.ok);
    expect(won).toHaveLength(expected);
    expect(lost.map((o) => o.code)).toEqual(Array<string>(200 - expected).fill('NO_CAPACITY'));
    expect(new Set(won.map((o) => o.reservation.code)).size).toBe(expected);
    const stored = await activeWindows(h, facilityId);
    expect(stored).toHaveLength(expected);
    expect(maxCovering(stored)).toBe(CAPACITY);
  });

  it('random windows: never more than 20 at any instant, and every refusal was needed', async () => {
    const facilityId = await createFacility(h, operatorKey, {
      id: 'random',
      reservableSpaces: CAPACITY,
    });
    const base = Date.parse('2026-12-03T00:00:00-05:00');
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const windows: Window[] = Array.from({ length: 200 }, () => {
      const start = base + rand(96) * 15 * MIN;
      return { start, end: start + (1 + rand(24)) * 15 * MIN };
    });

    const outcomes = await fireAll(url, tokens, facilityId, windows, 'random');

    const stored = await activeWindows(h, facilityId);
    expect(stored).toHaveLength(outcomes.filter((o) => o.ok).length);
    expect(maxCovering(stored)).toBeLessThanOrEqual(CAPACITY);
    outcomes.forEach((o, i) => {
      if (o.ok) return;
      expect(o.code).toBe('NO_CAPACITY');
      // Reservations only accumulated, so a refusal must still be justified against the final set.
      expect(
        maxCovering(
          [...stored, windows[i]!].filter(
            (w) => w.start < windows[i]!.end && w.end > windows[i]!.start,
          ),
        ),
      ).toBeGreaterThan(CAPACITY);
    });
    expect(outcomes.some((o) => !o.ok)).toBe(true);
  });

  it.runIf(ctx.dialect === 'postgres')(
    'one idempotency key sent to two replicas at the same instant gives one reservation',
    async () => {
      const facilityId = await createFacility(h, operatorKey, {
        id: 'twice',
        reservableSpaces: 50,
      });
      const other = await ctx.replica();
      const second = await listen(other.app);
      try {
        const window = { start: Date.parse('2026-12-04T09:00:00-05:00'), end: 0 };
        window.end = window.start + 60 * MIN;
        for (let k = 0; k < 10; k++) {
          // The same rider, key and window at once through both replicas.
          const [a, b] = await Promise.all(
            [url, second.url].map((u) => fireAll(u, [tokens[0]!], facilityId, [window], `dup${k}`)),
          );
          expect(a![0]!.ok && b![0]!.ok).toBe(true);
          if (a![0]!.ok && b![0]!.ok) expect(a![0]!.reservation.id).toBe(b![0]!.reservation.id);
        }
        expect(await activeWindows(h, facilityId)).toHaveLength(10);
      } finally {
        await second.close();
        await other.close();
      }
    },
  );
});
