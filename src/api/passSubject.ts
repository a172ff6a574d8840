import type { BookedJourney } from '../journeys/index.js';
import type { PassSubject } from '../pass/index.js';

const sec = (d: Date) => Math.floor(d.getTime() / 1000);

/** What a booked journey's pass is made of: the journey, its planned times and its reservation. */
export function passSubjectOf({ journey, reservation }: BookedJourney): PassSubject {
  return {
    journeyId: journey.id,
    riderId: journey.riderId,
    departureSec: sec(journey.departureAt),
    arrivalSec: sec(journey.arrivalAt),
    parking: reservation
      ? [
          {
            facilityId: reservation.facilityId,
            code: reservation.code,
            startSec: sec(reservation.startsAt),
            endSec: sec(reservation.endsAt),
          },
        ]
      : [],
  };
}
