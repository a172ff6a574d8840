import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeDialects } from '../helpers/dialects.js';
import type { Harness } from '../helpers/harness.js';
import { codeOf, createFacility, FACILITY, REPORT, reserve } from './fixtures.js';

type Live = {
  availableSpaces: number | null;
  status: string;
  observedAt: string;
  stale: boolean;
} | null;

describeDialects('live availability', ({ harness }) => {
  let h: Harness;
  let key: string;
  let id: string;

  beforeEach(async () => {
    h = await harness({ env: { AVAILABILITY_STALE_SECONDS: '900' } });
    key = await h.apiKey({ role: 'operator', operatorId: 'acme' });
    id = await createFacility(h, key, { totalSpaces: 100 });
  });
  afterEach(async () => {
    await h.close();
  });

  async function live(): Promise<Live> {
    const res = await h.gql<{ parkingFacility: { availability: Live } }>(FACILITY, { id });
    return res.body.data!.parkingFacility.availability;
  }

  function post(body: unknown, credential: string | null = key): Promise<Response> {
    return Promise.resolve(
      h.app.request('/v1/parking/availability', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(credential ? { authorization: `Bearer ${credential}` } : {}),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  }

  it('shows the newest report, ignores older ones and says so', async () => {
    expect(await live()).toBeNull();
    const batch = [
      {
        facilityId: 'lot1',
        availableSpaces: 40,
        status: 'OPEN',
        observedAt: '2026-12-01T06:55:00-05:00',
      },
      {
        facilityId: 'acme:lot1',
        availableSpaces: 30,
        status: 'OPEN',
        observedAt: '2026-12-01T06:58:00-05:00',
      },
      {
        facilityId: 'lot1',
        availableSpaces: 99,
        status: 'OPEN',
        observedAt: '2026-12-01T06:50:00-05:00',
      },
    ];
    const res = await h.gql(REPORT, { input: { reports: batch } }, key);
    expect(res.body.data).toEqual({
      reportParkingAvailability: {
        accepted: 2,
        ignored: [
          {
            facilityId: 'acme:lot1',
            observedAt: '2026-12-01T06:50:00-05:00',
            reason: 'OLDER_THAN_STORED',
          },
        ],
      },
    });
    expect(await live()).toEqual({
      availableSpaces: 30,
      status: 'OPEN',
      observedAt: '2026-12-01T06:58:00-05:00',
      stale: false,
    });
    // A retry of the same observation is ignored too.
    const again = await h.gql<{
      reportParkingAvailability: { accepted: number; ignored: { reason: string }[] };
    }>(REPORT, { input: { reports: [batch[1]] } }, key);
    expect(again.body.data?.reportParkingAvailability).toMatchObject({
      accepted: 0,
      ignored: [{ reason: 'SAME_AS_STORED' }],
    });
    const history = (
      await h.query('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM availability_reports')
    )[0];
    expect(history).toEqual({ n: 2 });
  });

  it('shows a report older than AVAILABILITY_STALE_SECONDS as unknown, not as free', async () => {
    await h.gql(
      REPORT,
      {
        input: {
          reports: [
            {
              facilityId: 'lot1',
              availableSpaces: 30,
              status: 'OPEN',
              observedAt: '2026-12-01T12:00:00Z',
            },
          ],
        },
      },
      key,
    );
    h.clock.advance(900);
    expect(await live()).toMatchObject({ availableSpaces: 30, stale: false });
    h.clock.advance(1);
    expect(await live()).toEqual({
      availableSpaces: null,
      status: 'UNKNOWN',
      observedAt: '2026-12-01T07:00:00-05:00',
      stale: true,
    });
  });

  describe('bad reports refuse the whole batch', () => {
    const good = {
      facilityId: 'lot1',
      availableSpaces: 1,
      status: 'OPEN',
      observedAt: '2026-12-01T11:00:00Z',
    };
    const cases: [string, Record<string, unknown>, string][] = [
      ['a negative count', { availableSpaces: -1 }, 'BAD_USER_INPUT'],
      ['more available than total', { availableSpaces: 101 }, 'BAD_USER_INPUT'],
      ['a report from the future', { observedAt: '2026-12-01T12:01:01Z' }, 'BAD_USER_INPUT'],
      ['an unknown facility', { facilityId: 'nope' }, 'NOT_FOUND'],
    ];
    it.each(cases)('%s', async (_name, override, code) => {
      const res = await h.gql(
        REPORT,
        { input: { reports: [good, { ...good, ...override }] } },
        key,
      );
      expect(codeOf(res)).toBe(code);
      expect(await live()).toBeNull();
    });

    it('but tolerates a minute of clock skew', async () => {
      const res = await h.gql(
        REPORT,
        { input: { reports: [{ ...good, observedAt: '2026-12-01T12:01:00Z' }] } },
        key,
      );
      expect(codeOf(res)).toBeUndefined();
    });
  });

  it('REST: takes the same JSON with an operator key', async () => {
    const res = await post({
      reports: [
        {
          facilityId: 'lot1',
          availableSpaces: 12,
          status: 'FULL',
          observedAt: '2026-12-01T11:59:00Z',
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1, ignored: [] });
    expect(await live()).toMatchObject({ availableSpaces: 12, status: 'FULL' });
  });

  it('REST: takes ParkAPI v3 realtime items (uid = own id; OPEN with no free space is FULL)', async () => {
    const otherId = await createFacility(h, key, { id: 'lot2' });
    const res = await post({
      items: [
        {
          uid: 'lot1',
          realtime_free_capacity: 7,
          realtime_opening_status: 'OPEN',
          realtime_data_updated_at: '2026-12-01T11:58:00Z',
          extra: 1,
        },
        {
          uid: 'lot2',
          realtime_free_capacity: 0,
          realtime_opening_status: 'OPEN',
          realtime_data_updated_at: '2026-12-01T11:58:00Z',
        },
        {
          uid: 'lot1',
          realtime_free_capacity: 9,
          realtime_opening_status: 'OPEN',
          realtime_data_updated_at: '2026-12-01T11:50:00Z',
        },
      ],
    });
    expect(await res.json()).toEqual({
      accepted: 2,
      ignored: [
        {
          facilityId: 'acme:lot1',
          observedAt: '2026-12-01T06:50:00-05:00',
          reason: 'OLDER_THAN_STORED',
        },
      ],
    });
    expect(await live()).toMatchObject({ availableSpaces: 7, status: 'OPEN' });
    const other = await h.gql<{ parkingFacility: { availability: Live } }>(FACILITY, {
      id: otherId,
    });
    expect(other.body.data?.parkingFacility.availability).toMatchObject({
      availableSpaces: 0,
      status: 'FULL',
    });
  });

  it('REST: errors are JSON with a code and a 4xx status', async () => {
    const cases: [unknown, string | null, number, string][] = [
      [{ reports: [] }, null, 401, 'UNAUTHENTICATED'],
      [{ reports: [] }, await h.riderToken('alice'), 403, 'FORBIDDEN'],
      [{ reports: [] }, await h.apiKey({ role: 'operator', operatorId: 'other' }), 200, ''],
      ['not json', key, 400, 'BAD_USER_INPUT'],
      [{ something: 1 }, key, 400, 'BAD_USER_INPUT'],
      [
        {
          reports: [
            {
              facilityId: 'lot1',
              availableSpaces: 1,
              status: 'OPEN',
              observedAt: '2026-12-01T11:00:00',
            },
          ],
        },
        key,
        400,
        'BAD_USER_INPUT',
      ],
      [
        {
          reports: [
            {
              facilityId: 'lot1',
              availableSpaces: 1,
              status: 'OPEN',
              observedAt: '2026-12-01T12:05:00Z',
            },
          ],
        },
        key,
        400,
        'BAD_USER_INPUT',
      ],
      [
        {
          reports: [
            {
              facilityId: 'acme:lot1',
              availableSpaces: 1,
              status: 'OPEN',
              observedAt: '2026-12-01T11:00:00Z',
            },
          ],
        },
        await h.apiKey({ role: 'operator', operatorId: 'other' }),
        403,
        'FORBIDDEN',
      ],
      [
        {
          items: [
            {
              uid: 'ghost',
              realtime_free_capacity: 1,
              realtime_opening_status: 'OPEN',
              realtime_data_updated_at: '2026-12-01T11:00:00Z',
            },
          ],
        },
        key,
        404,
        'NOT_FOUND',
      ],
    ];
    for (const [body, credential, status, code] of cases) {
      const res = await post(body, credential);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (code) expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    expect(await live()).toBeNull();
  });

  it('anonymous callers see facilities near a point with window fields', async () => {
    await createFacility(h, key, { id: 'far', location: { lat: 40.7, lon: -74.0 } });
    const rider = await h.riderToken('alice');
    await reserve(h, rider, {
      facilityId: id,
      startsAt: '2026-12-01T08:00:00-05:00',
      endsAt: '2026-12-01T09:00:00-05:00',
      idempotencyKey: 'k',
    });
    const query = /* GraphQL */ `
      query ($from: DateTime, $until: DateTime) {
        parkingFacilities(
          near: { lat: 40.6431, lon: -74.0737 }
          radiusMeters: 2000
          from: $from
          until: $until
        ) {
          id
          distanceMeters
          reservableSpacesLeft
          openDuringWindow
          priceForWindow {
            amount
            currency
          }
        }
      }
    `;
    const res = await h.gql(query, {
      from: '2026-12-01T08:30:00-05:00',
      until: '2026-12-01T11:00:00-05:00',
    });
    expect(res.body.data).toEqual({
      parkingFacilities: [
        {
          id: 'acme:lot1',
          distanceMeters: 0,
          reservableSpacesLeft: 19,
          openDuringWindow: true,
          priceForWindow: { amount: 7.5, currency: 'USD' },
        },
      ],
    });
    const noWindow = await h.gql(query, {});
    expect(noWindow.body.data).toEqual({
      parkingFacilities: [
        {
          id: 'acme:lot1',
          distanceMeters: 0,
          reservableSpacesLeft: null,
          openDuringWindow: null,
          priceForWindow: null,
        },
      ],
    });
    expect(codeOf(await h.gql(query, { from: '2026-12-01T08:30:00-05:00' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      codeOf(
        await h.gql(query, {
          from: '2026-12-01T08:30:00-05:00',
          until: '2026-12-01T08:00:00-05:00',
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    const unknown = await h.gql(FACILITY, { id: 'acme:none' });
    expect(unknown.body.data).toEqual({ parkingFacility: null });
  });
});
