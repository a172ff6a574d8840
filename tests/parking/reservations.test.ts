import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeDialects } from '../helpers/dialects.js';
import type { Harness } from '../helpers/harness.js';
import { CANCEL, codeOf, CONFIRM, createFacility, FACILITY, reserve } from './fixtures.js';

// The harness clock: Tuesday 2026-12-01 07:00 New York (12:00Z).
const MORNING = { startsAt: '2026-12-01T08:00:00-05:00', endsAt: '2026-12-01T10:00:00-05:00' };

describeDialects('reservations', ({ harness }) => {
  let h: Harness;
  let rider: string;
  let facilityId: string;

  beforeEach(async () => {
    h = await harness({ env: { HOLD_SECONDS: '600' } });
    rider = await h.riderToken('alice');
    const key = await h.apiKey({ role: 'operator', operatorId: 'acme' });
    facilityId = await createFacility(h, key, { id: 'tiny', reservableSpaces: 1 });
  });
  afterEach(async () => {
    await h.close();
  });

  async function spacesLeft(window = MORNING): Promise<number> {
    const res = await h.gql<{ parkingFacility: { reservableSpacesLeft: number } }>(FACILITY, {
      id: facilityId,
      from: window.startsAt,
      until: window.endsAt,
    });
    return res.body.data!.parkingFacility.reservableSpacesLeft;
  }

  it('confirms at once, prices the window and shows times in the facility zone', async () => {
    const { reservation } = await reserve(h, rider, {
      facilityId,
      ...MORNING,
      idempotencyKey: 'a',
    });
    expect(reservation).toMatchObject({
      status: 'CONFIRMED',
      startsAt: '2026-12-01T08:00:00-05:00',
      endsAt: '2026-12-01T10:00:00-05:00',
      holdExpiresAt: null,
      price: { amount: 5, currency: 'USD' },
      facility: { id: 'acme:tiny' },
    });
    expect(reservation?.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(await spacesLeft()).toBe(0);
  });

  it('a retry with the same key returns the same reservation and reserves nothing more', async () => {
    const first = await reserve(h, rider, { facilityId, ...MORNING, idempotencyKey: 'same' });
    const retry = await reserve(h, rider, { facilityId, ...MORNING, idempotencyKey: 'same' });
    expect(retry.reservation?.id).toBe(first.reservation?.id);
    expect(retry.reservation?.code).toBe(first.reservation?.code);
    const [count] = await h.query<{ n: number }>(
      'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM parking_reservations',
    );
    expect(count?.n).toBe(1);
    // The same key with other input is a conflict, not a silent second reservation.
    const other = await reserve(h, rider, {
      facilityId,
      startsAt: MORNING.startsAt,
      endsAt: '2026-12-01T11:00:00-05:00',
      idempotencyKey: 'same',
    });
    expect(other.code).toBe('CONFLICT');
    // Another rider's key space is separate (and the facility is now full).
    const bob = await h.riderToken('bob');
    expect((await reserve(h, bob, { facilityId, ...MORNING, idempotencyKey: 'same' })).code).toBe(
      'NO_CAPACITY',
    );
  });

  it('requests sent together (one group commit): one key once, a conflict refused alone, one space once', async () => {
    const bob = await h.riderToken('bob');
    const [a, b, conflicting, other] = await Promise.all([
      reserve(h, rider, { facilityId, ...MORNING, idempotencyKey: 'together' }),
      reserve(h, rider, { facilityId, ...MORNING, idempotencyKey: 'together' }),
      reserve(h, rider, {
        facilityId,
        startsAt: MORNING.startsAt,
        endsAt: '2026-12-01T11:00:00-05:00',
        idempotencyKey: 'together',
      }),
      reserve(h, bob, { facilityId, ...MORNING, idempotencyKey: 'together' }),
    ]);
    expect(a.reservation?.status).toBe('CONFIRMED');
    expect(b.reservation?.id).toBe(a.reservation?.id);
    expect(conflicting.code).toBe('CONFLICT');
    // The one space went to the first; Bob's request in the same batch saw it taken.
    expect(other.code).toBe('NO_CAPACITY');
    const [count] = await h.query<{ n: number }>(
      'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM parking_reservations',
    );
    expect(count?.n).toBe(1);
  });

  it('an expired hold frees its space, lazily on the next check', async () => {
    const held = await reserve(h, rider, {
      facilityId,
      ...MORNING,
      idempotencyKey: 'h',
      hold: true,
    });
    expect(held.reservation).toMatchObject({
      status: 'HELD',
      holdExpiresAt: '2026-12-01T07:10:00-05:00',
    });
    const bob = await h.riderToken('bob');
    expect((await reserve(h, bob, { facilityId, ...MORNING, idempotencyKey: 'b1' })).code).toBe(
      'NO_CAPACITY',
    );
    h.clock.advance(599);
    expect((await reserve(h, bob, { facilityId, ...MORNING, idempotencyKey: 'b2' })).code).toBe(
      'NO_CAPACITY',
    );
    h.clock.advance(1);
    expect(await spacesLeft()).toBe(1);
    expect(
      (await reserve(h, bob, { facilityId, ...MORNING, idempotencyKey: 'b3' })).reservation?.status,
    ).toBe('CONFIRMED');
    // The expired hold cannot be confirmed any more.
    const confirm = await h.gql(CONFIRM, { id: held.reservation!.id }, rider);
    expect(codeOf(confirm)).toBe('CONFLICT');
  });

  it('the sweeper marks run-out holds EXPIRED in the table', async () => {
    await reserve(h, rider, { facilityId, ...MORNING, idempotencyKey: 'h', hold: true });
    expect(await h.services.parking.sweep()).toBe(0);
    h.clock.advance(600);
    expect(await h.services.parking.sweep()).toBe(1);
    const [row] = await h.query<{ status: string }>('SELECT status FROM parking_reservations');
    expect(row?.status).toBe('EXPIRED');
  });

  it('a confirmed hold no longer expires', async () => {
    const held = await reserve(h, rider, {
      facilityId,
      ...MORNING,
      idempotencyKey: 'h',
      hold: true,
    });
    const res = await h.gql<{ confirmParkingReservation: { reservation: { status: string } } }>(
      CONFIRM,
      { id: held.reservation!.id },
      rider,
    );
    expect(res.body.data?.confirmParkingReservation.reservation.status).toBe('CONFIRMED');
    h.clock.advance(3600);
    expect(
      await spacesLeft({
        startsAt: '2026-12-01T09:00:00-05:00',
        endsAt: '2026-12-01T10:00:00-05:00',
      }),
    ).toBe(0);
  });

  it('a cancellation frees its space', async () => {
    const { reservation } = await reserve(h, rider, {
      facilityId,
      ...MORNING,
      idempotencyKey: 'c',
    });
    expect(await spacesLeft()).toBe(0);
    const res = await h.gql<{ cancelParkingReservation: { reservation: { status: string } } }>(
      CANCEL,
      { id: reservation!.id },
      rider,
    );
    expect(res.body.data?.cancelParkingReservation.reservation.status).toBe('CANCELLED');
    expect(await spacesLeft()).toBe(1);
    const bob = await h.riderToken('bob');
    expect(
      (await reserve(h, bob, { facilityId, ...MORNING, idempotencyKey: 'b' })).reservation?.status,
    ).toBe('CONFIRMED');
  });

  it('windows that only touch do not compete for a space', async () => {
    await reserve(h, rider, { facilityId, ...MORNING, idempotencyKey: '1' });
    const next = await reserve(h, rider, {
      facilityId,
      startsAt: MORNING.endsAt,
      endsAt: '2026-12-01T12:00:00-05:00',
      idempotencyKey: '2',
    });
    expect(next.reservation?.status).toBe('CONFIRMED');
  });

  it('a rider sees only their own reservations and cannot touch another rider’s', async () => {
    const mine = await reserve(h, rider, { facilityId, ...MORNING, idempotencyKey: 'm' });
    const bob = await h.riderToken('bob');
    const list = `{ myParkingReservations { edges { node { id } } } }`;
    const bobs = await h.gql<{ myParkingReservations: { edges: unknown[] } }>(list, {}, bob);
    expect(bobs.body.data?.myParkingReservations.edges).toEqual([]);
    const alices = await h.gql<{ myParkingReservations: { edges: { node: { id: string } }[] } }>(
      list,
      {},
      rider,
    );
    expect(alices.body.data?.myParkingReservations.edges.map((e) => e.node.id)).toEqual([
      mine.reservation!.id,
    ]);
    expect(codeOf(await h.gql(CANCEL, { id: mine.reservation!.id }, bob))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(CONFIRM, { id: mine.reservation!.id }, bob))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(list, {}))).toBe('UNAUTHENTICATED');
    expect(await spacesLeft()).toBe(0);
  });

  it('pages through a rider’s reservations with Relay cursors', async () => {
    const key = await h.apiKey({ role: 'operator', operatorId: 'acme' });
    const big = await createFacility(h, key, { id: 'big' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await reserve(h, rider, { facilityId: big, ...MORNING, idempotencyKey: `p${i}` });
      ids.push(r.reservation!.id);
      h.clock.advance(1);
    }
    const page = `query ($after: String) { myParkingReservations(first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      myParkingReservations: {
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { body: { data?: Page | null } } = await h.gql<Page>(page, { after }, rider);
      const conn: Page['myParkingReservations'] = res.body.data!.myParkingReservations;
      seen.push(...conn.edges.map((e) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    expect(codeOf(await h.gql(page, { after: 'garbage' }, rider))).toBe('BAD_USER_INPUT');
  });

  describe('bad input', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'a window that ends before it starts',
        { startsAt: '2026-12-01T10:00:00-05:00', endsAt: '2026-12-01T09:00:00-05:00' },
        'BAD_USER_INPUT',
      ],
      [
        'an empty window',
        { startsAt: '2026-12-01T10:00:00-05:00', endsAt: '2026-12-01T10:00:00-05:00' },
        'BAD_USER_INPUT',
      ],
      [
        'a window in the past',
        { startsAt: '2026-12-01T06:00:00-05:00', endsAt: '2026-12-01T09:00:00-05:00' },
        'BAD_USER_INPUT',
      ],
      [
        'a window over 7 days',
        { startsAt: '2026-12-02T08:00:00-05:00', endsAt: '2026-12-09T08:00:01-05:00' },
        'BAD_USER_INPUT',
      ],
      [
        'a time without offset',
        { startsAt: '2026-12-01T08:00:00', endsAt: '2026-12-01T09:00:00-05:00' },
        'BAD_USER_INPUT',
      ],
      ['an unknown facility', { facilityId: 'acme:nope' }, 'NOT_FOUND'],
      ['an empty idempotency key', { idempotencyKey: '' }, 'BAD_USER_INPUT'],
    ];
    it.each(cases)('refuses %s', async (_name, override, code) => {
      const res = await reserve(h, rider, {
        facilityId,
        ...MORNING,
        idempotencyKey: 'x',
        ...override,
      });
      expect(res.code).toBe(code);
    });

    it('accepts a start within the grace of a few minutes, and exactly 7 days', async () => {
      h.clock.set(Date.parse('2026-12-01T08:03:00-05:00'));
      expect(
        (await reserve(h, rider, { facilityId, ...MORNING, idempotencyKey: 'g' })).reservation,
      ).toBeDefined();
      const week = { startsAt: '2026-12-02T08:00:00-05:00', endsAt: '2026-12-09T08:00:00-05:00' };
      const res = await reserve(h, rider, { facilityId, ...week, idempotencyKey: 'w' });
      // 7 full days capped at 15 USD each.
      expect(res.reservation?.price).toEqual({ amount: 105, currency: 'USD' });
    });

    it('refuses a window outside opening hours', async () => {
      const key = await h.apiKey({ role: 'operator', operatorId: 'acme' });
      const weekday = await createFacility(h, key, {
        id: 'weekday',
        openingHours: 'Mo-Fr 06:00-20:00',
      });
      const late = await reserve(h, rider, {
        facilityId: weekday,
        startsAt: '2026-12-01T19:00:00-05:00',
        endsAt: '2026-12-01T21:00:00-05:00',
        idempotencyKey: 'l',
      });
      expect(late.code).toBe('BAD_USER_INPUT');
      expect(late.message).toMatch(/not open/);
      const saturday = await reserve(h, rider, {
        facilityId: weekday,
        startsAt: '2026-12-05T09:00:00-05:00',
        endsAt: '2026-12-05T10:00:00-05:00',
        idempotencyKey: 's',
      });
      expect(saturday.code).toBe('BAD_USER_INPUT');
      const inside = await reserve(h, rider, {
        facilityId: weekday,
        startsAt: '2026-12-01T18:00:00-05:00',
        endsAt: '2026-12-01T20:00:00-05:00',
        idempotencyKey: 'i',
      });
      expect(inside.reservation?.status).toBe('CONFIRMED');
    });

    it('needs a rider token: anonymous is UNAUTHENTICATED, an API key FORBIDDEN', async () => {
      const anonymous = await h.gql(
        `mutation { reserveParking(input: { facilityId: "acme:tiny", startsAt: "2026-12-01T08:00:00-05:00", endsAt: "2026-12-01T09:00:00-05:00", idempotencyKey: "k" }) { reservation { id } } }`,
      );
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
      const key = await h.apiKey({ role: 'operator', operatorId: 'acme' });
      expect((await reserve(h, key, { facilityId, ...MORNING, idempotencyKey: 'k' })).code).toBe(
        'FORBIDDEN',
      );
    });
  });
});
