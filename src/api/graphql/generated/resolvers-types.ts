import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { StopModel, RouteModel, TripModel, DepartureModel, FeedModel, AgencyModel, ItineraryModel, IntermediateStopModel } from '../models.js';
import type { VehicleInput, FeedAlert } from '../../../realtime/model.js';
import type { ParkingFacilityModel, ParkingReservationModel, IgnoredParkingReportModel } from '../parkingModels.js';
import type { PlanResult } from '../../../planner/itinerary.js';
import type { JourneyLegModel, LegParkingModel, JourneyModel } from '../journeyModels.js';
import type { IssuedPass } from '../../../pass/index.js';
import type { PlacePoint } from '../../../planner/query.js';
import type { GraphQLContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  /**
   * An instant, ISO-8601 with an offset, e.g. `2026-12-01T08:00:00-05:00`. Inputs without an offset are
   * rejected. Every output (including `VehiclePosition.updatedAt` and times inside error messages) is
   * in the agency's local offset (the stop's feed for departures, the first feed elsewhere), whole
   * seconds, without milliseconds.
   */
  DateTime: { input: Date; output: Date | string; }
  /** A file sent with a GraphQL multipart request. */
  File: { input: File; output: File; }
};

export type AccessMode =
  | 'CAR'
  | 'CAR_PARK'
  | 'WALK';

/** A transit agency of a feed (agency.txt). */
export type Agency = {
  __typename?: 'Agency';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  timezone: Scalars['String']['output'];
  url?: Maybe<Scalars['String']['output']>;
};

/** A service alert (GTFS-Realtime Alert), active now. */
export type Alert = {
  __typename?: 'Alert';
  cause: AlertCause;
  descriptionText?: Maybe<Scalars['String']['output']>;
  effect: AlertEffect;
  headerText?: Maybe<Scalars['String']['output']>;
  /** Feed-scoped entity id. */
  id: Scalars['ID']['output'];
  url?: Maybe<Scalars['String']['output']>;
};

/** Cause of a service alert, spelled as in GTFS-Realtime. */
export type AlertCause =
  | 'ACCIDENT'
  | 'CONSTRUCTION'
  | 'DEMONSTRATION'
  | 'HOLIDAY'
  | 'MAINTENANCE'
  | 'MEDICAL_EMERGENCY'
  | 'OTHER_CAUSE'
  | 'POLICE_ACTIVITY'
  | 'STRIKE'
  | 'TECHNICAL_PROBLEM'
  | 'UNKNOWN_CAUSE'
  | 'WEATHER';

/** Effect of a service alert, spelled as in GTFS-Realtime. */
export type AlertEffect =
  | 'ACCESSIBILITY_ISSUE'
  | 'ADDITIONAL_SERVICE'
  | 'DETOUR'
  | 'MODIFIED_SERVICE'
  | 'NO_EFFECT'
  | 'NO_SERVICE'
  | 'OTHER_EFFECT'
  | 'REDUCED_SERVICE'
  | 'SIGNIFICANT_DELAYS'
  | 'STOP_MOVED'
  | 'UNKNOWN_EFFECT';

export type BookJourneyInput = {
  /** A retry with the same key returns the first journey (1–128 characters). */
  idempotencyKey: Scalars['String']['input'];
  /** An `Itinerary.id` from `plan`, bookable for ITINERARY_TTL_SECONDS (default 1800) after planning. */
  itineraryId: Scalars['ID']['input'];
};

export type BookJourneyPayload = {
  __typename?: 'BookJourneyPayload';
  journey: Journey;
};

export type CancelJourneyInput = {
  id: Scalars['ID']['input'];
};

export type CancelJourneyPayload = {
  __typename?: 'CancelJourneyPayload';
  journey: Journey;
};

export type CancelParkingReservationInput = {
  id: Scalars['ID']['input'];
};

export type CancelParkingReservationPayload = {
  __typename?: 'CancelParkingReservationPayload';
  reservation: ParkingReservation;
};

export type CheckInParkingInput = {
  /** When the car passed the gate; at most 5 minutes ahead of the server's clock. */
  at: Scalars['DateTime']['input'];
  /** The facility the gate belongs to. */
  facilityId: Scalars['ID']['input'];
  /** One per gate event: a retry with the same key returns the first result (1–128 characters). */
  idempotencyKey: Scalars['String']['input'];
  /** The pass token the gate scanned (`JourneyPass.token`). */
  pass: Scalars['String']['input'];
};

export type CheckInParkingPayload = {
  __typename?: 'CheckInParkingPayload';
  /** True when this idempotency key had already recorded the check-in (nothing changed). */
  replayed: Scalars['Boolean']['output'];
  /** The reservation, now CHECKED_IN. */
  reservation: ParkingReservation;
};

export type CheckOutParkingInput = {
  /** When the car passed the gate out; at most 5 minutes ahead of the server's clock. */
  at: Scalars['DateTime']['input'];
  /** One per gate event: a retry with the same key returns the first result (1–128 characters). */
  idempotencyKey: Scalars['String']['input'];
  /** The pass token the gate scanned (its validity may have run out); or give `reservationId`. */
  pass?: InputMaybe<Scalars['String']['input']>;
  /** The reservation to check out; or give `pass`. */
  reservationId?: InputMaybe<Scalars['ID']['input']>;
};

export type CheckOutParkingPayload = {
  __typename?: 'CheckOutParkingPayload';
  /** True when this idempotency key had already recorded the check-out (nothing changed). */
  replayed: Scalars['Boolean']['output'];
  /** The reservation, now COMPLETED. */
  reservation: ParkingReservation;
};

export type ConfirmParkingReservationInput = {
  id: Scalars['ID']['input'];
};

export type ConfirmParkingReservationPayload = {
  __typename?: 'ConfirmParkingReservationPayload';
  reservation: ParkingReservation;
};

/** One departure of a vehicle from a stop. */
export type Departure = {
  __typename?: 'Departure';
  /** Active alerts naming this stop, its station, the route or the trip. */
  alerts: Array<Alert>;
  /** Live departure minus scheduled departure, seconds; null without realtime (never 0 for "no data"). */
  delaySeconds?: Maybe<Scalars['Int']['output']>;
  headsign?: Maybe<Scalars['String']['output']>;
  /** Live arrival; null without realtime. */
  realtimeArrival?: Maybe<Scalars['DateTime']['output']>;
  /** Live departure; null without realtime. */
  realtimeDeparture?: Maybe<Scalars['DateTime']['output']>;
  /** SCHEDULED where there is no realtime for this departure. */
  realtimeState: RealtimeState;
  route: Route;
  scheduledArrival: Scalars['DateTime']['output'];
  scheduledDeparture: Scalars['DateTime']['output'];
  /** GTFS service day the trip belongs to. */
  serviceDate: Scalars['Date']['output'];
  /** The platform the vehicle leaves from. */
  stop: Stop;
  trip: Trip;
  /** The vehicle's last position, where the feed reports it. */
  vehicle?: Maybe<VehiclePosition>;
};

/** A GTFS feed being served. */
export type Feed = {
  __typename?: 'Feed';
  agencies: Array<Agency>;
  /** The feed's first agency. */
  agency?: Maybe<Agency>;
  counts: FeedCounts;
  /** Last day with service. */
  endDate?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  importedAt: Scalars['DateTime']['output'];
  /** First day with service (feed_info.txt, else the calendars). */
  startDate?: Maybe<Scalars['Date']['output']>;
  timezone: Scalars['String']['output'];
  version?: Maybe<Scalars['String']['output']>;
};

export type FeedCounts = {
  __typename?: 'FeedCounts';
  routes: Scalars['Int']['output'];
  stopTimes: Scalars['Int']['output'];
  stops: Scalars['Int']['output'];
  trips: Scalars['Int']['output'];
};

/** Something to know about an imported feed; the import itself went through. */
export type FeedWarning = {
  __typename?: 'FeedWarning';
  code: FeedWarningCode;
  feedId: Scalars['ID']['output'];
  /** Names the feed and its validity (feed_info dates, else the calendars' span). */
  text: Scalars['String']['output'];
};

export type FeedWarningCode =
  /** The feed's last service day is past. */
  | 'FEED_EXPIRED'
  /** The feed's first service day is more than 30 days ahead. */
  | 'FEED_NOT_YET_VALID';

/** A point in WGS84 degrees. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  lat: Scalars['Float']['output'];
  lon: Scalars['Float']['output'];
};

export type IgnoredParkingReport = {
  __typename?: 'IgnoredParkingReport';
  facilityId: Scalars['ID']['output'];
  observedAt: Scalars['DateTime']['output'];
  reason: ParkingReportIgnoredReason;
};

export type ImportFeedInput = {
  /** Feed id, letters, digits, '-' and '_' (e.g. `si`). */
  feedId: Scalars['ID']['input'];
  /** A GTFS zip. */
  file: Scalars['File']['input'];
};

export type ImportFeedPayload = {
  __typename?: 'ImportFeedPayload';
  feed: Feed;
  /** Empty when the feed is in service today or starts within 30 days. */
  warnings: Array<FeedWarning>;
};

export type IntermediateStop = {
  __typename?: 'IntermediateStop';
  arrival: Scalars['DateTime']['output'];
  departure: Scalars['DateTime']['output'];
  stop: Stop;
};

/** One way from origin to destination. */
export type Itinerary = {
  __typename?: 'Itinerary';
  arrival: Scalars['DateTime']['output'];
  departure: Scalars['DateTime']['output'];
  /** Seconds spent driving (0 without a car). */
  driveSeconds: Scalars['Int']['output'];
  durationSeconds: Scalars['Int']['output'];
  /** Opaque id; can be booked for a limited time (see bookJourney). */
  id: Scalars['ID']['output'];
  legs: Array<Leg>;
  transfers: Scalars['Int']['output'];
  walkMeters: Scalars['Int']['output'];
};

/** A booked itinerary, followed live (DESIGN.md §6). Only its rider (or an admin) can see it. */
export type Journey = {
  __typename?: 'Journey';
  /** Active alerts for any leg of the journey (each once, in leg order; see `Leg.alerts`). */
  alerts: Array<Alert>;
  /**
   * A way on from where the journey now stands to its destination (at most `first`, 1–10, default
   * 3): from the alighting stop of the first ride whose connection is at risk, at its live arrival;
   * else from where the current leg ends (the origin before departure). A PARK leg already behind
   * the rider keeps its booked space (no new drive); before it, the drive and parking are planned
   * anew. Each `Itinerary.id` can be given to `rebookJourney`. Empty once FINISHED or CANCELLED.
   */
  alternatives: Array<Itinerary>;
  /** Planned arrival, as booked. */
  arrival: Scalars['DateTime']['output'];
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Planned departure, as booked. */
  departure: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /**
   * The legs as in `plan`, as they stand now. Transit legs carry live times (`departure` is the live
   * departure at the boarding stop, `scheduledDeparture` the timetable's, `delaySeconds` the
   * difference, null without realtime) and `connectionAtRisk`. Live times flow on: a street leg
   * right after a ride starts at the ride's live arrival (plus its planned gap), one after another
   * street leg no earlier than that one ends, so waits absorb what they can and consecutive legs do
   * not overlap, except where a walk now ends after the next ride leaves: that connection is broken
   * and the ride before it has `connectionAtRisk`. The PARK leg's `parking.reservation` is the booked
   * space.
   */
  legs: Array<Leg>;
  /** Best known arrival: the arrival of the last leg, live times flowed through (see `legs`). */
  liveArrival: Scalars['DateTime']['output'];
  /**
   * The journey's pass (its rider, or an admin), issued once and shown the same from then on; also
   * `GET /v1/journeys/:id/pass.svg` and `.png`. Null once the journey is cancelled: its pass is
   * revoked and listed for offline gates.
   */
  pass?: Maybe<JourneyPass>;
  /** The parking reservation of the PARK leg; null without one. */
  reservation?: Maybe<ParkingReservation>;
  status: JourneyStatus;
  totals: JourneyTotals;
};


/** A booked itinerary, followed live (DESIGN.md §6). Only its rider (or an admin) can see it. */
export type JourneyAlternativesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of journeys (Relay connection). */
export type JourneyConnection = {
  __typename?: 'JourneyConnection';
  edges: Array<JourneyEdge>;
  pageInfo: PageInfo;
};

export type JourneyEdge = {
  __typename?: 'JourneyEdge';
  cursor: Scalars['String']['output'];
  node: Journey;
};

/**
 * A journey's pass (DESIGN.md §11): one signed code for the whole journey, shown as a QR code at the
 * lot's gate, which can verify it offline with the keys of `GET /.well-known/jwks.json`.
 */
export type JourneyPass = {
  __typename?: 'JourneyPass';
  /** Its `exp`: the later of the last arrival and the end of the parking window, plus PASS_GRACE_SECONDS (default 900). */
  expiresAt: Scalars['DateTime']['output'];
  /** The token as a QR code (error correction M), SVG markup. */
  qrSvg: Scalars['String']['output'];
  /**
   * A compact JWS signed with EdDSA (Ed25519), `kid` in its header. Claims: `jti` the journey id
   * (also the pass id), `sub` a per-journey pseudonym of the rider (never the rider id), `nbf`/`exp`
   * its validity, `pk` per parking leg `{ f: facility id, c: reservation code, s, e: window, Unix
   * seconds }`. About 400 bytes.
   */
  token: Scalars['String']['output'];
};

/**
 * Lifecycle of a booked journey (TOMP-API): `CONFIRMED` until its planned departure, `STARTED`
 * from then (or from the check-in of its car at the lot, if earlier), `FINISHED` from its live arrival
 * (`Journey.liveArrival`); `CANCELLED` by cancelJourney, which releases the parking.
 */
export type JourneyStatus =
  | 'CANCELLED'
  | 'CONFIRMED'
  | 'FINISHED'
  | 'STARTED';

/** Totals of a journey. */
export type JourneyTotals = {
  __typename?: 'JourneyTotals';
  driveSeconds: Scalars['Int']['output'];
  /** Planned arrival minus planned departure. */
  durationSeconds: Scalars['Int']['output'];
  /** Time the car stood in the lot: check-in to check-out (or to now while checked in); null before check-in. */
  parkedSeconds?: Maybe<Scalars['Int']['output']>;
  /** What the parking costs (the reservation's price); null without parking. */
  price?: Maybe<Money>;
  transfers: Scalars['Int']['output'];
  walkMeters: Scalars['Int']['output'];
};

/** A point in WGS84 degrees. */
export type LatLonInput = {
  lat: Scalars['Float']['input'];
  lon: Scalars['Float']['input'];
};

/** A leg of an itinerary. Transit legs carry route, trip and stops; times are the best known (live where there is realtime). */
export type Leg = {
  __typename?: 'Leg';
  /**
   * Alerts active at some time during a transit leg (departure to arrival) that name its route, its
   * trip, or a stop it calls at (boarding, intermediate, alighting, or their stations); empty on
   * street legs.
   */
  alerts: Array<Alert>;
  arrival: Scalars['DateTime']['output'];
  /**
   * On a transit leg of a journey: true when its live arrival no longer makes the next transit leg
   * (live arrival + the walk between + the plan's transfer slack, default 60 s, is after the next
   * leg's live departure), or when it or the next leg is cancelled or skips the stop it is needed
   * at. False on other legs and in plans (which are planned on live times).
   */
  connectionAtRisk: Scalars['Boolean']['output'];
  /** Live departure minus scheduled departure of a transit leg, seconds; null without realtime (and on street legs). */
  delaySeconds?: Maybe<Scalars['Int']['output']>;
  departure: Scalars['DateTime']['output'];
  distanceMeters: Scalars['Int']['output'];
  durationSeconds: Scalars['Int']['output'];
  from: Place;
  /**
   * Encoded polyline (precision 5): a transit leg along the shape where the feed has one, else
   * straight segments between its stops; a walk or drive along the streets where a street graph
   * covers it (DESIGN.md §10), else a straight line.
   */
  geometry: Scalars['String']['output'];
  intermediateStops: Array<IntermediateStop>;
  mode: LegMode;
  /** The parking of a PARK leg; null on other legs. */
  parking?: Maybe<LegParking>;
  /** True when the times come from realtime data. */
  realtime: Scalars['Boolean']['output'];
  route?: Maybe<Route>;
  scheduledArrival?: Maybe<Scalars['DateTime']['output']>;
  /** Timetable times of a transit leg. */
  scheduledDeparture?: Maybe<Scalars['DateTime']['output']>;
  /** Turn-by-turn steps of a walk or drive on the streets; empty for transit legs and where no street graph covers the leg. */
  steps: Array<Step>;
  to: Place;
  trip?: Maybe<Trip>;
};

export type LegMode =
  | 'BUS'
  | 'CABLE_CAR'
  | 'CAR'
  | 'FERRY'
  | 'FUNICULAR'
  | 'GONDOLA'
  | 'MONORAIL'
  | 'PARK'
  | 'RAIL'
  | 'SUBWAY'
  | 'TRAM'
  | 'TROLLEYBUS'
  | 'WALK';

/** The parking of a PARK leg: the facility, its live availability and the price of the window. */
export type LegParking = {
  __typename?: 'LegParking';
  /** Live free drive-up spaces; null when unknown or stale. */
  availableSpaces?: Maybe<Scalars['Int']['output']>;
  /** When the facility next closes after the window starts; null when it stays open for a week and more (24/7). */
  closesAt?: Maybe<Scalars['DateTime']['output']>;
  endsAt: Scalars['DateTime']['output'];
  facility: ParkingFacility;
  price: Money;
  /** True when a space can be reserved for the window (bookJourney reserves it). */
  reservable: Scalars['Boolean']['output'];
  /** The reservation of a booked journey's PARK leg; null in plans. */
  reservation?: Maybe<ParkingReservation>;
  /** True when the live availability is older than AVAILABILITY_STALE_SECONDS (or missing). */
  stale: Scalars['Boolean']['output'];
  /**
   * The parking window: arrival at the facility (or its opening, when the rider waits for it) until
   * parkingUntil, or else until the facility closes or the local day ends.
   */
  startsAt: Scalars['DateTime']['output'];
  /** The latest fresh live status; UNKNOWN when the facility never reported or the report is stale. */
  status: ParkingStatus;
};

/** An amount of money in major units (12.5 = twelve dollars fifty) of an ISO 4217 currency. */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['Float']['output'];
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  _noop?: Maybe<Scalars['Boolean']['output']>;
  /**
   * Books a planned itinerary (rider token): reserves the space of its PARK leg for the parking
   * window and stores the journey, together or not at all. NO_CAPACITY when the space is gone since
   * planning; BAD_USER_INPUT for an unknown or expired itinerary id (plan again).
   */
  bookJourney: BookJourneyPayload;
  /**
   * Cancels a journey and releases its parking (its rider); a finished journey, or one whose car was
   * checked in at the lot, cannot be cancelled (CONFLICT).
   */
  cancelJourney: CancelJourneyPayload;
  /** Cancels a reservation, freeing its space (its rider). */
  cancelParkingReservation: CancelParkingReservationPayload;
  /**
   * A lot's gate checks a pass in (the operator key of that facility only): the reservation becomes
   * CHECKED_IN and the journey STARTED. Refusals: PASS_INVALID (bad signature, unknown key, not a
   * pass), FORBIDDEN (another facility or operator), PASS_NOT_VALID_NOW (outside the pass's validity
   * or the reservation window, with a grace of PASS_GRACE_SECONDS, default 900), PASS_REVOKED (the
   * journey was cancelled), CONFLICT (already checked in). Also `POST /v1/parking/checkins`.
   */
  checkInParking: CheckInParkingPayload;
  /**
   * A lot's gate checks a car out (the facility's operator key): CHECKED_IN → COMPLETED. CONFLICT
   * when it is not checked in; FORBIDDEN for another operator's reservation.
   */
  checkOutParking: CheckOutParkingPayload;
  /** Confirms a HELD reservation (its rider). */
  confirmParkingReservation: ConfirmParkingReservationPayload;
  /** Imports a new version of a feed (agency key for that feed, or admin). The old version serves until the swap. */
  importFeed: ImportFeedPayload;
  /**
   * Moves a booked journey onto another itinerary (usually one of its `alternatives`), in one
   * transaction: the old legs are replaced by the new ones and the parking is kept (the same
   * facility and a window the booked one covers, or a PARK leg already behind the rider), swapped
   * (a space reserved on the new PARK leg, the old one released) or released (no PARK leg).
   * NO_CAPACITY when the new space cannot be reserved: the old booking stays untouched.
   * CONFLICT for a FINISHED or CANCELLED journey; BAD_USER_INPUT for an unknown or expired id. A
   * retry (the journey already on that itinerary) returns the journey as it is.
   */
  rebookJourney: RebookJourneyPayload;
  /** Applies a batch of live availability reports (operator key, or admin). Bad input refuses the whole batch. */
  reportParkingAvailability: ReportParkingAvailabilityPayload;
  /** Reserves one space (rider token); NO_CAPACITY when none is left for the window. */
  reserveParking: ReserveParkingPayload;
  /**
   * Creates or updates a facility (operator key for its own facilities, or admin). The operator
   * itself needs no separate creation: it is the one the key was issued for (`maas key create
   * --role operator --operator <id>`), recorded with its first facility.
   */
  upsertParkingFacility: UpsertParkingFacilityPayload;
};


export type MutationBookJourneyArgs = {
  input: BookJourneyInput;
};


export type MutationCancelJourneyArgs = {
  input: CancelJourneyInput;
};


export type MutationCancelParkingReservationArgs = {
  input: CancelParkingReservationInput;
};


export type MutationCheckInParkingArgs = {
  input: CheckInParkingInput;
};


export type MutationCheckOutParkingArgs = {
  input: CheckOutParkingInput;
};


export type MutationConfirmParkingReservationArgs = {
  input: ConfirmParkingReservationInput;
};


export type MutationImportFeedArgs = {
  input: ImportFeedInput;
};


export type MutationRebookJourneyArgs = {
  input: RebookJourneyInput;
};


export type MutationReportParkingAvailabilityArgs = {
  input: ReportParkingAvailabilityInput;
};


export type MutationReserveParkingArgs = {
  input: ReserveParkingInput;
};


export type MutationUpsertParkingFacilityArgs = {
  input: UpsertParkingFacilityInput;
};

/** Relay pagination info. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** The latest drive-up availability an operator reported. */
export type ParkingAvailability = {
  __typename?: 'ParkingAvailability';
  /** Free drive-up spaces; null when the report is stale. */
  availableSpaces?: Maybe<Scalars['Int']['output']>;
  observedAt: Scalars['DateTime']['output'];
  /** True when older than AVAILABILITY_STALE_SECONDS (default 900): then shown as unknown, not as free. */
  stale: Scalars['Boolean']['output'];
  /** UNKNOWN when the report is stale. */
  status: ParkingStatus;
};

export type ParkingAvailabilityReportInput = {
  /** Free drive-up spaces, at most totalSpaces. */
  availableSpaces: Scalars['Int']['input'];
  /** `<operatorId>:<id>`, or just the own id with an operator key. */
  facilityId: Scalars['ID']['input'];
  /** When observed; at most 60 s in the future of the server's clock. */
  observedAt: Scalars['DateTime']['input'];
  status: ParkingStatus;
};

/** A parking facility. Ids are `<operatorId>:<operator's own id>`. */
export type ParkingFacility = {
  __typename?: 'ParkingFacility';
  accessibleSpaces: Scalars['Int']['output'];
  /** Latest live report; null when the operator never reported. */
  availability?: Maybe<ParkingAvailability>;
  /** Straight-line distance from the point of `parkingFacilities(near:)`, metres; null elsewhere. */
  distanceMeters?: Maybe<Scalars['Int']['output']>;
  evChargingSpaces: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: ParkingKind;
  location: GeoPoint;
  name: Scalars['String']['output'];
  /**
   * Stops and stations within `maxWalkMeters` (default 400, at most 2000) of walk distance
   * (haversine × WALK_CIRCUITY, DESIGN.md §4), nearest first; each stop's `distanceMeters` is that
   * walk distance. Empty while no feed is loaded. `first` at most 100.
   */
  nearbyStops: Array<Stop>;
  /** Open for the whole asked window; null without a window. */
  openDuringWindow?: Maybe<Scalars['Boolean']['output']>;
  /** OpenStreetMap `opening_hours` syntax, read in `timezone`. */
  openingHours: Scalars['String']['output'];
  price: ParkingPrice;
  /** Price of the asked window; null without a window. */
  priceForWindow?: Maybe<Money>;
  /** Spaces set aside for reservations through this platform. */
  reservableSpaces: Scalars['Int']['output'];
  /** Spaces still reservable over the whole asked window (`from`/`until`); null without a window. */
  reservableSpacesLeft?: Maybe<Scalars['Int']['output']>;
  timezone: Scalars['String']['output'];
  totalSpaces: Scalars['Int']['output'];
};


/** A parking facility. Ids are `<operatorId>:<operator's own id>`. */
export type ParkingFacilityNearbyStopsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  maxWalkMeters?: InputMaybe<Scalars['Int']['input']>;
};

/** What a parking facility is. */
export type ParkingKind =
  | 'GARAGE'
  | 'PARK_AND_RIDE'
  | 'SURFACE_LOT';

/** Tariff of a facility, major units. */
export type ParkingPrice = {
  __typename?: 'ParkingPrice';
  currency: Scalars['String']['output'];
  /** Cap per 24 hours; null when uncapped. */
  dailyMax?: Maybe<Scalars['Float']['output']>;
  /** Price per started hour. */
  hourlyRate: Scalars['Float']['output'];
};

export type ParkingPriceInput = {
  /** ISO 4217, e.g. USD. */
  currency: Scalars['String']['input'];
  /** Cap per 24 hours, major units; null for none. */
  dailyMax?: InputMaybe<Scalars['Float']['input']>;
  /** Per started hour, major units. */
  hourlyRate: Scalars['Float']['input'];
};

/** Why a report was not applied. */
export type ParkingReportIgnoredReason =
  /** An observation newer than this one is stored already. */
  | 'OLDER_THAN_STORED'
  /** An observation of the same time is stored already (a retry). */
  | 'SAME_AS_STORED';

/** One reserved space at a facility for `[startsAt, endsAt)`. */
export type ParkingReservation = {
  __typename?: 'ParkingReservation';
  /** When the car passed the gate in; null before. */
  checkedInAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the car passed the gate out; null before. */
  checkedOutAt?: Maybe<Scalars['DateTime']['output']>;
  /** Short code to show at the gate. */
  code: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  endsAt: Scalars['DateTime']['output'];
  facility: ParkingFacility;
  /** When a HELD reservation expires unless confirmed; null for others. */
  holdExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Seconds the car stood past `endsAt`: till check-out, or till now while still checked in; 0 otherwise. */
  overstaySeconds: Scalars['Int']['output'];
  price: Money;
  startsAt: Scalars['DateTime']['output'];
  status: ParkingReservationStatus;
};

/** A page of reservations (Relay connection). */
export type ParkingReservationConnection = {
  __typename?: 'ParkingReservationConnection';
  edges: Array<ParkingReservationEdge>;
  pageInfo: PageInfo;
};

export type ParkingReservationEdge = {
  __typename?: 'ParkingReservationEdge';
  cursor: Scalars['String']['output'];
  node: ParkingReservation;
};

/**
 * Lifecycle of a reservation: `HELD` expires after the server's hold time unless confirmed;
 * `CONFIRMED` becomes `COMPLETED` once its window ends, or `CHECKED_IN` when the car passes the
 * gate (checkInParking), and `COMPLETED` at check-out (checkOutParking).
 */
export type ParkingReservationStatus =
  | 'CANCELLED'
  /** The car passed the gate in (checkInParking); it holds its space until check-out or the window's end. */
  | 'CHECKED_IN'
  | 'COMPLETED'
  | 'CONFIRMED'
  | 'EXPIRED'
  | 'HELD';

/** Live drive-up status of a facility, as its operator reports it. */
export type ParkingStatus =
  | 'CLOSED'
  | 'FULL'
  | 'OPEN'
  | 'UNKNOWN';

/** A point of an itinerary; `stop` is null where there is none. */
export type Place = {
  __typename?: 'Place';
  lat: Scalars['Float']['output'];
  lon: Scalars['Float']['output'];
  name?: Maybe<Scalars['String']['output']>;
  stop?: Maybe<Stop>;
};

/**
 * An origin or destination: coordinates, or a stop id (`{ stopId: \"si:200001\" }`). `name` is shown
 * on the itinerary's first or last leg; without it a stop shows its name and coordinates show
 * `Origin` / `Destination`.
 */
export type PlaceInput = {
  lat?: InputMaybe<Scalars['Float']['input']>;
  lon?: InputMaybe<Scalars['Float']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  stopId?: InputMaybe<Scalars['ID']['input']>;
};

export type Plan = {
  __typename?: 'Plan';
  itineraries: Array<Itinerary>;
  /** Why there are no itineraries, or what is missing from them. */
  messages: Array<PlanMessage>;
  /** Cursor for the page of later departures (`PlanInput.pageCursor`). */
  nextPageCursor?: Maybe<Scalars['String']['output']>;
  /** Cursor for the page of earlier departures (`PlanInput.pageCursor`). */
  previousPageCursor?: Maybe<Scalars['String']['output']>;
};

/**
 * A trip planning request. Exactly one of `departAt` and `arriveBy`. Defaults: walkSpeed 1.3 m/s,
 * maxWalkMeters 1000, maxTransfers 6, numItineraries 3 (at most 10), transitModes all,
 * transferSlack 60 s.
 */
export type PlanInput = {
  /** How to reach transit: WALK, CAR_PARK (drive to a park-and-ride lot, park, ride on), CAR (drive and park near the destination); default [WALK]. */
  accessModes?: InputMaybe<Array<AccessMode>>;
  arriveBy?: InputMaybe<Scalars['DateTime']['input']>;
  departAt?: InputMaybe<Scalars['DateTime']['input']>;
  from: PlaceInput;
  /** Most changes of vehicle (0–10); default 6. */
  maxTransfers?: InputMaybe<Scalars['Int']['input']>;
  /** Longest access, egress or direct walk, metres (0–5000); default 1000. */
  maxWalkMeters?: InputMaybe<Scalars['Int']['input']>;
  /** Itineraries wanted (1–10); default 3. */
  numItineraries?: InputMaybe<Scalars['Int']['input']>;
  /**
   * A page of later or earlier departures: `Plan.nextPageCursor` or `Plan.previousPageCursor` of a
   * plan with the same input. It replaces `departAt` / `arriveBy` (give the same one as before).
   */
  pageCursor?: InputMaybe<Scalars['String']['input']>;
  /**
   * End of the parking window of CAR_PARK/CAR itineraries: a lot that closes before it is not used.
   * Default: when the lot next closes, or the end of the local day, whichever is first.
   */
  parkingUntil?: InputMaybe<Scalars['DateTime']['input']>;
  to: PlaceInput;
  /** Seconds added to every change of vehicle (0–3600); default 60. */
  transferSlack?: InputMaybe<Scalars['Int']['input']>;
  /** Transit modes allowed; default all; an empty list allows none (walking or driving only). */
  transitModes?: InputMaybe<Array<TransitMode>>;
  /** Walking speed, m/s (0.1–10); default 1.3. */
  walkSpeed?: InputMaybe<Scalars['Float']['input']>;
};

/** Why a plan has no itineraries, or lacks something asked for (a park-and-ride lot, a feed's service). */
export type PlanMessage = {
  __typename?: 'PlanMessage';
  code: PlanMessageCode;
  text: Scalars['String']['output'];
};

export type PlanMessageCode =
  /** A loaded feed does not run on the plan's date (the text names the feeds); itineraries may still be returned. */
  | 'FEED_NOT_IN_SERVICE'
  | 'NO_PARKING_AVAILABLE'
  | 'NO_SERVICE_ON_DATE'
  | 'NO_TRANSIT_CONNECTION'
  | 'OUTSIDE_SERVICE_AREA'
  | 'SAME_ORIGIN_AND_DESTINATION'
  | 'TIME_BUDGET_EXCEEDED';

export type Query = {
  __typename?: 'Query';
  /** Active alerts of a feed, in the order the feed first sent them. `first` at most 500. */
  alerts: Array<Alert>;
  /**
   * The next departures from a stop, or from every platform of a station, at or after `after`
   * (default now), in time order. `first` at most 100.
   */
  departures: Array<Departure>;
  /** Feeds being served. */
  feeds: Array<Feed>;
  /** A journey of the calling rider (or any, for an admin key); NOT_FOUND for another rider's. */
  journey?: Maybe<Journey>;
  /** The calling rider's journeys, past and coming, latest departure first (rider token). `first` at most 100. */
  myJourneys: JourneyConnection;
  /** The calling rider's reservations, newest first (rider token). `first` at most 100. */
  myParkingReservations: ParkingReservationConnection;
  /** Liveness of the API (always true when it answers). */
  ok: Scalars['Boolean']['output'];
  /**
   * Reservations of a facility overlapping `[from, until)` (all when absent), by start time, without
   * the riders' identity (its operator's key, or admin). `first` at most 100.
   */
  operatorReservations: ParkingReservationConnection;
  /**
   * Facilities within `radiusMeters` (default 1000, at most 50000) of a point, nearest first.
   * With `from` and `until` (at most 7 days apart) the window fields are filled. `first` at most 200.
   */
  parkingFacilities: Array<ParkingFacility>;
  /** A facility by id, or null; with `from` and `until` the window fields are filled. */
  parkingFacility?: Maybe<ParkingFacility>;
  /** Plans itineraries from a place to another (DESIGN.md §4). */
  plan: Plan;
  route?: Maybe<Route>;
  /** Routes of one feed, or of all, in id order. `first` at most 1000. */
  routes: Array<Route>;
  stop?: Maybe<Stop>;
  /**
   * Stops whose names match `text` as riders type it, best first: case, accents and punctuation
   * ignored, abbreviations and long forms alike (`st`/`saint`/`street`, `av`/`avenue`,
   * `sq`/`square`, `&`/`and`, `42nd`/`42`), the last word as a prefix, one typo per word of 4+
   * letters. Names equal to the text come first, then names starting with it. A station stands for
   * its platforms of the same name. `first` at most 100.
   */
  stopSearch: Array<Stop>;
  /** Stops and stations within `radiusMeters` (default 500, at most 5000) of a point, nearest first. */
  stops: Array<Stop>;
};


export type QueryAlertsArgs = {
  feedId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDeparturesArgs = {
  after?: InputMaybe<Scalars['DateTime']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  stopId: Scalars['ID']['input'];
};


export type QueryJourneyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMyJourneysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyParkingReservationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOperatorReservationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  facilityId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryParkingFacilitiesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  near: LatLonInput;
  radiusMeters?: InputMaybe<Scalars['Int']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryParkingFacilityArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryPlanArgs = {
  input: PlanInput;
};


export type QueryRouteArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRoutesArgs = {
  feedId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryStopArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStopSearchArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};


export type QueryStopsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  near: LatLonInput;
  radiusMeters?: InputMaybe<Scalars['Int']['input']>;
};

/** State of the realtime information of a departure. */
export type RealtimeState =
  | 'CANCELED'
  | 'SCHEDULED'
  | 'SKIPPED'
  | 'UPDATED';

export type RebookJourneyInput = {
  /** The journey to re-book (its rider's). */
  id: Scalars['ID']['input'];
  /** 1–128 characters. Re-booking onto the itinerary the journey already has is a no-op, so a retry returns the same journey. */
  idempotencyKey: Scalars['String']['input'];
  /** An `Itinerary.id` from `Journey.alternatives` (or `plan`) to travel on instead. */
  itineraryId: Scalars['ID']['input'];
};

export type RebookJourneyPayload = {
  __typename?: 'RebookJourneyPayload';
  /** The journey (same id) on its new itinerary. */
  journey: Journey;
};

/** A turn relative to the heading so far. */
export type RelativeDirection =
  | 'CONTINUE'
  | 'DEPART'
  | 'HARD_LEFT'
  | 'HARD_RIGHT'
  | 'LEFT'
  | 'RIGHT'
  | 'SLIGHTLY_LEFT'
  | 'SLIGHTLY_RIGHT'
  | 'UTURN_LEFT';

export type ReportParkingAvailabilityInput = {
  /** At most 10000 reports. */
  reports: Array<ParkingAvailabilityReportInput>;
};

export type ReportParkingAvailabilityPayload = {
  __typename?: 'ReportParkingAvailabilityPayload';
  /** Reports applied. */
  accepted: Scalars['Int']['output'];
  ignored: Array<IgnoredParkingReport>;
};

export type ReserveParkingInput = {
  /** After startsAt, at most 7 days later; the facility must be open for the whole window. */
  endsAt: Scalars['DateTime']['input'];
  facilityId: Scalars['ID']['input'];
  /** Make a HELD reservation that expires unless confirmed; default false (CONFIRMED). */
  hold?: InputMaybe<Scalars['Boolean']['input']>;
  /** A retry with the same key returns the first result (1–128 characters). */
  idempotencyKey: Scalars['String']['input'];
  startsAt: Scalars['DateTime']['input'];
};

export type ReserveParkingPayload = {
  __typename?: 'ReserveParkingPayload';
  reservation: ParkingReservation;
};

/** A route of routes.txt. */
export type Route = {
  __typename?: 'Route';
  agencyName?: Maybe<Scalars['String']['output']>;
  /** Hex colour without '#', as in the feed. */
  color?: Maybe<Scalars['String']['output']>;
  feedId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  longName?: Maybe<Scalars['String']['output']>;
  mode: TransitMode;
  shortName?: Maybe<Scalars['String']['output']>;
  textColor?: Maybe<Scalars['String']['output']>;
  /** The GTFS route_type. */
  type: Scalars['Int']['output'];
};

/** One instruction of a walk or drive on the streets, as OpenTripPlanner's walk steps: follow a street for a distance after a turn. */
export type Step = {
  __typename?: 'Step';
  /** Metres along this street. */
  distanceMeters: Scalars['Int']['output'];
  /** Where the step starts. */
  lat: Scalars['Float']['output'];
  lon: Scalars['Float']['output'];
  /** The turn onto this street; DEPART for the first step. */
  relativeDirection: RelativeDirection;
  /** The street's name (OSM name, else ref); null for an unnamed way (a footpath, a service road). */
  streetName?: Maybe<Scalars['String']['output']>;
};

/** A stop, platform or station. Ids are feed-scoped: `<feedId>:<stop_id>`. */
export type Stop = {
  __typename?: 'Stop';
  /** Distance from the point of a `stops(near:)` query, metres; null elsewhere. */
  distanceMeters?: Maybe<Scalars['Int']['output']>;
  feedId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  lat: Scalars['Float']['output'];
  /** GTFS location_type: 0 stop or platform, 1 station, 2 entrance, 3 node, 4 boarding area. */
  locationType: Scalars['Int']['output'];
  lon: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  parentStation?: Maybe<Stop>;
  platformCode?: Maybe<Scalars['String']['output']>;
  /** Child platforms of a station (empty for a plain stop). */
  platforms: Array<Stop>;
  /** Routes that call here (at any platform of a station). */
  routes: Array<Route>;
};

export type Subscription = {
  __typename?: 'Subscription';
  _noop?: Maybe<Scalars['Boolean']['output']>;
  /** The active alerts of a feed (as `alerts`) whenever that feed's realtime data changes. `first` at most 500. */
  alertsUpdated: Array<Alert>;
  /** The board of a stop again whenever realtime data changes (server-sent events). */
  departuresUpdated: Array<Departure>;
  /**
   * Pushes the journey (as `journey(id)` returns it, from the same function) at once, then whenever
   * that changes: a realtime update of a feed it rides on or that data's expiry, its departure and
   * live arrival (status changes, on the server's clock), cancellation, re-booking or a reservation
   * change, `connectionAtRisk` flipping. The stream ends after the FINISHED or CANCELLED event. Its
   * rider, or an admin.
   */
  journeyUpdated: Journey;
};


export type SubscriptionAlertsUpdatedArgs = {
  feedId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type SubscriptionDeparturesUpdatedArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  stopId: Scalars['ID']['input'];
};


export type SubscriptionJourneyUpdatedArgs = {
  id: Scalars['ID']['input'];
};

/** Transit modes, from the GTFS route type. */
export type TransitMode =
  | 'BUS'
  | 'CABLE_CAR'
  | 'FERRY'
  | 'FUNICULAR'
  | 'GONDOLA'
  | 'MONORAIL'
  | 'RAIL'
  | 'SUBWAY'
  | 'TRAM'
  | 'TROLLEYBUS';

/** A trip of trips.txt. */
export type Trip = {
  __typename?: 'Trip';
  headsign?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  route: Route;
};

export type UpsertParkingFacilityInput = {
  accessibleSpaces?: InputMaybe<Scalars['Int']['input']>;
  evChargingSpaces?: InputMaybe<Scalars['Int']['input']>;
  /** The operator's own id (letters, digits, '.', '_', '-'); the API id becomes `<operatorId>:<id>`. */
  id: Scalars['ID']['input'];
  kind: ParkingKind;
  location: LatLonInput;
  name: Scalars['String']['input'];
  /** OpenStreetMap `opening_hours` syntax; default `24/7`. */
  openingHours?: InputMaybe<Scalars['String']['input']>;
  /** Owning operator: required with an admin key; with an operator key it is the key's own. */
  operatorId?: InputMaybe<Scalars['ID']['input']>;
  price: ParkingPriceInput;
  /** At most totalSpaces; not below the reservations already made. */
  reservableSpaces: Scalars['Int']['input'];
  /** IANA zone of the opening hours; default the first feed's, else America/New_York. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  totalSpaces: Scalars['Int']['input'];
};

export type UpsertParkingFacilityPayload = {
  __typename?: 'UpsertParkingFacilityPayload';
  facility: ParkingFacility;
};

/** Last known position of the vehicle serving a trip (GTFS-Realtime VehiclePosition). */
export type VehiclePosition = {
  __typename?: 'VehiclePosition';
  /** Degrees clockwise from north. */
  bearing?: Maybe<Scalars['Float']['output']>;
  /** WGS84 degrees. */
  lat: Scalars['Float']['output'];
  lon: Scalars['Float']['output'];
  /** When the position was observed (agency's local offset, like every DateTime). */
  updatedAt: Scalars['DateTime']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AccessMode: AccessMode;
  Agency: ResolverTypeWrapper<AgencyModel>;
  Alert: ResolverTypeWrapper<FeedAlert>;
  AlertCause: AlertCause;
  AlertEffect: AlertEffect;
  BookJourneyInput: BookJourneyInput;
  BookJourneyPayload: ResolverTypeWrapper<Omit<BookJourneyPayload, 'journey'> & { journey: ResolversTypes['Journey'] }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CancelJourneyInput: CancelJourneyInput;
  CancelJourneyPayload: ResolverTypeWrapper<Omit<CancelJourneyPayload, 'journey'> & { journey: ResolversTypes['Journey'] }>;
  CancelParkingReservationInput: CancelParkingReservationInput;
  CancelParkingReservationPayload: ResolverTypeWrapper<Omit<CancelParkingReservationPayload, 'reservation'> & { reservation: ResolversTypes['ParkingReservation'] }>;
  CheckInParkingInput: CheckInParkingInput;
  CheckInParkingPayload: ResolverTypeWrapper<Omit<CheckInParkingPayload, 'reservation'> & { reservation: ResolversTypes['ParkingReservation'] }>;
  CheckOutParkingInput: CheckOutParkingInput;
  CheckOutParkingPayload: ResolverTypeWrapper<Omit<CheckOutParkingPayload, 'reservation'> & { reservation: ResolversTypes['ParkingReservation'] }>;
  ConfirmParkingReservationInput: ConfirmParkingReservationInput;
  ConfirmParkingReservationPayload: ResolverTypeWrapper<Omit<ConfirmParkingReservationPayload, 'reservation'> & { reservation: ResolversTypes['ParkingReservation'] }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Departure: ResolverTypeWrapper<DepartureModel>;
  Feed: ResolverTypeWrapper<FeedModel>;
  FeedCounts: ResolverTypeWrapper<FeedCounts>;
  FeedWarning: ResolverTypeWrapper<FeedWarning>;
  FeedWarningCode: FeedWarningCode;
  File: ResolverTypeWrapper<Scalars['File']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IgnoredParkingReport: ResolverTypeWrapper<IgnoredParkingReportModel>;
  ImportFeedInput: ImportFeedInput;
  ImportFeedPayload: ResolverTypeWrapper<Omit<ImportFeedPayload, 'feed'> & { feed: ResolversTypes['Feed'] }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IntermediateStop: ResolverTypeWrapper<IntermediateStopModel>;
  Itinerary: ResolverTypeWrapper<ItineraryModel>;
  Journey: ResolverTypeWrapper<JourneyModel>;
  JourneyConnection: ResolverTypeWrapper<Omit<JourneyConnection, 'edges'> & { edges: Array<ResolversTypes['JourneyEdge']> }>;
  JourneyEdge: ResolverTypeWrapper<Omit<JourneyEdge, 'node'> & { node: ResolversTypes['Journey'] }>;
  JourneyPass: ResolverTypeWrapper<IssuedPass>;
  JourneyStatus: JourneyStatus;
  JourneyTotals: ResolverTypeWrapper<JourneyModel>;
  LatLonInput: LatLonInput;
  Leg: ResolverTypeWrapper<JourneyLegModel>;
  LegMode: LegMode;
  LegParking: ResolverTypeWrapper<LegParkingModel>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ParkingAvailability: ResolverTypeWrapper<ParkingAvailability>;
  ParkingAvailabilityReportInput: ParkingAvailabilityReportInput;
  ParkingFacility: ResolverTypeWrapper<ParkingFacilityModel>;
  ParkingKind: ParkingKind;
  ParkingPrice: ResolverTypeWrapper<ParkingPrice>;
  ParkingPriceInput: ParkingPriceInput;
  ParkingReportIgnoredReason: ParkingReportIgnoredReason;
  ParkingReservation: ResolverTypeWrapper<ParkingReservationModel>;
  ParkingReservationConnection: ResolverTypeWrapper<Omit<ParkingReservationConnection, 'edges'> & { edges: Array<ResolversTypes['ParkingReservationEdge']> }>;
  ParkingReservationEdge: ResolverTypeWrapper<Omit<ParkingReservationEdge, 'node'> & { node: ResolversTypes['ParkingReservation'] }>;
  ParkingReservationStatus: ParkingReservationStatus;
  ParkingStatus: ParkingStatus;
  Place: ResolverTypeWrapper<PlacePoint>;
  PlaceInput: PlaceInput;
  Plan: ResolverTypeWrapper<PlanResult>;
  PlanInput: PlanInput;
  PlanMessage: ResolverTypeWrapper<PlanMessage>;
  PlanMessageCode: PlanMessageCode;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RealtimeState: RealtimeState;
  RebookJourneyInput: RebookJourneyInput;
  RebookJourneyPayload: ResolverTypeWrapper<Omit<RebookJourneyPayload, 'journey'> & { journey: ResolversTypes['Journey'] }>;
  RelativeDirection: RelativeDirection;
  ReportParkingAvailabilityInput: ReportParkingAvailabilityInput;
  ReportParkingAvailabilityPayload: ResolverTypeWrapper<Omit<ReportParkingAvailabilityPayload, 'ignored'> & { ignored: Array<ResolversTypes['IgnoredParkingReport']> }>;
  ReserveParkingInput: ReserveParkingInput;
  ReserveParkingPayload: ResolverTypeWrapper<Omit<ReserveParkingPayload, 'reservation'> & { reservation: ResolversTypes['ParkingReservation'] }>;
  Route: ResolverTypeWrapper<RouteModel>;
  Step: ResolverTypeWrapper<Step>;
  Stop: ResolverTypeWrapper<StopModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TransitMode: TransitMode;
  Trip: ResolverTypeWrapper<TripModel>;
  UpsertParkingFacilityInput: UpsertParkingFacilityInput;
  UpsertParkingFacilityPayload: ResolverTypeWrapper<Omit<UpsertParkingFacilityPayload, 'facility'> & { facility: ResolversTypes['ParkingFacility'] }>;
  VehiclePosition: ResolverTypeWrapper<VehicleInput>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Agency: AgencyModel;
  Alert: FeedAlert;
  BookJourneyInput: BookJourneyInput;
  BookJourneyPayload: Omit<BookJourneyPayload, 'journey'> & { journey: ResolversParentTypes['Journey'] };
  Boolean: Scalars['Boolean']['output'];
  CancelJourneyInput: CancelJourneyInput;
  CancelJourneyPayload: Omit<CancelJourneyPayload, 'journey'> & { journey: ResolversParentTypes['Journey'] };
  CancelParkingReservationInput: CancelParkingReservationInput;
  CancelParkingReservationPayload: Omit<CancelParkingReservationPayload, 'reservation'> & { reservation: ResolversParentTypes['ParkingReservation'] };
  CheckInParkingInput: CheckInParkingInput;
  CheckInParkingPayload: Omit<CheckInParkingPayload, 'reservation'> & { reservation: ResolversParentTypes['ParkingReservation'] };
  CheckOutParkingInput: CheckOutParkingInput;
  CheckOutParkingPayload: Omit<CheckOutParkingPayload, 'reservation'> & { reservation: ResolversParentTypes['ParkingReservation'] };
  ConfirmParkingReservationInput: ConfirmParkingReservationInput;
  ConfirmParkingReservationPayload: Omit<ConfirmParkingReservationPayload, 'reservation'> & { reservation: ResolversParentTypes['ParkingReservation'] };
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Departure: DepartureModel;
  Feed: FeedModel;
  FeedCounts: FeedCounts;
  FeedWarning: FeedWarning;
  File: Scalars['File']['output'];
  Float: Scalars['Float']['output'];
  GeoPoint: GeoPoint;
  ID: Scalars['ID']['output'];
  IgnoredParkingReport: IgnoredParkingReportModel;
  ImportFeedInput: ImportFeedInput;
  ImportFeedPayload: Omit<ImportFeedPayload, 'feed'> & { feed: ResolversParentTypes['Feed'] };
  Int: Scalars['Int']['output'];
  IntermediateStop: IntermediateStopModel;
  Itinerary: ItineraryModel;
  Journey: JourneyModel;
  JourneyConnection: Omit<JourneyConnection, 'edges'> & { edges: Array<ResolversParentTypes['JourneyEdge']> };
  JourneyEdge: Omit<JourneyEdge, 'node'> & { node: ResolversParentTypes['Journey'] };
  JourneyPass: IssuedPass;
  JourneyTotals: JourneyModel;
  LatLonInput: LatLonInput;
  Leg: JourneyLegModel;
  LegParking: LegParkingModel;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  ParkingAvailability: ParkingAvailability;
  ParkingAvailabilityReportInput: ParkingAvailabilityReportInput;
  ParkingFacility: ParkingFacilityModel;
  ParkingPrice: ParkingPrice;
  ParkingPriceInput: ParkingPriceInput;
  ParkingReservation: ParkingReservationModel;
  ParkingReservationConnection: Omit<ParkingReservationConnection, 'edges'> & { edges: Array<ResolversParentTypes['ParkingReservationEdge']> };
  ParkingReservationEdge: Omit<ParkingReservationEdge, 'node'> & { node: ResolversParentTypes['ParkingReservation'] };
  Place: PlacePoint;
  PlaceInput: PlaceInput;
  Plan: PlanResult;
  PlanInput: PlanInput;
  PlanMessage: PlanMessage;
  Query: Record<PropertyKey, never>;
  RebookJourneyInput: RebookJourneyInput;
  RebookJourneyPayload: Omit<RebookJourneyPayload, 'journey'> & { journey: ResolversParentTypes['Journey'] };
  ReportParkingAvailabilityInput: ReportParkingAvailabilityInput;
  ReportParkingAvailabilityPayload: Omit<ReportParkingAvailabilityPayload, 'ignored'> & { ignored: Array<ResolversParentTypes['IgnoredParkingReport']> };
  ReserveParkingInput: ReserveParkingInput;
  ReserveParkingPayload: Omit<ReserveParkingPayload, 'reservation'> & { reservation: ResolversParentTypes['ParkingReservation'] };
  Route: RouteModel;
  Step: Step;
  Stop: StopModel;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  Trip: TripModel;
  UpsertParkingFacilityInput: UpsertParkingFacilityInput;
  UpsertParkingFacilityPayload: Omit<UpsertParkingFacilityPayload, 'facility'> & { facility: ResolversParentTypes['ParkingFacility'] };
  VehiclePosition: VehicleInput;
}>;

export type AgencyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Agency'] = ResolversParentTypes['Agency']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type AlertResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Alert'] = ResolversParentTypes['Alert']> = ResolversObject<{
  cause?: Resolver<ResolversTypes['AlertCause'], ParentType, ContextType>;
  descriptionText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  effect?: Resolver<ResolversTypes['AlertEffect'], ParentType, ContextType>;
  headerText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type BookJourneyPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BookJourneyPayload'] = ResolversParentTypes['BookJourneyPayload']> = ResolversObject<{
  journey?: Resolver<ResolversTypes['Journey'], ParentType, ContextType>;
}>;

export type CancelJourneyPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CancelJourneyPayload'] = ResolversParentTypes['CancelJourneyPayload']> = ResolversObject<{
  journey?: Resolver<ResolversTypes['Journey'], ParentType, ContextType>;
}>;

export type CancelParkingReservationPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CancelParkingReservationPayload'] = ResolversParentTypes['CancelParkingReservationPayload']> = ResolversObject<{
  reservation?: Resolver<ResolversTypes['ParkingReservation'], ParentType, ContextType>;
}>;

export type CheckInParkingPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CheckInParkingPayload'] = ResolversParentTypes['CheckInParkingPayload']> = ResolversObject<{
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reservation?: Resolver<ResolversTypes['ParkingReservation'], ParentType, ContextType>;
}>;

export type CheckOutParkingPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CheckOutParkingPayload'] = ResolversParentTypes['CheckOutParkingPayload']> = ResolversObject<{
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reservation?: Resolver<ResolversTypes['ParkingReservation'], ParentType, ContextType>;
}>;

export type ConfirmParkingReservationPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConfirmParkingReservationPayload'] = ResolversParentTypes['ConfirmParkingReservationPayload']> = ResolversObject<{
  reservation?: Resolver<ResolversTypes['ParkingReservation'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DepartureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Departure'] = ResolversParentTypes['Departure']> = ResolversObject<{
  alerts?: Resolver<Array<ResolversTypes['Alert']>, ParentType, ContextType>;
  delaySeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  headsign?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  realtimeArrival?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  realtimeDeparture?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  realtimeState?: Resolver<ResolversTypes['RealtimeState'], ParentType, ContextType>;
  route?: Resolver<ResolversTypes['Route'], ParentType, ContextType>;
  scheduledArrival?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  scheduledDeparture?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  serviceDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  stop?: Resolver<ResolversTypes['Stop'], ParentType, ContextType>;
  trip?: Resolver<ResolversTypes['Trip'], ParentType, ContextType>;
  vehicle?: Resolver<Maybe<ResolversTypes['VehiclePosition']>, ParentType, ContextType>;
}>;

export type FeedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Feed'] = ResolversParentTypes['Feed']> = ResolversObject<{
  agencies?: Resolver<Array<ResolversTypes['Agency']>, ParentType, ContextType>;
  agency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  counts?: Resolver<ResolversTypes['FeedCounts'], ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  importedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  startDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type FeedCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FeedCounts'] = ResolversParentTypes['FeedCounts']> = ResolversObject<{
  routes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stopTimes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stops?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trips?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type FeedWarningResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FeedWarning'] = ResolversParentTypes['FeedWarning']> = ResolversObject<{
  code?: Resolver<ResolversTypes['FeedWarningCode'], ParentType, ContextType>;
  feedId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface FileScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['File'], any> {
  name: 'File';
}

export type GeoPointResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = ResolversObject<{
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lon?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type IgnoredParkingReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IgnoredParkingReport'] = ResolversParentTypes['IgnoredParkingReport']> = ResolversObject<{
  facilityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  observedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['ParkingReportIgnoredReason'], ParentType, ContextType>;
}>;

export type ImportFeedPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportFeedPayload'] = ResolversParentTypes['ImportFeedPayload']> = ResolversObject<{
  feed?: Resolver<ResolversTypes['Feed'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['FeedWarning']>, ParentType, ContextType>;
}>;

export type IntermediateStopResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IntermediateStop'] = ResolversParentTypes['IntermediateStop']> = ResolversObject<{
  arrival?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  departure?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  stop?: Resolver<ResolversTypes['Stop'], ParentType, ContextType>;
}>;

export type ItineraryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Itinerary'] = ResolversParentTypes['Itinerary']> = ResolversObject<{
  arrival?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  departure?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  driveSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legs?: Resolver<Array<ResolversTypes['Leg']>, ParentType, ContextType>;
  transfers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  walkMeters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type JourneyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Journey'] = ResolversParentTypes['Journey']> = ResolversObject<{
  alerts?: Resolver<Array<ResolversTypes['Alert']>, ParentType, ContextType>;
  alternatives?: Resolver<Array<ResolversTypes['Itinerary']>, ParentType, ContextType, RequireFields<JourneyAlternativesArgs, 'first'>>;
  arrival?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  departure?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legs?: Resolver<Array<ResolversTypes['Leg']>, ParentType, ContextType>;
  liveArrival?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  pass?: Resolver<Maybe<ResolversTypes['JourneyPass']>, ParentType, ContextType>;
  reservation?: Resolver<Maybe<ResolversTypes['ParkingReservation']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['JourneyStatus'], ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['JourneyTotals'], ParentType, ContextType>;
}>;

export type JourneyConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['JourneyConnection'] = ResolversParentTypes['JourneyConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['JourneyEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type JourneyEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['JourneyEdge'] = ResolversParentTypes['JourneyEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Journey'], ParentType, ContextType>;
}>;

export type JourneyPassResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['JourneyPass'] = ResolversParentTypes['JourneyPass']> = ResolversObject<{
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  qrSvg?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type JourneyTotalsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['JourneyTotals'] = ResolversParentTypes['JourneyTotals']> = ResolversObject<{
  driveSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  parkedSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  transfers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  walkMeters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type LegResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Leg'] = ResolversParentTypes['Leg']> = ResolversObject<{
  alerts?: Resolver<Array<ResolversTypes['Alert']>, ParentType, ContextType>;
  arrival?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  connectionAtRisk?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  delaySeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  departure?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  distanceMeters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Place'], ParentType, ContextType>;
  geometry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  intermediateStops?: Resolver<Array<ResolversTypes['IntermediateStop']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['LegMode'], ParentType, ContextType>;
  parking?: Resolver<Maybe<ResolversTypes['LegParking']>, ParentType, ContextType>;
  realtime?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  route?: Resolver<Maybe<ResolversTypes['Route']>, ParentType, ContextType>;
  scheduledArrival?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scheduledDeparture?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['Step']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Place'], ParentType, ContextType>;
  trip?: Resolver<Maybe<ResolversTypes['Trip']>, ParentType, ContextType>;
}>;

export type LegParkingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LegParking'] = ResolversParentTypes['LegParking']> = ResolversObject<{
  availableSpaces?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  closesAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  facility?: Resolver<ResolversTypes['ParkingFacility'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  reservable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reservation?: Resolver<Maybe<ResolversTypes['ParkingReservation']>, ParentType, ContextType>;
  stale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ParkingStatus'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  _noop?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  bookJourney?: Resolver<ResolversTypes['BookJourneyPayload'], ParentType, ContextType, RequireFields<MutationBookJourneyArgs, 'input'>>;
  cancelJourney?: Resolver<ResolversTypes['CancelJourneyPayload'], ParentType, ContextType, RequireFields<MutationCancelJourneyArgs, 'input'>>;
  cancelParkingReservation?: Resolver<ResolversTypes['CancelParkingReservationPayload'], ParentType, ContextType, RequireFields<MutationCancelParkingReservationArgs, 'input'>>;
  checkInParking?: Resolver<ResolversTypes['CheckInParkingPayload'], ParentType, ContextType, RequireFields<MutationCheckInParkingArgs, 'input'>>;
  checkOutParking?: Resolver<ResolversTypes['CheckOutParkingPayload'], ParentType, ContextType, RequireFields<MutationCheckOutParkingArgs, 'input'>>;
  confirmParkingReservation?: Resolver<ResolversTypes['ConfirmParkingReservationPayload'], ParentType, ContextType, RequireFields<MutationConfirmParkingReservationArgs, 'input'>>;
  importFeed?: Resolver<ResolversTypes['ImportFeedPayload'], ParentType, ContextType, RequireFields<MutationImportFeedArgs, 'input'>>;
  rebookJourney?: Resolver<ResolversTypes['RebookJourneyPayload'], ParentType, ContextType, RequireFields<MutationRebookJourneyArgs, 'input'>>;
  reportParkingAvailability?: Resolver<ResolversTypes['ReportParkingAvailabilityPayload'], ParentType, ContextType, RequireFields<MutationReportParkingAvailabilityArgs, 'input'>>;
  reserveParking?: Resolver<ResolversTypes['ReserveParkingPayload'], ParentType, ContextType, RequireFields<MutationReserveParkingArgs, 'input'>>;
  upsertParkingFacility?: Resolver<ResolversTypes['UpsertParkingFacilityPayload'], ParentType, ContextType, RequireFields<MutationUpsertParkingFacilityArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ParkingAvailabilityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParkingAvailability'] = ResolversParentTypes['ParkingAvailability']> = ResolversObject<{
  availableSpaces?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  observedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  stale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ParkingStatus'], ParentType, ContextType>;
}>;

export type ParkingFacilityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParkingFacility'] = ResolversParentTypes['ParkingFacility']> = ResolversObject<{
  accessibleSpaces?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  availability?: Resolver<Maybe<ResolversTypes['ParkingAvailability']>, ParentType, ContextType>;
  distanceMeters?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  evChargingSpaces?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ParkingKind'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['GeoPoint'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nearbyStops?: Resolver<Array<ResolversTypes['Stop']>, ParentType, ContextType, RequireFields<ParkingFacilityNearbyStopsArgs, 'first' | 'maxWalkMeters'>>;
  openDuringWindow?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  openingHours?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['ParkingPrice'], ParentType, ContextType>;
  priceForWindow?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  reservableSpaces?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reservableSpacesLeft?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totalSpaces?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ParkingPriceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParkingPrice'] = ResolversParentTypes['ParkingPrice']> = ResolversObject<{
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dailyMax?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  hourlyRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type ParkingReservationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParkingReservation'] = ResolversParentTypes['ParkingReservation']> = ResolversObject<{
  checkedInAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  checkedOutAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  facility?: Resolver<ResolversTypes['ParkingFacility'], ParentType, ContextType>;
  holdExpiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  overstaySeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ParkingReservationStatus'], ParentType, ContextType>;
}>;

export type ParkingReservationConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParkingReservationConnection'] = ResolversParentTypes['ParkingReservationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ParkingReservationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ParkingReservationEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParkingReservationEdge'] = ResolversParentTypes['ParkingReservationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ParkingReservation'], ParentType, ContextType>;
}>;

export type PlaceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Place'] = ResolversParentTypes['Place']> = ResolversObject<{
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lon?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stop?: Resolver<Maybe<ResolversTypes['Stop']>, ParentType, ContextType>;
}>;

export type PlanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan']> = ResolversObject<{
  itineraries?: Resolver<Array<ResolversTypes['Itinerary']>, ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['PlanMessage']>, ParentType, ContextType>;
  nextPageCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  previousPageCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PlanMessageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlanMessage'] = ResolversParentTypes['PlanMessage']> = ResolversObject<{
  code?: Resolver<ResolversTypes['PlanMessageCode'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  alerts?: Resolver<Array<ResolversTypes['Alert']>, ParentType, ContextType, RequireFields<QueryAlertsArgs, 'feedId' | 'first'>>;
  departures?: Resolver<Array<ResolversTypes['Departure']>, ParentType, ContextType, RequireFields<QueryDeparturesArgs, 'first' | 'stopId'>>;
  feeds?: Resolver<Array<ResolversTypes['Feed']>, ParentType, ContextType>;
  journey?: Resolver<Maybe<ResolversTypes['Journey']>, ParentType, ContextType, RequireFields<QueryJourneyArgs, 'id'>>;
  myJourneys?: Resolver<ResolversTypes['JourneyConnection'], ParentType, ContextType, RequireFields<QueryMyJourneysArgs, 'first'>>;
  myParkingReservations?: Resolver<ResolversTypes['ParkingReservationConnection'], ParentType, ContextType, RequireFields<QueryMyParkingReservationsArgs, 'first'>>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  operatorReservations?: Resolver<ResolversTypes['ParkingReservationConnection'], ParentType, ContextType, RequireFields<QueryOperatorReservationsArgs, 'facilityId' | 'first'>>;
  parkingFacilities?: Resolver<Array<ResolversTypes['ParkingFacility']>, ParentType, ContextType, RequireFields<QueryParkingFacilitiesArgs, 'first' | 'near' | 'radiusMeters'>>;
  parkingFacility?: Resolver<Maybe<ResolversTypes['ParkingFacility']>, ParentType, ContextType, RequireFields<QueryParkingFacilityArgs, 'id'>>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType, RequireFields<QueryPlanArgs, 'input'>>;
  route?: Resolver<Maybe<ResolversTypes['Route']>, ParentType, ContextType, RequireFields<QueryRouteArgs, 'id'>>;
  routes?: Resolver<Array<ResolversTypes['Route']>, ParentType, ContextType, RequireFields<QueryRoutesArgs, 'first'>>;
  stop?: Resolver<Maybe<ResolversTypes['Stop']>, ParentType, ContextType, RequireFields<QueryStopArgs, 'id'>>;
  stopSearch?: Resolver<Array<ResolversTypes['Stop']>, ParentType, ContextType, RequireFields<QueryStopSearchArgs, 'first' | 'text'>>;
  stops?: Resolver<Array<ResolversTypes['Stop']>, ParentType, ContextType, RequireFields<QueryStopsArgs, 'first' | 'near' | 'radiusMeters'>>;
}>;

export type RebookJourneyPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RebookJourneyPayload'] = ResolversParentTypes['RebookJourneyPayload']> = ResolversObject<{
  journey?: Resolver<ResolversTypes['Journey'], ParentType, ContextType>;
}>;

export type ReportParkingAvailabilityPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReportParkingAvailabilityPayload'] = ResolversParentTypes['ReportParkingAvailabilityPayload']> = ResolversObject<{
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ignored?: Resolver<Array<ResolversTypes['IgnoredParkingReport']>, ParentType, ContextType>;
}>;

export type ReserveParkingPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReserveParkingPayload'] = ResolversParentTypes['ReserveParkingPayload']> = ResolversObject<{
  reservation?: Resolver<ResolversTypes['ParkingReservation'], ParentType, ContextType>;
}>;

export type RouteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Route'] = ResolversParentTypes['Route']> = ResolversObject<{
  agencyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  color?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  feedId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  longName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['TransitMode'], ParentType, ContextType>;
  shortName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  textColor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type StepResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Step'] = ResolversParentTypes['Step']> = ResolversObject<{
  distanceMeters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lon?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  relativeDirection?: Resolver<ResolversTypes['RelativeDirection'], ParentType, ContextType>;
  streetName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type StopResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Stop'] = ResolversParentTypes['Stop']> = ResolversObject<{
  distanceMeters?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  feedId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  locationType?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lon?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parentStation?: Resolver<Maybe<ResolversTypes['Stop']>, ParentType, ContextType>;
  platformCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  platforms?: Resolver<Array<ResolversTypes['Stop']>, ParentType, ContextType>;
  routes?: Resolver<Array<ResolversTypes['Route']>, ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  _noop?: SubscriptionResolver<Maybe<ResolversTypes['Boolean']>, "_noop", ParentType, ContextType>;
  alertsUpdated?: SubscriptionResolver<Array<ResolversTypes['Alert']>, "alertsUpdated", ParentType, ContextType, RequireFields<SubscriptionAlertsUpdatedArgs, 'feedId' | 'first'>>;
  departuresUpdated?: SubscriptionResolver<Array<ResolversTypes['Departure']>, "departuresUpdated", ParentType, ContextType, RequireFields<SubscriptionDeparturesUpdatedArgs, 'first' | 'stopId'>>;
  journeyUpdated?: SubscriptionResolver<ResolversTypes['Journey'], "journeyUpdated", ParentType, ContextType, RequireFields<SubscriptionJourneyUpdatedArgs, 'id'>>;
}>;

export type TripResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Trip'] = ResolversParentTypes['Trip']> = ResolversObject<{
  headsign?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  route?: Resolver<ResolversTypes['Route'], ParentType, ContextType>;
}>;

export type UpsertParkingFacilityPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UpsertParkingFacilityPayload'] = ResolversParentTypes['UpsertParkingFacilityPayload']> = ResolversObject<{
  facility?: Resolver<ResolversTypes['ParkingFacility'], ParentType, ContextType>;
}>;

export type VehiclePositionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['VehiclePosition'] = ResolversParentTypes['VehiclePosition']> = ResolversObject<{
  bearing?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lon?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = GraphQLContext> = ResolversObject<{
  Agency?: AgencyResolvers<ContextType>;
  Alert?: AlertResolvers<ContextType>;
  BookJourneyPayload?: BookJourneyPayloadResolvers<ContextType>;
  CancelJourneyPayload?: CancelJourneyPayloadResolvers<ContextType>;
  CancelParkingReservationPayload?: CancelParkingReservationPayloadResolvers<ContextType>;
  CheckInParkingPayload?: CheckInParkingPayloadResolvers<ContextType>;
  CheckOutParkingPayload?: CheckOutParkingPayloadResolvers<ContextType>;
  ConfirmParkingReservationPayload?: ConfirmParkingReservationPayloadResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Departure?: DepartureResolvers<ContextType>;
  Feed?: FeedResolvers<ContextType>;
  FeedCounts?: FeedCountsResolvers<ContextType>;
  FeedWarning?: FeedWarningResolvers<ContextType>;
  File?: GraphQLScalarType;
  GeoPoint?: GeoPointResolvers<ContextType>;
  IgnoredParkingReport?: IgnoredParkingReportResolvers<ContextType>;
  ImportFeedPayload?: ImportFeedPayloadResolvers<ContextType>;
  IntermediateStop?: IntermediateStopResolvers<ContextType>;
  Itinerary?: ItineraryResolvers<ContextType>;
  Journey?: JourneyResolvers<ContextType>;
  JourneyConnection?: JourneyConnectionResolvers<ContextType>;
  JourneyEdge?: JourneyEdgeResolvers<ContextType>;
  JourneyPass?: JourneyPassResolvers<ContextType>;
  JourneyTotals?: JourneyTotalsResolvers<ContextType>;
  Leg?: LegResolvers<ContextType>;
  LegParking?: LegParkingResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ParkingAvailability?: ParkingAvailabilityResolvers<ContextType>;
  ParkingFacility?: ParkingFacilityResolvers<ContextType>;
  ParkingPrice?: ParkingPriceResolvers<ContextType>;
  ParkingReservation?: ParkingReservationResolvers<ContextType>;
  ParkingReservationConnection?: ParkingReservationConnectionResolvers<ContextType>;
  ParkingReservationEdge?: ParkingReservationEdgeResolvers<ContextType>;
  Place?: PlaceResolvers<ContextType>;
  Plan?: PlanResolvers<ContextType>;
  PlanMessage?: PlanMessageResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RebookJourneyPayload?: RebookJourneyPayloadResolvers<ContextType>;
  ReportParkingAvailabilityPayload?: ReportParkingAvailabilityPayloadResolvers<ContextType>;
  ReserveParkingPayload?: ReserveParkingPayloadResolvers<ContextType>;
  Route?: RouteResolvers<ContextType>;
  Step?: StepResolvers<ContextType>;
  Stop?: StopResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Trip?: TripResolvers<ContextType>;
  UpsertParkingFacilityPayload?: UpsertParkingFacilityPayloadResolvers<ContextType>;
  VehiclePosition?: VehiclePositionResolvers<ContextType>;
}>;

