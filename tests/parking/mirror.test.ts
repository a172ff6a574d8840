import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects } from '../helpers/dialects.js';
import type { Harness } from '../helpers/harness.js';
import { CANCEL, createFacility, reserve } from './fixtures.js';

/**
 * The planner's view of parking (DESIGN.md §9): on PostgreSQL each replica keeps it in memory
 * (`ParkingMirror`) and follows the writes of every replica through `parking_changed`; a
 * reservation's new row travels in the notification. On SQLite the view reads the file.
 */
const WINDOW = {
  startsAt: '2026-12-01T08:00:00-05:00',
  endsAt: '2026-12-01T10:00:00-05:00',
};
const window = { startMs: Date.parse(WINDOW.startsAt), endMs: Date.parse(WINDOW.endsAt) };

/** Resolves once `check` holds, polling every 10 ms; throws after `timeoutMs`. */
async function within(timeoutMs: number, check: () => boolean): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeDialects('the planner view of parking', (ctx) => {
  let h: Harness;
  let other: Harness | undefined;
  let rider: string;
  let facilityId: string;

  beforeAll(async () => {
    h = await ctx.harness();
    rider = await h.riderToken('alice');
    const key = await h.apiKey({ role: 'operator', operatorId: 'acme' });
    facilityId = await createFacility(h, key, { id: 'mirror', reservableSpaces: 5 });
    if (ctx.dialect === 'postgres') other = await ctx.replica();
  });
  afterAll(async () => {
    await other?.close();
    await h.close();
  });

  const spacesLeft = (at: Harness) => {
    const view = at.services.parking.view;
    const facility = view.facility(facilityId);
    return facility ? view.offer(facility, window).reservableLeft : undefined;
  };

  it('counts a reservation the moment the write has answered, on the replica that wrote it', async () => {
    expect(spacesLeft(h)).toBe(5);
    const { reservation } = await reserve(h, rider, { facilityId, ...WINDOW, idempotencyKey: 'a' });
    expect(reservation?.status).toBe('CONFIRMED');
    expect(spacesLeft(h)).toBe(4);
    const cancelled = await h.gql(CANCEL, { id: reservation!.id }, rider);
    expect(cancelled.body.errors).toBeUndefined();
    expect(spacesLeft(h)).toBe(5);
  });

  it.runIf(ctx.dialect === 'postgres')(
    'follows reservations and cancellations made on another replica within 1 s',
    async () => {
      await within(1000, () => spacesLeft(other!) === 5);
      const made = await Promise.all(
        ['b', 'c', 'd'].map((key) =>
          reserve(h, rider, { facilityId, ...WINDOW, idempotencyKey: key }),
        ),
      );
      expect(made.every((m) => m.reservation?.status === 'CONFIRMED')).toBe(true);
      await within(1000, () => spacesLeft(other!) === 2);
      // And the other way round: a cancellation on the replica reaches the first.
      const cancelled = await other!.gql(CANCEL, { id: made[0]!.reservation!.id }, rider);
      expect(cancelled.body.errors).toBeUndefined();
      expect(spacesLeft(other!)).toBe(3);
      await within(1000, () => spacesLeft(h) === 3);
    },
  );
});
