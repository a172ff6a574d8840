import type { Harness } from '../helpers/harness.js';

/** The harness clock starts here: Tuesday 2026-12-01 07:00 in New York. */
export const NOW = '2026-12-01T12:00:00Z';

/** A facility input with sensible defaults (24/7, 20 reservable of 100, USD 2.50/h capped at 15/day). */
export function facilityInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'lot1',
    name: 'Test Lot',
    location: { lat: 40.6431, lon: -74.0737 },
    kind: 'PARK_AND_RIDE',
    totalSpaces: 100,
    reservableSpaces: 20,
    openingHours: '24/7',
    price: { currency: 'USD', hourlyRate: 2.5, dailyMax: 15 },
    timezone: 'America/New_York',
    ...overrides,
  };
}

/** upsertParkingFacility, returning every plain field. */
export const UPSERT = /* GraphQL */ `
  mutation ($input: UpsertParkingFacilityInput!) {
    upsertParkingFacility(input: $input) {
      facility {
        id
        name
        kind
        totalSpaces
        reservableSpaces
        openingHours
        timezone
        accessibleSpaces
        evChargingSpaces
        location {
          lat
          lon
        }
        price {
          currency
          hourlyRate
          dailyMax
        }
      }
    }
  }
`;

/** reserveParking, returning the reservation. */
export const RESERVE = /* GraphQL */ `
  mutation ($input: ReserveParkingInput!) {
    reserveParking(input: $input) {
      reservation {
        id
        code
        status
        startsAt
        endsAt
        holdExpiresAt
        price {
          amount
          currency
        }
        facility {
          id
        }
      }
    }
  }
`;

/** confirmParkingReservation by id. */
export const CONFIRM = /* GraphQL */ `
  mutation ($id: ID!) {
    confirmParkingReservation(input: { id: $id }) {
      reservation {
        id
        status
      }
    }
  }
`;

/** cancelParkingReservation by id. */
export const CANCEL = /* GraphQL */ `
  mutation ($id: ID!) {
    cancelParkingReservation(input: { id: $id }) {
      reservation {
        id
        status
      }
    }
  }
`;

/** reportParkingAvailability, returning accepted and ignored. */
export const REPORT = /* GraphQL */ `
  mutation ($input: ReportParkingAvailabilityInput!) {
    reportParkingAvailability(input: $input) {
      accepted
      ignored {
        facilityId
        observedAt
        reason
      }
    }
  }
`;

/** parkingFacility with its window fields and live availability. */
export const FACILITY = /* GraphQL */ `
  query ($id: ID!, $from: DateTime, $until: DateTime) {
    parkingFacility(id: $id, from: $from, until: $until) {
      id
      reservableSpacesLeft
      openDuringWindow
      priceForWindow {
        amount
        currency
      }
      availability {
        availableSpaces
        status
        observedAt
        stale
      }
    }
  }
`;

/** The reservation fields `RESERVE` asks for. */
export interface ReservationOut {
  id: string;
  code: string;
  status: string;
  startsAt: string;
  endsAt: string;
  holdExpiresAt: string | null;
  price: { amount: number; currency: string };
  facility: { id: string };
}

/** Creates a facility with an operator key; fails the test if the API refuses. */
export async function createFacility(
  h: Harness,
  key: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await h.gql<{ upsertParkingFacility: { facility: { id: string } } }>(
    UPSERT,
    { input: facilityInput(overrides) },
    key,
  );
  if (!res.body.data) throw new Error(`upsert failed: ${JSON.stringify(res.body.errors)}`);
  return res.body.data.upsertParkingFacility.facility.id;
}

/** Reserves through GraphQL; returns the reservation or the error code. */
export async function reserve(
  h: Harness,
  token: string,
  input: {
    facilityId: string;
    startsAt: string;
    endsAt: string;
    idempotencyKey: string;
    hold?: boolean;
  },
): Promise<{ reservation?: ReservationOut; code?: string; message?: string }> {
  const res = await h.gql<{ reserveParking: { reservation: ReservationOut } }>(
    RESERVE,
    { input },
    token,
  );
  const error = res.body.errors?.[0];
  if (error) return { code: error.extensions?.code, message: error.message };
  return { reservation: res.body.data!.reserveParking.reservation };
}

/** The error code of a GraphQL response (undefined when it succeeded). */
export function codeOf(res: {
  body: { errors?: { extensions?: { code?: string } }[] };
}): string | undefined {
  return res.body.errors?.[0]?.extensions?.code;
}
