import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { NotFoundError } from '../errors.js';
import type { FeedService } from '../gtfs/feedService.js';
import type { Network } from '../transit/network.js';
import { overlayFrom, type TripRealtime, type TripUpdateInput } from '../transit/realtimeOverlay.js';
import type { DecodedFeed } from './decode.js';
import { matchTripUpdate } from './matchTripUpdate.js';
import type { AlertInput, VehicleInput } from './model.js';
import { emptySnapshot, type FeedRealtime, type RealtimeSnapshot } from './snapshot.js';
import { StopSequences } from './stopSequences.js';

/** Kinds of GTFS-RT entity. */
export type RealtimeKind = 'tripUpdates' | 'vehiclePositions' | 'alerts';

/** What one applied message changed. */
export interface ApplyResult {
  applied: { tripUpdates: number; vehiclePositions: number; alerts: number };
  /** TripUpdates whose trip (and service day) the timetable does not have. */
  unknownTrips: number;
}

/**
 * The realtime snapshot manager (OpenTripPlanner's `TimetableSnapshotManager`): each message is
 * applied to a working copy of its feed's data, re-matched to the timetable, and published as a
 * new immutable `RealtimeSnapshot`. A new `Network` re-matches everything.
 */
export class RealtimeService {
  private current: RealtimeSnapshot;
  private readonly listeners = new Set<(s: RealtimeSnapshot, feedId: string | undefined) => void>();
  private sequences = new Map<string, StopSequences>();
  private sequencesOf: Network | undefined;

  constructor(
    private readonly deps: { feeds: FeedService; clock: Clock; logger: Logger; maxAgeSeconds: number; dataDir: string },
  ) {
    this.current = emptySnapshot(deps.maxAgeSeconds);
    deps.feeds.onPublish(() => this.rematchAll());
  }

  /** The snapshot every new request reads. */
  get snapshot(): RealtimeSnapshot {
    return this.current;
  }

  /** Calls `listener` with every published snapshot and the feed that changed (undefined: all). */
  onPublish(listener: (s: RealtimeSnapshot, feedId: string | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Applies a decoded message to `feedId`. FULL_DATASET replaces the feed's data of each kind the
   * message carries (or of `kinds`, for a pull source of known kind); DIFFERENTIAL merges.
   */
  apply(feedId: string, msg: DecodedFeed, kinds?: ReadonlySet<RealtimeKind>): ApplyResult {
    const net = this.deps.feeds.network;
    const feedIndex = net?.tt.feeds.findIndex((f) => f.feedId === feedId) ?? -1;
    if (!net || feedIndex < 0) throw new NotFoundError(`feed "${feedId}" is not loaded`);
    const prev = this.current.feeds.get(feedId);
    const replace = (kind: RealtimeKind, count: number) => msg.fullDataset && (kinds ? kinds.has(kind) : count > 0);
    const tripUpdates = new Map(replace('tripUpdates', msg.tripUpdates.length) ? [] : prev?.tripUpdates);
    const vehicles = new Map(replace('vehiclePositions', msg.vehicles.length) ? [] : prev?.vehicles);
    const alerts = new Map(replace('alerts', msg.alerts.length) ? [] : prev?.alerts);
    for (const u of msg.tripUpdates) tripUpdates.set(`${u.tripId}|${u.startDate ?? ''}`, u);
    for (const v of msg.vehicles) vehicles.set(v.id, v);
    for (const a of msg.alerts) alerts.set(a.id, a);
    const nowSec = this.deps.clock.nowMs() / 1000;
    pruneOld(tripUpdates, nowSec - this.deps.maxAgeSeconds);
    pruneOld(vehicles, nowSec - this.deps.maxAgeSeconds);

    const { matched, unknown } = this.match(net, feedIndex, tripUpdates.values());
    const unknownNew = msg.tripUpdates.filter((u) => !matched.has(u)).length;
    const next: FeedRealtime = {
      feedId,
      updatedAt: Math.max(msg.timestamp, prev?.updatedAt ?? 0),
      tripUpdates,
      vehicles,
      alerts,
      matched: [...matched.values()],
    };
    if (unknown > 0) this.deps.logger.debug({ feedId, unknown }, 'realtime: unknown trips');
    this.publish(new Map(this.current.feeds).set(feedId, next), feedId);
    return {
      applied: { tripUpdates: msg.tripUpdates.length - unknownNew, vehiclePositions: msg.vehicles.length, alerts: msg.alerts.length },
      unknownTrips: unknownNew,
    };
  }

  private match(net: Network, feed: number, updates: Iterable<TripUpdateInput>): { matched: Map<TripUpdateInput, TripRealtime>; unknown: number } {
    const seqs = this.stopSequences(net, net.tt.feeds[feed]!.feedId);
    const matched = new Map<TripUpdateInput, TripRealtime>();
    let unknown = 0;
    for (const u of updates) {
      const m = matchTripUpdate(net.tt, u, { feed, stopSequences: seqs ? (t) => seqs.of(t) : undefined });
      if (m) matched.set(u, m);
      else unknown++;
    }
    return { matched, unknown };
  }

  private stopSequences(net: Network, feedId: string): StopSequences | undefined {
    if (this.sequencesOf !== net) {
      for (const s of this.sequences.values()) s.close();
      this.sequences = new Map();
      this.sequencesOf = net;
    }
    let s = this.sequences.get(feedId);
    if (!s) {
      const row = this.deps.feeds.list().find((r) => r.id === feedId);
      if (!row) return undefined;
      s = StopSequences.forFeed(net.tt, feedId, this.deps.dataDir, row.fileName);
      this.sequences.set(feedId, s);
    }
    return s;
  }

  private rematchAll(): void {
    const net = this.deps.feeds.network;
    if (!net || this.current.feeds.size === 0) return;
    const feeds = new Map<string, FeedRealtime>();
    for (const f of this.current.feeds.values()) {
      const idx = net.tt.feeds.findIndex((m) => m.feedId === f.feedId);
      if (idx < 0) continue;
      feeds.set(f.feedId, { ...f, matched: [...this.match(net, idx, f.tripUpdates.values()).matched.values()] });
    }
    this.publish(feeds, undefined);
  }

  private publish(feeds: Map<string, FeedRealtime>, changed: string | undefined): void {
    const version = this.current.version + 1;
    const vehiclesByTrip = new Map<string, VehicleInput>();
    const alerts: (AlertInput & { feedId: string })[] = [];
    for (const f of feeds.values()) {
      for (const v of f.vehicles.values()) if (v.tripId) vehiclesByTrip.set(`${f.feedId}:${v.tripId}`, v);
      for (const a of f.alerts.values()) alerts.push({ ...a, feedId: f.feedId });
    }
    const overlay = overlayFrom(
      [...feeds.values()].flatMap((f) => f.matched),
      this.deps.maxAgeSeconds,
      version,
    );
    this.current = { version, overlay, feeds, vehiclesByTrip, alerts };
    for (const l of this.listeners) l(this.current, changed);
  }

  /** Closes the feed files opened for stop_sequence matching. */
  close(): void {
    for (const s of this.sequences.values()) s.close();
    this.sequences.clear();
  }
}

function pruneOld<T extends { timestamp: number }>(map: Map<string, T>, before: number): void {
  for (const [k, v] of map) if (v.timestamp < before) map.delete(k);
}
