import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.js';
import { createFacility } from './fixtures.js';

describe('reservations committed as a group', () => {
  let h: Harness;
  let facilityId: string;
  const window = {
    startMs: Date.parse('2026-12-01T08:00:00-05:00'),
    endMs: Date.parse('2026-12-01T09:00:00-05:00'),
  };

  beforeEach(async () => {
    h = createHarness();
    facilityId = await createFacility(h, h.key({ role: 'operator', operatorId: 'acme' }), {
      reservableSpaces: 2,
    });
  });
  afterEach(() => {
    h.close();
  });

  it('requests of one tick see each other’s writes; a refused one rolls back alone', async () => {
    const ask = (
      riderId: string,
      idempotencyKey: string,
      override: Partial<{ facilityId: string }> = {},
    ) =>
      h.services.parking.reserve({
        riderId,
        facilityId,
        window,
        idempotencyKey,
        hold: false,
        ...override,
      });
    const outcomes = await Promise.allSettled([
      ask('a', 'k'),
      ask('a', 'k'), // a retry in the same batch: the same reservation
      ask('b', 'k'),
      ask('c', 'k', { facilityId: 'acme:missing' }),
      ask('d', 'k'),
    ]);
    const [first, retry, second, missing, third] = outcomes;
    expect(first.status).toBe('fulfilled');
    expect(
      retry.status === 'fulfilled' &&
        first.status === 'fulfilled' &&
        retry.value.id === first.value.id,
    ).toBe(true);
    expect(second.status).toBe('fulfilled');
    expect(missing.status === 'rejected' && (missing.reason as { code: string }).code).toBe(
      'NOT_FOUND',
    );
    expect(third.status === 'rejected' && (third.reason as { code: string }).code).toBe(
      'NO_CAPACITY',
    );
    const rows = h.services.db.$client
      .prepare('SELECT rider_id AS riderId FROM parking_reservations ORDER BY rider_id')
      .all();
    expect(rows).toEqual([{ riderId: 'a' }, { riderId: 'b' }]);
  });
});
