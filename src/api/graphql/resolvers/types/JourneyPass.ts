import { overstaySeconds, parkedSeconds } from '../../../../parking/index.js';
import { qrSvg } from '../../../../pass/index.js';
import { formatInstant } from '../../../../transit/index.js';
import { passSubjectOf } from '../../../passSubject.js';
import type {
  JourneyPassResolvers,
  JourneyResolvers,
  JourneyTotalsResolvers,
  ParkingReservationResolvers,
} from '../../generated/resolvers-types.js';

const show = (ms: number, zone: string) => formatInstant(ms / 1000, zone);

/** `Journey.pass`: issued on first read, null once the journey is cancelled. */
export const JourneyPassFields: Pick<JourneyResolvers, 'pass'> = {
  pass: async (m, _a, ctx) =>
    m.live.status === 'CANCELLED' ? null : ctx.services.passes.passFor(passSubjectOf(m.booked)),
};

/** The pass's fields; `expiresAt` in the zone of the first feed, like the journey's times. */
export const JourneyPass: JourneyPassResolvers = {
  token: (p) => p.token,
  expiresAt: (p, _a, ctx) => show(p.expiresAtMs, ctx.network?.primaryTimezone ?? 'UTC'),
  qrSvg: (p) => qrSvg(p.token),
};

/** `JourneyTotals.parkedSeconds`: from the reservation's check-in and check-out. */
export const JourneyTotalsGateFields: Pick<JourneyTotalsResolvers, 'parkedSeconds'> = {
  parkedSeconds: (m, _a, ctx) => {
    const r = m.booked.reservation;
    return r ? parkedSeconds(r, ctx.nowMs) : null;
  },
};

/** The gate's fields of a reservation (operators and the rider see them; neither sees the other's identity). */
export const ParkingReservationGateFields: Pick<
  ParkingReservationResolvers,
  'checkedInAt' | 'checkedOutAt' | 'overstaySeconds'
> = {
  checkedInAt: ({ reservation: r, facility }) =>
    r.checkedInAt ? show(r.checkedInAt.getTime(), facility.timezone) : null,
  checkedOutAt: ({ reservation: r, facility }) =>
    r.checkedOutAt ? show(r.checkedOutAt.getTime(), facility.timezone) : null,
  overstaySeconds: ({ reservation }, _a, ctx) => overstaySeconds(reservation, ctx.nowMs),
};
