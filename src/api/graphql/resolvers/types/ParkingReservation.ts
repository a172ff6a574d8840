import { toMajor } from '../../../../parking/index.js';
import { formatInstant } from '../../../../transit/index.js';
import type {
  IgnoredParkingReportResolvers,
  ParkingReservationResolvers,
} from '../../generated/resolvers-types.js';

/** Reservation fields; times in the facility's zone. */
export const ParkingReservation: ParkingReservationResolvers = {
  id: ({ reservation }) => reservation.id,
  code: ({ reservation }) => reservation.code,
  status: ({ reservation }) => reservation.status,
  startsAt: ({ reservation, facility }) =>
    formatInstant(reservation.startsAt.getTime() / 1000, facility.timezone),
  endsAt: ({ reservation, facility }) =>
    formatInstant(reservation.endsAt.getTime() / 1000, facility.timezone),
  holdExpiresAt: ({ reservation: r, facility }) =>
    r.status === 'HELD' && r.holdExpiresAt
      ? formatInstant(r.holdExpiresAt.getTime() / 1000, facility.timezone)
      : null,
  price: ({ reservation: r }) => ({
    amount: toMajor(r.priceAmount, r.currency),
    currency: r.currency,
  }),
  facility: ({ facility }) => ({ facility }),
  createdAt: ({ reservation, facility }) =>
    formatInstant(reservation.createdAt.getTime() / 1000, facility.timezone),
};

/** A report that was not applied; `observedAt` in the facility's zone. */
export const IgnoredParkingReport: IgnoredParkingReportResolvers = {
  facilityId: (r) => r.facilityId,
  observedAt: (r) => formatInstant(r.observedAtMs / 1000, r.timezone),
  reason: (r) => r.reason,
};
