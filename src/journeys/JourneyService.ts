import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { BadInputError, ConflictError, NoCapacityError, NotFoundError } from '../errors.js';
import { PAST_GRACE_MS, type Reservation } from '../parking/index.js';
import {
  compactArrival,
  compactParkLeg,
  parkPlaceName,
  type CompactItinerary,
} from './compactItinerary.js';
import type { ItineraryTokens, OpenedItinerary } from './itineraryToken.js';
import type { Journey, JourneyBooking, JourneyPageAfter, StoredJourney } from './records.js';
import type { JourneyRepository } from './repository.js';
import type { UnixSeconds } from '../transit/index.js';
import { liveJourney, type LiveInputs } from './liveJourney.js';
import { rebookChange } from './rebookChange.js';
import { journeyStatus } from './status.js';

/** What the journey service needs. */
export interface JourneyDeps {
  repository: JourneyRepository;
  clock: Clock;
  tokens: ItineraryTokens;
  /** The network and realtime overlay journeys are followed on, as published now. */
  live: () => LiveInputs;
  /** Formats an instant (Unix seconds) for messages: the agency's local offset, no milliseconds. */
  showTime: (instant: UnixSeconds) => string;
}

/** A journey with its itinerary and its parking reservation (status as of now). */
export interface BookedJourney {
  journey: Journey;
  itinerary: CompactItinerary;
  reservation: Reservation | undefined;
}

/** Who reads a journey: its rider, or an admin (who may read any). */
export type JourneyReader = { kind: 'rider'; riderId: string } | { kind: 'admin' };

/** One page of a rider's journeys and whether more follow. */
export interface JourneyPage {
  items: BookedJourney[];
  hasNextPage: boolean;
}

const PLAN_AGAIN = 'plan again and book one of the new itineraries';

/**
 * Booked journeys (DESIGN.md §6): booking reserves the parking and stores the journey in ONE unit
 * of work of the journey repository (both or nothing); cancelling releases the parking in one too.
 */
export class JourneyService {
  private readonly listeners = new Set<(journeyId: string) => void>();

  constructor(private readonly deps: JourneyDeps) {}

  /** Calls `listener` with the id of every journey whose stored state this process changed (cancelled, re-booked, its reservation changed). */
  onChange(listener: (journeyId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Follows the changes other replicas make (DATABASE_URL): their cancellations, re-bookings and
   * check-ins reach this process's listeners too. Resolves with a function that stops following;
   * a no-op where the repository has no followers to tell (SQLite, one process writes).
   */
  async followShared(): Promise<() => Promise<void>> {
    const following = await this.deps.repository.follow?.((id) => this.changed(id));
    return following ?? (() => Promise.resolve());
  }

  /** Tells the listeners that journey `id` changed (also for changes made elsewhere, e.g. its reservation). */
  changed(id: string): void {
    for (const l of this.listeners) l(id);
  }

  /** The content of an itinerary id; BAD_USER_INPUT for a bad key or an id this server did not issue. */
  private openItinerary(itineraryId: string, idempotencyKey: string): OpenedItinerary {
    if (idempotencyKey.length === 0 || idempotencyKey.length > 128) {
      throw new BadInputError('idempotencyKey must be 1–128 characters');
    }
    const opened = this.deps.tokens.open(itineraryId);
    if (!opened)
      throw new BadInputError(
        `itineraryId is not an itinerary id issued by this server: ${PLAN_AGAIN}`,
      );
    return opened;
  }

  private nowMs(): number {
    return this.deps.clock.nowMs();
  }

  /**
   * Books an itinerary id for a rider, or returns the journey first booked with the same
   * idempotency key (CONFLICT when that key booked another itinerary). BAD_USER_INPUT for a
   * forged or expired id; NO_CAPACITY when the parking can no longer be reserved.
   */
  async book(riderId: string, itineraryId: string, idempotencyKey: string): Promise<BookedJourney> {
    const opened = this.openItinerary(itineraryId, idempotencyKey);
    const nowMs = this.nowMs();
    // One unit of work: the parking and the journey are written together or not at all.
    const stored = await this.deps.repository.book(riderId, idempotencyKey, nowMs, (earlier) => {
      if (!earlier) return this.booking(riderId, opened, idempotencyKey, nowMs);
      if (earlier.itineraryHash !== opened.hash) {
        throw new ConflictError('idempotencyKey was already used to book another itinerary');
      }
      return undefined;
    });
    return withItinerary(stored);
  }

  /** Inside `book`'s unit: checks expiry and what the PARK leg needs; the journey to store and the space to reserve with it. */
  private booking(
    riderId: string,
    opened: OpenedItinerary,
    key: string,
    nowMs: number,
  ): JourneyBooking {
    if (opened.expiresAt * 1000 <= nowMs) {
      throw new BadInputError(
        `the itinerary expired at ${this.deps.showTime(opened.expiresAt)}: ${PLAN_AGAIN}`,
      );
    }
    const it = opened.itinerary;
    if (it.t * 1000 < nowMs - PAST_GRACE_MS) {
      throw new BadInputError(`the itinerary left at ${this.deps.showTime(it.t)}: ${PLAN_AGAIN}`);
    }
    const id = randomUUID();
    const park = compactParkLeg(it);
    let parking: JourneyBooking['parking'];
    if (park) {
      const name = parkPlaceName(it) ?? park.p.f;
      if (park.p.v !== 1) {
        throw new NoCapacityError(
          `"${name}" had no space to reserve for this parking window when planned (drive-up only): ${PLAN_AGAIN}`,
        );
      }
      const window = { startMs: (it.t + park.p.s) * 1000, endMs: (it.t + park.p.e) * 1000 };
      parking = { facilityId: park.p.f, window };
    }
    const journey: Journey = {
      id,
      riderId,
      status: 'CONFIRMED',
      itinerary: JSON.stringify(it),
      itineraryHash: opened.hash,
      departureAt: new Date(it.t * 1000),
      arrivalAt: new Date(compactArrival(it) * 1000),
      reservationId: null,
      idempotencyKey: key,
      createdAt: new Date(nowMs),
      cancelledAt: null,
    };
    return { journey, parking };
  }

  /**
   * Cancels a rider's journey and releases its parking, in one transaction. A cancelled journey is
   * returned as it is; a FINISHED one, or one whose car was checked in at the lot, is a CONFLICT;
   * another rider's is NOT_FOUND.
   */
  async cancel(riderId: string, id: string): Promise<BookedJourney> {
    const nowMs = this.nowMs();
    const inputs = this.deps.live();
    const done = { cancelled: false };
    const stored = await this.deps.repository.cancel(id, nowMs, (journey) => {
      if (journey?.riderId !== riderId) throw new NotFoundError(`journey "${id}" does not exist`);
      const now = liveJourney(withItinerary({ journey, reservation: undefined }), inputs, nowMs);
      if (now.status === 'CANCELLED') return false;
      if (now.status === 'FINISHED') {
        throw new ConflictError(
          `the journey finished at ${this.deps.showTime(now.followed.liveArrival)} and cannot be cancelled`,
        );
      }
      // Stored STARTED: its car passed the lot's gate (DESIGN.md §11); its pass stays valid.
      if (journey.status === 'STARTED') {
        throw new ConflictError(
          'the car was checked in at the lot: the journey cannot be cancelled',
        );
      }
      done.cancelled = true;
      return true;
    });
    if (done.cancelled) this.changed(id);
    return withItinerary(stored);
  }

  /**
   * Moves a rider's journey onto another itinerary (issue 13), in one unit of work (`rebookChange`
   * decides what the parking does). A retry with the itinerary already booked returns the journey as it is.
   */
  async rebook(
    riderId: string,
    id: string,
    itineraryId: string,
    idempotencyKey: string,
  ): Promise<BookedJourney> {
    const opened = this.openItinerary(itineraryId, idempotencyKey);
    const nowMs = this.nowMs();
    const inputs = this.deps.live();
    const done = { changed: false };
    const stored = await this.deps.repository.rebook(id, nowMs, (journey, reservation) => {
      if (journey?.riderId !== riderId) throw new NotFoundError(`journey "${id}" does not exist`);
      if (journey.itineraryHash === opened.hash) return undefined;
      if (opened.expiresAt * 1000 <= nowMs) {
        throw new BadInputError(
          `the itinerary expired at ${this.deps.showTime(opened.expiresAt)}: ${PLAN_AGAIN}`,
        );
      }
      const now = liveJourney(withItinerary({ journey, reservation }), inputs, nowMs);
      if (now.status === 'FINISHED' || now.status === 'CANCELLED') {
        throw new ConflictError(`the journey is ${now.status} and cannot be re-booked`);
      }
      done.changed = true;
      return rebookChange(opened, reservation, (name) => this.deps.showTime(name));
    });
    if (done.changed) this.changed(id);
    return withItinerary(stored);
  }

  /** A journey for its rider or an admin; NOT_FOUND for anyone else (it stays invisible). */
  async get(reader: JourneyReader, id: string): Promise<BookedJourney> {
    const stored = await this.deps.repository.find(id, this.nowMs());
    if (!stored || (reader.kind === 'rider' && stored.journey.riderId !== reader.riderId)) {
      throw new NotFoundError(`journey "${id}" does not exist`);
    }
    return withItinerary(stored);
  }

  /** A rider's journeys, latest departure first. */
  async list(riderId: string, first: number, after?: JourneyPageAfter): Promise<JourneyPage> {
    const rows = await this.deps.repository.riderJourneys(riderId, first + 1, this.nowMs(), after);
    return {
      items: rows.slice(0, first).map(withItinerary),
      hasNextPage: rows.length > first,
    };
  }
}

/** The status of a stored journey at `nowMs` on its planned times (live status: `liveJourney`). */
export function statusAt(journey: Journey, nowMs: number) {
  return journeyStatus(
    journey.status,
    journey.departureAt.getTime() / 1000,
    journey.arrivalAt.getTime() / 1000,
    nowMs / 1000,
  );
}

/** A stored journey with its itinerary parsed. */
export function withItinerary({ journey, reservation }: StoredJourney): BookedJourney {
  return {
    journey,
    itinerary: JSON.parse(journey.itinerary) as CompactItinerary,
    reservation,
  };
}
