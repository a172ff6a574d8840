import type { GraphQLContext } from '../../context.js';
import type { JourneyModel } from '../../journeyModels.js';
import { journeyAlerts } from '../../legAlerts.js';

/**
 * What a journey event shows, as one string: two models with the same fingerprint answer every
 * `Journey` field alike, so `journeyUpdated` sends an event only when it differs from the last.
 */
export function journeyFingerprint(ctx: GraphQLContext, m: JourneyModel): string {
  const { journey, reservation } = m.booked;
  return JSON.stringify([
    journey.id,
    journey.itinerary,
    journey.status,
    journey.cancelledAt?.getTime() ?? null,
    m.live.status,
    m.live.followed,
    journeyAlerts(ctx, m.live.followed.legs),
    reservation ? [reservation.id, reservation.status, reservation.updatedAt.getTime()] : null,
  ]);
}
