import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parkingForPlanner } from '../../src/parking/forPlanner.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { createFacility, REPORT, reserve } from './fixtures.js';

describe('the planner’s view of parking', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('finds facilities near a point and tells what one offers for a window', async () => {
    const key = h.key({ role: 'operator', operatorId: 'acme' });
    const id = await createFacility(h, key, {
      reservableSpaces: 2,
      openingHours: 'Mo-Fr 06:00-22:00',
    });
    await h.gql(
      REPORT,
      {
        input: {
          reports: [
            {
              facilityId: 'lot1',
              availableSpaces: 9,
              status: 'OPEN',
              observedAt: '2026-12-01T11:59:00Z',
            },
          ],
        },
      },
      key,
    );
    await reserve(h, await h.riderToken('r'), {
      facilityId: id,
      startsAt: '2026-12-01T08:00:00-05:00',
      endsAt: '2026-12-01T09:00:00-05:00',
      idempotencyKey: 'k',
    });
    const parking = parkingForPlanner(h.services.parking);

    const near = parking.facilitiesNear(40.6431, -74.0737, 500);
    expect(near).toEqual([
      {
        id,
        name: 'Test Lot',
        lat: 40.6431,
        lon: -74.0737,
        kind: 'PARK_AND_RIDE',
        totalSpaces: 100,
        reservableSpaces: 2,
        distanceMeters: 0,
      },
    ]);
    expect(parking.facilitiesNear(40.7, -74.0737, 500)).toEqual([]);

    const at = (iso: string) => Date.parse(iso) / 1000;
    expect(
      parking.availabilityFor(id, at('2026-12-01T07:30:00-05:00'), at('2026-12-01T10:00:00-05:00')),
    ).toEqual({
      open: true,
      reservableLeft: 1,
      live: { availableSpaces: 9, status: 'OPEN', stale: false },
      price: { amount: 7.5, currency: 'USD' },
    });
    expect(
      parking.availabilityFor(id, at('2026-12-01T21:00:00-05:00'), at('2026-12-01T23:00:00-05:00'))
        ?.open,
    ).toBe(false);
    expect(parking.availabilityFor('acme:none', 0, 1)).toBeUndefined();
  });
});
