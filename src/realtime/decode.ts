import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { DomainError } from '../errors.js';
import type { StopRelationship, StopTimeUpdateInput, TripUpdateInput } from '../transit/index.js';
import type { AlertInput, VehicleInput } from './model.js';

const rt = GtfsRealtimeBindings.transit_realtime;
type Long = { toNumber(): number };

/** A GTFS-Realtime body that cannot be used; nothing of it is applied. */
export class RealtimeFeedInvalidError extends DomainError {
  constructor(message: string) {
    super('FEED_INVALID', message);
  }
}

/** A FeedMessage in plain objects: what ingest applies. */
export interface DecodedFeed {
  /** Header timestamp, Unix seconds (receive time when the header has none). */
  timestamp: number;
  /** FULL_DATASET replaces the feed's data of each kind present; DIFFERENTIAL merges. */
  fullDataset: boolean;
  tripUpdates: TripUpdateInput[];
  vehicles: VehicleInput[];
  alerts: AlertInput[];
}

const STOP_REL: Record<number, StopRelationship> = {
  0: 'SCHEDULED',
  1: 'SKIPPED',
  2: 'NO_DATA',
  3: 'UNSCHEDULED',
};

function num(v: number | Long | null | undefined): number | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === 'number' ? v : v.toNumber();
}

/**
 * Decodes and validates a protobuf FeedMessage (push and pull share it): the header needs a
 * `gtfs_realtime_version`; `receivedAtSec` stands in for missing timestamps (Unix seconds).
 */
export function decodeFeedMessage(bytes: Uint8Array, receivedAtSec: number): DecodedFeed {
  let msg: InstanceType<typeof rt.FeedMessage>;
  try {
    msg = rt.FeedMessage.decode(bytes);
  } catch (error) {
    throw new RealtimeFeedInvalidError(
      `not a GTFS-Realtime FeedMessage: ${(error as Error).message}`,
    );
  }
  const version = msg.header.gtfsRealtimeVersion;
  if (!/^\d+\.\d+$/.test(version)) {
    throw new RealtimeFeedInvalidError(
      `header.gtfs_realtime_version "${version}" is not a version like "2.0"`,
    );
  }
  const timestamp = num(msg.header.timestamp) || receivedAtSec;
  const out: DecodedFeed = {
    timestamp,
    fullDataset: msg.header.incrementality !== rt.FeedHeader.Incrementality.DIFFERENTIAL,
    tripUpdates: [],
    vehicles: [],
    alerts: [],
  };
  for (const e of msg.entity) {
    if (e.isDeleted) continue;
    if (e.tripUpdate) {
      const tu = tripUpdateOf(e.tripUpdate, timestamp);
      if (tu) out.tripUpdates.push(tu);
    }
    if (e.vehicle?.position) out.vehicles.push(vehicleOf(e.id, e.vehicle, timestamp));
    if (e.alert) out.alerts.push(alertOf(e.id, e.alert));
  }
  return out;
}

type RtTripUpdate = NonNullable<InstanceType<typeof rt.FeedEntity>['tripUpdate']>;
type RtVehicle = NonNullable<InstanceType<typeof rt.FeedEntity>['vehicle']>;
type RtAlert = NonNullable<InstanceType<typeof rt.FeedEntity>['alert']>;
type RtEvent = GtfsRealtimeBindings.transit_realtime.TripUpdate.IStopTimeEvent | null | undefined;

function eventOf(e: RtEvent): StopTimeUpdateInput['arrival'] {
  if (!e) return undefined;
  const time = num(e.time);
  const delay = e.delay ?? undefined;
  if (!time && delay === undefined) return undefined;
  return time ? { time } : { delay };
}

function tripUpdateOf(tu: RtTripUpdate, headerTs: number): TripUpdateInput | undefined {
  const tripId = tu.trip.tripId;
  if (!tripId) return undefined;
  return {
    tripId,
    startDate: tu.trip.startDate || undefined,
    startTime: tu.trip.startTime || undefined,
    cancelled: tu.trip.scheduleRelationship === rt.TripDescriptor.ScheduleRelationship.CANCELED,
    timestamp: num(tu.timestamp) || headerTs,
    stopTimeUpdates: (tu.stopTimeUpdate ?? []).map((s) => ({
      stopSequence: s.stopSequence ?? undefined,
      stopId: s.stopId || undefined,
      arrival: eventOf(s.arrival),
      departure: eventOf(s.departure),
      relationship: STOP_REL[s.scheduleRelationship ?? 0] ?? 'SCHEDULED',
    })),
  };
}

function vehicleOf(id: string, v: RtVehicle, headerTs: number): VehicleInput {
  const p = v.position!;
  return {
    id: v.vehicle?.id || id,
    tripId: v.trip?.tripId || undefined,
    startDate: v.trip?.startDate || undefined,
    lat: fromFloat32(p.latitude),
    lon: fromFloat32(p.longitude),
    bearing: p.bearing === null || p.bearing === undefined ? undefined : fromFloat32(p.bearing),
    timestamp: num(v.timestamp) || headerTs,
  };
}

function translation(t: RtAlert['headerText']): string | undefined {
  const list = t?.translation ?? [];
  return (
    (list.find((x) => !x.language || x.language.startsWith('en')) ?? list[0])?.text ?? undefined
  );
}

function alertOf(id: string, a: RtAlert): AlertInput {
  return {
    id,
    headerText: translation(a.headerText),
    descriptionText: translation(a.descriptionText),
    url: translation(a.url),
    effect: enumName(rt.Alert.Effect, a.effect, 'UNKNOWN_EFFECT'),
    cause: enumName(rt.Alert.Cause, a.cause, 'UNKNOWN_CAUSE'),
    activePeriods: (a.activePeriod ?? []).map((r) => ({ start: num(r.start), end: num(r.end) })),
    informed: (a.informedEntity ?? []).map((s) => ({
      agencyId: s.agencyId || undefined,
      routeId: s.routeId || undefined,
      stopId: s.stopId || undefined,
      tripId: s.trip?.tripId || undefined,
    })),
  };
}

/** The name of a protobuf enum value, `fallback` when absent or unknown. */
function enumName(
  values: Record<number, string>,
  value: number | null | undefined,
  fallback: string,
): string {
  return value === null || value === undefined ? fallback : (values[value] ?? fallback);
}

/** A float32 from the wire as the decimal it was written as (float32 holds about 7 significant digits). */
function fromFloat32(x: number): number {
  return Number(x.toPrecision(7));
}
