import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { AppDb } from '../db/client.js';
import type { GroupCommit } from '../parking/groupCommit.js';
import { BadInputError, ConflictError, NoCapacityError, NotFoundError } from '../errors.js';
import {
  releaseForJourney,
  reservationAsOf,
  reserveForJourney,
} from '../parking/journeyParking.js';
import type { SyncDb } from '../parking/repo/db.js';
import type { Reservation } from '../parking/repo/reservationRepo.js';
import { PAST_GRACE_MS } from '../parking/window.js';
import {
  compactArrival,
  compactParkLeg,
  parkPlaceName,
  type CompactItinerary,
} from './compactItinerary.js';
import type { ItineraryTokens, OpenedItinerary } from './itineraryToken.js';
import {
  findJourney,
  findJourneyByKey,
  insertJourney,
  markCancelled,
  riderJourneys,
  type Journey,
  type JourneyPageAfter,
} from './journeyRepo.js';
import { journeyStatus } from './status.js';

/** What the journey service needs. */
export interface JourneyDeps {
  db: AppDb;
  clock: Clock;
  tokens: ItineraryTokens;
  /** Bookings go through the parking group commit (with its reservations, sharing fsyncs and not blocking on another process's lock). */
  commits: GroupCommit;
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
 * Booked journeys (DESIGN.md §6): booking reserves the parking and stores the journey in ONE
 * synchronous transaction (both or nothing); cancelling releases the parking in one too.
 */
export class JourneyService {
  constructor(private readonly deps: JourneyDeps) {}

  private nowMs(): number {
    return this.deps.clock.nowMs();
  }

  /**
   * Books an itinerary id for a rider, or returns the journey first booked with the same
   * idempotency key (CONFLICT when that key booked another itinerary). BAD_USER_INPUT for a
   * forged or expired id; NO_CAPACITY when the parking can no longer be reserved.
   */
  async book(riderId: string, itineraryId: string, idempotencyKey: string): Promise<BookedJourney> {
    if (idempotencyKey.length === 0 || idempotencyKey.length > 128) {
      throw new BadInputError('idempotencyKey must be 1–128 characters');
    }
    const opened = this.deps.tokens.open(itineraryId);
    if (!opened)
      throw new BadInputError(
        `itineraryId is not an itinerary id issued by this server: ${PLAN_AGAIN}`,
      );
    const nowMs = this.nowMs();
    // One unit of the group commit: its own savepoint, so the parking and the journey are written together or not at all.
    return this.deps.commits.run((tx) => {
      const earlier = findJourneyByKey(tx, riderId, idempotencyKey);
      if (earlier) {
        if (earlier.itineraryHash !== opened.hash) {
          throw new ConflictError('idempotencyKey was already used to book another itinerary');
        }
        return this.withParts(tx, earlier, nowMs);
      }
      return this.insert(tx, riderId, opened, idempotencyKey, nowMs);
    });
  }

  /** Inside `book`'s transaction: checks expiry, reserves the PARK leg's space, stores the journey. */
  private insert(
    tx: SyncDb,
    riderId: string,
    opened: OpenedItinerary,
    key: string,
    nowMs: number,
  ): BookedJourney {
    if (opened.expiresAt * 1000 <= nowMs) {
      throw new BadInputError(
        `the itinerary expired at ${new Date(opened.expiresAt * 1000).toISOString()}: ${PLAN_AGAIN}`,
      );
    }
    const it = opened.itinerary;
    if (it.t * 1000 < nowMs - PAST_GRACE_MS) {
      throw new BadInputError(
        `the itinerary left at ${new Date(it.t * 1000).toISOString()}: ${PLAN_AGAIN}`,
      );
    }
    const id = randomUUID();
    const park = compactParkLeg(it);
    let reservation: Reservation | undefined;
    if (park) {
      const name = parkPlaceName(it) ?? park.p.f;
      if (park.p.v !== 1) {
        throw new NoCapacityError(
          `"${name}" had no space to reserve for this parking window when planned (drive-up only): ${PLAN_AGAIN}`,
        );
      }
      const window = { startMs: (it.t + park.p.s) * 1000, endMs: (it.t + park.p.e) * 1000 };
      reservation = reserveForJourney(
        tx,
        { riderId, facilityId: park.p.f, window, journeyId: id },
        nowMs,
      );
    }
    const journey: Journey = {
      id,
      riderId,
      status: 'CONFIRMED',
      itinerary: JSON.stringify(it),
      itineraryHash: opened.hash,
      departureAt: new Date(it.t * 1000),
      arrivalAt: new Date(compactArrival(it) * 1000),
      reservationId: reservation?.id ?? null,
      idempotencyKey: key,
      createdAt: new Date(nowMs),
      cancelledAt: null,
    };
    insertJourney(tx, journey);
    return { journey, itinerary: it, reservation };
  }

  /**
   * Cancels a rider's journey and releases its parking, in one transaction. A cancelled journey is
   * returned as it is; a FINISHED one is a CONFLICT; another rider's is NOT_FOUND.
   */
  cancel(riderId: string, id: string): BookedJourney {
    const nowMs = this.nowMs();
    return this.deps.db.transaction(
      (tx) => {
        const journey = findJourney(tx, id);
        if (journey?.riderId !== riderId) throw new NotFoundError(`journey "${id}" does not exist`);
        const status = statusAt(journey, nowMs);
        if (status === 'CANCELLED') return this.withParts(tx, journey, nowMs);
        if (status === 'FINISHED') {
          throw new ConflictError(
            `the journey finished at ${journey.arrivalAt.toISOString()} and cannot be cancelled`,
          );
        }
        const now = new Date(nowMs);
        markCancelled(tx, id, now);
        if (journey.reservationId) releaseForJourney(tx, journey.reservationId, nowMs);
        return this.withParts(tx, { ...journey, status: 'CANCELLED', cancelledAt: now }, nowMs);
      },
      { behavior: 'immediate' },
    );
  }

  /** A journey for its rider or an admin; NOT_FOUND for anyone else (it stays invisible). */
  get(reader: JourneyReader, id: string): BookedJourney {
    const journey = findJourney(this.deps.db, id);
    if (!journey || (reader.kind === 'rider' && journey.riderId !== reader.riderId)) {
      throw new NotFoundError(`journey "${id}" does not exist`);
    }
    return this.withParts(this.deps.db, journey, this.nowMs());
  }

  /** A rider's journeys, latest departure first. */
  list(riderId: string, first: number, after?: JourneyPageAfter): JourneyPage {
    const rows = riderJourneys(this.deps.db, riderId, first + 1, after);
    const nowMs = this.nowMs();
    return {
      items: rows.slice(0, first).map((row) => this.withParts(this.deps.db, row, nowMs)),
      hasNextPage: rows.length > first,
    };
  }

  private withParts(db: SyncDb, journey: Journey, nowMs: number): BookedJourney {
    return {
      journey,
      itinerary: JSON.parse(journey.itinerary) as CompactItinerary,
      reservation: journey.reservationId
        ? reservationAsOf(db, journey.reservationId, nowMs)
        : undefined,
    };
  }
}

/** The status of a stored journey at `nowMs` (planned times). */
export function statusAt(journey: Journey, nowMs: number) {
  return journeyStatus(
    journey.status,
    journey.departureAt.getTime() / 1000,
    journey.arrivalAt.getTime() / 1000,
    nowMs / 1000,
  );
}
