import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeDialects } from '../helpers/dialects.js';
import type { Harness } from '../helpers/harness.js';
import { codeOf, createFacility, facilityInput, reserve, UPSERT } from './fixtures.js';

const OPERATOR_RESERVATIONS = /* GraphQL */ `
  query ($facilityId: ID!, $from: DateTime, $until: DateTime, $after: String) {
    operatorReservations(
      facilityId: $facilityId
      from: $from
      until: $until
      first: 2
      after: $after
    ) {
      edges {
        node {
          code
          status
          startsAt
          endsAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

describeDialects('operators and facilities', ({ harness }) => {
  let h: Harness;
  let keyA: string;
  let keyB: string;
  let admin: string;

  beforeEach(async () => {
    h = await harness();
    keyA = await h.apiKey({ role: 'operator', operatorId: 'opa' });
    keyB = await h.apiKey({ role: 'operator', operatorId: 'opb' });
    admin = await h.apiKey({ role: 'admin' });
  });
  afterEach(async () => {
    await h.close();
  });

  it('creates a facility under the key’s operator, then updates it in place', async () => {
    const res = await h.gql(
      UPSERT,
      { input: facilityInput({ accessibleSpaces: 4, evChargingSpaces: 2 }) },
      keyA,
    );
    expect(res.body.data).toEqual({
      upsertParkingFacility: {
        facility: {
          id: 'opa:lot1',
          name: 'Test Lot',
          kind: 'PARK_AND_RIDE',
          totalSpaces: 100,
          reservableSpaces: 20,
          openingHours: '24/7',
          timezone: 'America/New_York',
          accessibleSpaces: 4,
          evChargingSpaces: 2,
          location: { lat: 40.6431, lon: -74.0737 },
          price: { currency: 'USD', hourlyRate: 2.5, dailyMax: 15 },
        },
      },
    });
    await h.gql(UPSERT, { input: facilityInput({ name: 'Renamed', totalSpaces: 50 }) }, keyA);
    const count = (
      await h.query(
        'SELECT CAST(COUNT(*) AS INTEGER) AS n, MAX(name) AS name FROM parking_facilities',
      )
    )[0];
    expect(count).toEqual({ n: 1, name: 'Renamed' });
    const operator = await h.query('SELECT id FROM operators');
    expect(operator).toEqual([{ id: 'opa' }]);
  });

  it('operator A cannot change operator B’s facility or see its reservations; admins can', async () => {
    const idB = await createFacility(h, keyB, { id: 'b-lot' });
    // A names B as operator: forbidden.
    expect(
      codeOf(
        await h.gql(UPSERT, { input: facilityInput({ id: 'b-lot', operatorId: 'opb' }) }, keyA),
      ),
    ).toBe('FORBIDDEN');
    // The same own id under A's key is A's own facility, not B's.
    await createFacility(h, keyA, { id: 'b-lot', name: 'A lot' });
    const rows = await h.query('SELECT id, name FROM parking_facilities ORDER BY id');
    expect(rows).toEqual([
      { id: 'opa:b-lot', name: 'A lot' },
      { id: 'opb:b-lot', name: 'Test Lot' },
    ]);
    expect(codeOf(await h.gql(OPERATOR_RESERVATIONS, { facilityId: idB }, keyA))).toBe('FORBIDDEN');
    const report = {
      facilityId: idB,
      availableSpaces: 3,
      status: 'OPEN',
      observedAt: '2026-12-01T11:59:00Z',
    };
    const reportMutation = `mutation ($input: ReportParkingAvailabilityInput!) { reportParkingAvailability(input: $input) { accepted } }`;
    expect(codeOf(await h.gql(reportMutation, { input: { reports: [report] } }, keyA))).toBe(
      'FORBIDDEN',
    );
    // Admins may do all, naming the operator.
    expect(
      codeOf(
        await h.gql(
          UPSERT,
          { input: facilityInput({ id: 'b-lot', operatorId: 'opb', name: 'By admin' }) },
          admin,
        ),
      ),
    ).toBeUndefined();
    expect(codeOf(await h.gql(UPSERT, { input: facilityInput({ id: 'x' }) }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await h.gql(OPERATOR_RESERVATIONS, { facilityId: idB }, admin))).toBeUndefined();
    expect(
      codeOf(await h.gql(reportMutation, { input: { reports: [report] } }, admin)),
    ).toBeUndefined();
  });

  it('riders and anonymous callers cannot manage facilities', async () => {
    const rider = await h.riderToken('alice');
    expect(codeOf(await h.gql(UPSERT, { input: facilityInput() }, rider))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(UPSERT, { input: facilityInput() }))).toBe('UNAUTHENTICATED');
  });

  it('lists its own facility’s reservations by start time, window-filtered, without the rider', async () => {
    const id = await createFacility(h, keyA);
    const rider = await h.riderToken('alice');
    const starts = ['10:00', '08:00', '14:00', '09:00'];
    for (const [i, s] of starts.entries()) {
      const r = await reserve(h, rider, {
        facilityId: id,
        startsAt: `2026-12-02T${s}:00-05:00`,
        endsAt: `2026-12-02T${s.replace(/^\d\d/, (hh) => String(Number(hh) + 1).padStart(2, '0'))}:00-05:00`,
        idempotencyKey: `k${i}`,
      });
      expect(r.reservation).toBeDefined();
    }
    type Conn = {
      operatorReservations: {
        edges: { node: { startsAt: string; code: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await h.gql<Conn>(OPERATOR_RESERVATIONS, { facilityId: id }, keyA);
    const page1 = first.body.data!.operatorReservations;
    expect(page1.edges.map((e) => e.node.startsAt)).toEqual([
      '2026-12-02T08:00:00-05:00',
      '2026-12-02T09:00:00-05:00',
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await h.gql<Conn>(
      OPERATOR_RESERVATIONS,
      { facilityId: id, after: page1.pageInfo.endCursor },
      keyA,
    );
    expect(second.body.data!.operatorReservations.edges.map((e) => e.node.startsAt)).toEqual([
      '2026-12-02T10:00:00-05:00',
      '2026-12-02T14:00:00-05:00',
    ]);
    expect(second.body.data!.operatorReservations.pageInfo.hasNextPage).toBe(false);
    const windowed = await h.gql<Conn>(
      OPERATOR_RESERVATIONS,
      { facilityId: id, from: '2026-12-02T09:30:00-05:00', until: '2026-12-02T14:00:00-05:00' },
      keyA,
    );
    expect(windowed.body.data!.operatorReservations.edges.map((e) => e.node.startsAt)).toEqual([
      '2026-12-02T09:00:00-05:00',
      '2026-12-02T10:00:00-05:00',
    ]);
    // The type has no rider field at all.
    const leak = await h.gql(
      `query ($id: ID!) { operatorReservations(facilityId: $id) { edges { node { riderId } } } }`,
      { id },
      keyA,
    );
    expect(codeOf(leak)).toBeDefined();
    expect(codeOf(await h.gql(OPERATOR_RESERVATIONS, { facilityId: 'opa:none' }, keyA))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await h.gql(OPERATOR_RESERVATIONS, { facilityId: id }, rider))).toBe('FORBIDDEN');
  });

  it('cannot lower reservableSpaces below what is already reserved', async () => {
    const id = await createFacility(h, keyA, { reservableSpaces: 2 });
    const rider = await h.riderToken('alice');
    for (const k of ['a', 'b']) {
      await reserve(h, rider, {
        facilityId: id,
        startsAt: '2026-12-02T08:00:00-05:00',
        endsAt: '2026-12-02T09:00:00-05:00',
        idempotencyKey: k,
      });
    }
    expect(
      codeOf(await h.gql(UPSERT, { input: facilityInput({ reservableSpaces: 1 }) }, keyA)),
    ).toBe('CONFLICT');
    expect(
      codeOf(await h.gql(UPSERT, { input: facilityInput({ reservableSpaces: 2 }) }, keyA)),
    ).toBeUndefined();
  });

  describe('bad facility input', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['negative totalSpaces', { totalSpaces: -1 }],
      ['reservable > total', { totalSpaces: 10, reservableSpaces: 11 }],
      ['accessible > total', { totalSpaces: 10, reservableSpaces: 5, accessibleSpaces: 11 }],
      ['EV > total', { totalSpaces: 10, reservableSpaces: 5, evChargingSpaces: 11 }],
      ['negative price', { price: { currency: 'USD', hourlyRate: -1 } }],
      ['sub-cent price', { price: { currency: 'USD', hourlyRate: 1.234 } }],
      ['unknown currency', { price: { currency: 'XYZ1', hourlyRate: 1 } }],
      ['bad opening hours', { openingHours: 'Mo-Fr 25:00-99:00' }],
      ['bad timezone', { timezone: 'Mars/Olympus' }],
      ['bad latitude', { location: { lat: 91, lon: 0 } }],
      ['bad own id', { id: 'has:colon' }],
      ['empty name', { name: '  ' }],
    ];
    it.each(cases)('refuses %s with BAD_USER_INPUT', async (_name, override) => {
      const res = await h.gql(UPSERT, { input: facilityInput(override) }, keyA);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(await h.services.parking.facilityCount()).toBe(0);
    });
  });
});
