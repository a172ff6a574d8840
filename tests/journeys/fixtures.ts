import type { Harness } from '../helpers/harness.js';

/** Leg fields the journey tests read, in plans and journeys alike. */
const LEG_FIELDS = /* GraphQL */ `
  mode departure arrival scheduledDeparture scheduledArrival delaySeconds realtime connectionAtRisk
  distanceMeters from { name lat lon stop { id } } to { name lat lon stop { id } }
  route { shortName } trip { id } alerts { id }
  parking {
    facility { id name } availableSpaces stale reservable startsAt endsAt price { amount currency }
    reservation { id code status }
  }
`;

/** Journey fields the tests read. */
export const JOURNEY_FIELDS = /* GraphQL */ `
  id status departure arrival liveArrival createdAt cancelledAt alerts { id }
  reservation { id code status startsAt endsAt facility { id } }
  totals { durationSeconds walkMeters driveSeconds transfers price { amount currency } }
  legs { ${LEG_FIELDS} }
`;

/** plan, with ids and legs. */
export const PLAN = /* GraphQL */ `
  query ($input: PlanInput!) {
    plan(input: $input) {
      messages { code text }
      itineraries { id departure arrival durationSeconds driveSeconds legs { ${LEG_FIELDS} } }
    }
  }
`;

/** bookJourney. */
export const BOOK = /* GraphQL */ `
  mutation ($input: BookJourneyInput!) {
    bookJourney(input: $input) { journey { ${JOURNEY_FIELDS} } }
  }
`;

/** rebookJourney. */
export const REBOOK = /* GraphQL */ `
  mutation ($input: RebookJourneyInput!) {
    rebookJourney(input: $input) { journey { ${JOURNEY_FIELDS} } }
  }
`;

/** journey(id). */
export const JOURNEY = /* GraphQL */ `
  query ($id: ID!) { journey(id: $id) { ${JOURNEY_FIELDS} } }
`;

/** cancelJourney. */
export const CANCEL = /* GraphQL */ `
  mutation ($id: ID!) { cancelJourney(input: { id: $id }) { journey { ${JOURNEY_FIELDS} } } }
`;

/** myJourneys. */
export const MY_JOURNEYS = /* GraphQL */ `
  query ($first: Int, $after: String) {
    myJourneys(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          departure
          status
          totals {
            durationSeconds
            price {
              amount
              currency
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

/** reservableSpacesLeft of a facility for a window. */
export const SPACES_LEFT = /* GraphQL */ `
  query ($id: ID!, $from: DateTime, $until: DateTime) {
    parkingFacility(id: $id, from: $from, until: $until) {
      reservableSpacesLeft
    }
  }
`;

/** A place of a leg. */
export interface PlaceOut {
  name: string | null;
  lat: number;
  lon: number;
  stop: { id: string } | null;
}

/** A leg as `LEG_FIELDS` returns it. */
export interface LegOut {
  mode: string;
  departure: string;
  arrival: string;
  scheduledDeparture: string | null;
  scheduledArrival: string | null;
  delaySeconds: number | null;
  realtime: boolean;
  connectionAtRisk: boolean;
  distanceMeters: number;
  from: PlaceOut;
  to: PlaceOut;
  route: { shortName: string | null } | null;
  trip: { id: string } | null;
  alerts: { id: string }[];
  parking: {
    facility: { id: string; name: string };
    availableSpaces: number | null;
    stale: boolean;
    reservable: boolean;
    startsAt: string;
    endsAt: string;
    price: { amount: number; currency: string };
    reservation: { id: string; code: string; status: string } | null;
  } | null;
}

/** An itinerary as `PLAN` returns it. */
export interface ItineraryOut {
  id: string;
  departure: string;
  arrival: string;
  durationSeconds: number;
  driveSeconds: number;
  legs: LegOut[];
}

/** A journey as `JOURNEY_FIELDS` returns it. */
export interface JourneyOut {
  id: string;
  status: string;
  departure: string;
  arrival: string;
  liveArrival: string;
  createdAt: string;
  cancelledAt: string | null;
  alerts: { id: string }[];
  reservation: {
    id: string;
    code: string;
    status: string;
    startsAt: string;
    endsAt: string;
    facility: { id: string };
  } | null;
  totals: {
    durationSeconds: number;
    walkMeters: number;
    driveSeconds: number;
    transfers: number;
    price: { amount: number; currency: string } | null;
  };
  legs: LegOut[];
}

/** Unix seconds of an ISO instant. */
export const sec = (iso: string | null | undefined): number => Date.parse(iso!) / 1000;

/** The error code of a GraphQL response (undefined when it succeeded). */
export function codeOf(res: {
  body: { errors?: { extensions?: { code?: string } }[] };
}): string | undefined {
  return res.body.errors?.[0]?.extensions?.code;
}

/** Plans and returns the itineraries; fails the test on errors. */
export async function planItineraries(
  h: Harness,
  input: Record<string, unknown>,
): Promise<ItineraryOut[]> {
  const res = await h.gql<{ plan: { itineraries: ItineraryOut[] } }>(PLAN, { input });
  if (!res.body.data) throw new Error(`plan failed: ${JSON.stringify(res.body.errors)}`);
  return res.body.data.plan.itineraries;
}

/** Books an itinerary; returns the journey or the error code and message. */
export async function book(
  h: Harness,
  token: string | undefined,
  itineraryId: string,
  idempotencyKey: string,
): Promise<{ journey?: JourneyOut; code?: string; message?: string }> {
  const res = await h.gql<{ bookJourney: { journey: JourneyOut } }>(
    BOOK,
    { input: { itineraryId, idempotencyKey } },
    token,
  );
  const error = res.body.errors?.[0];
  if (error) return { code: error.extensions?.code, message: error.message };
  return { journey: res.body.data!.bookJourney.journey };
}

/** Reads a journey; returns it or the error code. */
export async function readJourney(
  h: Harness,
  credential: string | undefined,
  id: string,
): Promise<{ journey?: JourneyOut; code?: string }> {
  const res = await h.gql<{ journey: JourneyOut }>(JOURNEY, { id }, credential);
  const code = codeOf(res);
  return code ? { code } : { journey: res.body.data!.journey };
}

/** Cancels a journey; returns it or the error code. */
export async function cancelJourney(
  h: Harness,
  token: string,
  id: string,
): Promise<{ journey?: JourneyOut; code?: string }> {
  const res = await h.gql<{ cancelJourney: { journey: JourneyOut } }>(CANCEL, { id }, token);
  const code = codeOf(res);
  return code ? { code } : { journey: res.body.data!.cancelJourney.journey };
}

/** reservableSpacesLeft of a facility for `[from, until)`. */
export async function spacesLeft(
  h: Harness,
  id: string,
  from: string,
  until: string,
): Promise<number> {
  const res = await h.gql<{ parkingFacility: { reservableSpacesLeft: number } }>(SPACES_LEFT, {
    id,
    from,
    until,
  });
  if (!res.body.data) throw new Error(`parkingFacility failed: ${JSON.stringify(res.body.errors)}`);
  return res.body.data.parkingFacility.reservableSpacesLeft;
}

/** Rows of the reservations table with the journey they belong to, read straight from SQLite. */
export async function reservationRows(
  h: Harness,
): Promise<{ id: string; status: string; journeyId: string | null; journey: string | null }[]> {
  return await h.query(`SELECT r.id, r.status, r.journey_id AS "journeyId", j.id AS journey
       FROM parking_reservations r LEFT JOIN journeys j ON j.reservation_id = r.id`);
}

/** One event of `journeyUpdated`. */
export interface JourneyEvent {
  data?: { journeyUpdated: JourneyOut };
  errors?: { extensions?: { code?: string } }[];
}

/** An open `journeyUpdated` stream: `next` reads one event (failing after `timeoutMs`, default 1000), `ended` tells whether the server closed it. */
export interface JourneyStream {
  next: (timeoutMs?: number) => Promise<JourneyEvent>;
  /** True once the server ends the stream (waits up to `timeoutMs`, default 1000; false if it stays open and sends nothing). */
  ended: (timeoutMs?: number) => Promise<boolean>;
  close: () => Promise<void>;
}

/**
 * Subscribes to `journeyUpdated(id)` over server-sent events, through the app in-process, or over
 * HTTP when `baseUrl` names a real server: the one SSE reader of the tests.
 */
export async function subscribeJourney(
  h: Harness,
  id: string,
  credential: string,
  baseUrl?: string,
  query = JOURNEY_UPDATED,
): Promise<JourneyStream> {
  const init = {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${credential}`,
    },
    body: JSON.stringify({ query, variables: { id } }),
  };
  const res = baseUrl
    ? await fetch(`${baseUrl}/graphql`, init)
    : await h.app.request('/graphql', init);
  if (res.status !== 200) throw new Error(`subscription refused: ${res.status}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let done = false;
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  const within = <T>(p: Promise<T>, ms: number, what: string) =>
    Promise.race([
      p,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms).unref(),
      ),
    ]);
  /** The next `data:` event, or undefined when the stream ended. */
  const read = async (): Promise<JourneyEvent | undefined> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const chunk = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (chunk.startsWith('event: complete')) {
          done = true;
          return undefined;
        }
        const data = chunk.split('\n').find((l) => l.startsWith('data: '));
        if (data) return JSON.parse(data.slice(6)) as JourneyEvent;
        continue;
      }
      if (done) return undefined;
      pending ??= reader.read();
      const result = await pending;
      pending = undefined;
      if (result.done) {
        done = true;
        return undefined;
      }
      buffer += decoder.decode(result.value, { stream: true });
    }
  };
  let reading: Promise<JourneyEvent | undefined> | undefined;
  const nextOrEnd = (ms: number) => {
    reading ??= read().finally(() => (reading = undefined));
    return within(reading, ms, 'event');
  };
  return {
    next: async (timeoutMs = 1000) => {
      const event = await nextOrEnd(timeoutMs);
      if (!event) throw new Error('stream ended');
      return event;
    },
    ended: async (timeoutMs = 1000) => {
      try {
        const event = await nextOrEnd(timeoutMs);
        if (event) throw new Error(`an event after the end: ${JSON.stringify(event)}`);
        return true;
      } catch (error) {
        if ((error as Error).message.startsWith('no event')) return false;
        throw error;
      }
    },
    close: () => reader.cancel(),
  };
}

/** journeyUpdated with the fields the tests read. */
export const JOURNEY_UPDATED = /* GraphQL */ `
  subscription ($id: ID!) {
    journeyUpdated(id: $id) {
      id
      status
      liveArrival
      legs {
        mode
        departure
        scheduledDeparture
        delaySeconds
        realtime
        connectionAtRisk
        trip {
          id
        }
      }
    }
  }
`;

/** journeyUpdated with every field `journey(id)` is read with in these tests (to compare the two). */
export const JOURNEY_UPDATED_FULL = /* GraphQL */ `
  subscription ($id: ID!) { journeyUpdated(id: $id) { ${JOURNEY_FIELDS} } }
`;
