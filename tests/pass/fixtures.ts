import { loadSampleParking } from '../../src/parking/sample.js';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import type { Harness } from '../helpers/harness.js';
import { book, planItineraries, type ItineraryOut } from '../journeys/fixtures.js';
import { importFeedOnce } from '../helpers/feedCache.js';

/** Tuesday 2026-12-01, 07:00 in New York (the booking scenario of tests/journeys/booking.test.ts). */
export const NOW_MS = Date.parse('2026-12-01T12:00:00Z');
/** The Staten Island Mall lot of operator "sample". */
export const MALL = 'sample:si-mall';
/** Drive from the south-west of Staten Island to the mall lot, bus to the St. George ferry, park until 18:00. */
export const TRIP = {
  from: { lat: 40.52, lon: -74.23 },
  to: { lat: 40.6437, lon: -74.0736 },
  departAt: '2026-12-01T08:15:00-05:00',
  accessModes: ['CAR_PARK'],
  parkingUntil: '2026-12-01T18:00:00-05:00',
};

/** Reservation fields the gate tests read (as operators, riders and gates see them). */
export const RESERVATION =
  'id code status startsAt endsAt checkedInAt checkedOutAt overstaySeconds';

/** Pass and reservation fields of a journey. */
export const JOURNEY_PASS = /* GraphQL */ `
  query ($id: ID!) {
    journey(id: $id) {
      id
      status
      departure
      pass {
        token
        expiresAt
        qrSvg
      }
      reservation { ${RESERVATION} }
      totals {
        durationSeconds
        parkedSeconds
      }
      legs {
        mode
        parking {
          reservation {
            status
            checkedInAt
            checkedOutAt
          }
        }
      }
    }
  }
`;

/** A journey as `JOURNEY_PASS` returns it. */
export interface PassJourneyOut {
  id: string;
  status: string;
  departure: string;
  pass: { token: string; expiresAt: string; qrSvg: string } | null;
  reservation: {
    id: string;
    code: string;
    status: string;
    startsAt: string;
    endsAt: string;
    checkedInAt: string | null;
    checkedOutAt: string | null;
    overstaySeconds: number;
  } | null;
  totals: { durationSeconds: number; parkedSeconds: number | null };
  legs: {
    mode: string;
    parking: {
      reservation: {
        status: string;
        checkedInAt: string | null;
        checkedOutAt: string | null;
      } | null;
    } | null;
  }[];
}

/** checkInParking. */
export const CHECK_IN = /* GraphQL */ `
  mutation ($input: CheckInParkingInput!) {
    checkInParking(input: $input) { replayed reservation { ${RESERVATION} } }
  }
`;

/** checkOutParking. */
export const CHECK_OUT = /* GraphQL */ `
  mutation ($input: CheckOutParkingInput!) {
    checkOutParking(input: $input) { replayed reservation { ${RESERVATION} } }
  }
`;

/** A reservation as the gate mutations return it. */
export interface GateReservationOut {
  id: string;
  code: string;
  status: string;
  startsAt: string;
  endsAt: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  overstaySeconds: number;
}

/** The outcome of a gate mutation: the reservation and replay flag, or the error code. */
export interface GateResult {
  code?: string;
  message?: string;
  replayed?: boolean;
  reservation?: GateReservationOut;
}

/** Runs checkInParking or checkOutParking with `credential`. */
export async function gate(
  h: Harness,
  kind: 'in' | 'out',
  credential: string | undefined,
  input: Record<string, unknown>,
): Promise<GateResult> {
  const res = await h.gql<Record<string, { replayed: boolean; reservation: GateReservationOut }>>(
    kind === 'in' ? CHECK_IN : CHECK_OUT,
    { input },
    credential,
  );
  const error = res.body.errors?.[0];
  if (error) return { code: error.extensions?.code, message: error.message };
  return res.body.data![kind === 'in' ? 'checkInParking' : 'checkOutParking']!;
}

/** Reads a journey with its pass; fails the test on errors. */
export async function journeyPass(
  h: Harness,
  credential: string,
  id: string,
): Promise<PassJourneyOut> {
  const res = await h.gql<{ journey: PassJourneyOut }>(JOURNEY_PASS, { id }, credential);
  if (!res.body.data?.journey)
    throw new Error(`journey failed: ${JSON.stringify(res.body.errors)}`);
  return res.body.data.journey;
}

/** Imports the sample feed and facilities and plans `TRIP`. */
export async function sampleSetUp(h: Harness): Promise<ItineraryOut[]> {
  await importFeedOnce(h, 'si', SAMPLE_FEED_DIR);
  await loadSampleParking(h.services.parking);
  return planItineraries(h, TRIP);
}

/** Books `itinerary` for `riderToken` and returns the journey id; fails the test on errors. */
export async function bookId(
  h: Harness,
  riderToken: string,
  itinerary: ItineraryOut,
  key: string,
): Promise<string> {
  const res = await book(h, riderToken, itinerary.id, key);
  if (!res.journey) throw new Error(`booking failed: ${res.code ?? ''} ${res.message ?? ''}`);
  return res.journey.id;
}
