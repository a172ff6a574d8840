import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { RealtimeMessageRow } from '../db/index.js';
import { NotFoundError } from '../errors.js';
import type { FeedService } from '../gtfs/index.js';
import type { Network } from '../transit/index.js';
import { overlayFrom, type TripRealtime, type TripUpdateInput } from '../transit/index.js';
import { decodeFeedMessage, type DecodedFeed } from './decode.js';
import { matchTripUpdate } from './matchTripUpdate.js';
import type { AlertInput, VehicleInput } from './model.js';
import { emptySnapshot, type FeedRealtime, type RealtimeSnapshot } from './snapshot.js';
import { StopSequences } from '../gtfs/index.js';
import {
  carriedKinds,
  staleKinds,
  staleRefusals,
  type RealtimeKind,
  type Refusal,
} from './freshness.js';
import { prunableLogRows, type RealtimeLog } from './realtimeLog.js';

export type { RealtimeKind, Refusal } from './freshness.js';

/** What one applied message changed. */
export interface ApplyResult {
  applied: { tripUpdates: number; vehiclePositions: number; alerts: number };
  /** TripUpdates whose trip (and service day) the timetable does not have. */
  unknownTrips: number;
  /**
   * What was not applied and why, per kind: `STALE_MESSAGE` when the header is older than the
   * newest message applied for that feed and kind (or older than REALTIME_MAX_AGE_SECONDS on
   * arrival), or an entity older than the one stored for its trip or vehicle. Empty when all applied.
   */
  refused: Refusal[];
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
  /** Id of the last realtime log row this process applied. */
  private applied = 0;
  /** Ingests of this process run one after another (each judges freshness on what came before). */
  private ingesting: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: {
      /** The realtime log: the data folder's file, or the shared database (DATABASE_URL). */
      log: RealtimeLog;
      feeds: FeedService;
      clock: Clock;
      logger: Logger;
      maxAgeSeconds: number;
      dataDir: string;
    },
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
   * Accepts a GTFS-RT message for `feedId` (push or poll): decodes it (FEED_INVALID if it is not
   * one), appends it to the realtime log in app.sqlite, where every server process reads it
   * (`follow`), and applies the log up to it. `kinds`: what a FULL_DATASET from a poll URL
   * replaces. Returns what this message changed.
   */
  ingest(
    feedId: string,
    bytes: Uint8Array,
    kinds?: ReadonlySet<RealtimeKind>,
  ): Promise<ApplyResult> {
    this.feedIndex(feedId);
    const run = this.ingesting.then(() => this.ingestNow(feedId, bytes, kinds));
    this.ingesting = run.catch(() => undefined);
    return run;
  }

  private async ingestNow(
    feedId: string,
    bytes: Uint8Array,
    kinds?: ReadonlySet<RealtimeKind>,
  ): Promise<ApplyResult> {
    const nowMs = this.deps.clock.nowMs();
    const nowSec = Math.floor(nowMs / 1000);
    const decoded = decodeFeedMessage(bytes, nowSec);
    // What it replaces (a FULL_DATASET: the kinds its poll URL serves, else those it has; all, when empty) and merges.
    const carries = carriedKinds(decoded, kinds);
    let refused: ApplyResult | undefined;
    const id = await this.deps.log.append(
      this.applied,
      (unseen) => {
        // Judged on everything appended before it (other processes' and replicas' rows too, which
        // the log hands over under its lock): a message stale for every kind it carries is not
        // logged, so it can never replace newer data.
        this.applyRows(unseen);
        const newest = this.current.feeds.get(feedId)?.newestByKind;
        const stale = staleKinds(decoded, carries, newest, nowSec, this.deps.maxAgeSeconds);
        if (carries.length > 0 && carries.every((k) => stale.has(k))) {
          refused = {
            applied: { tripUpdates: 0, vehiclePositions: 0, alerts: 0 },
            unknownTrips: 0,
            refused: staleRefusals(decoded, stale),
          };
          return undefined;
        }
        return {
          feedId,
          kinds: kinds ? [...kinds].join(',') : null,
          carries: carries.join(','),
          newestAt: new Date(Math.max(nowMs, newestTimestamp(decoded) * 1000)),
          fullDataset: decoded.fullDataset,
          body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          receivedAt: new Date(nowMs),
        };
      },
      (feedRows) => prunableLogRows(feedRows, nowMs, this.deps.maxAgeSeconds),
    );
    if (id === undefined) return refused!;
    const result = this.applyRows(await this.deps.log.after(this.applied), { id, decoded, kinds });
    if (!result) throw new Error(`realtime log row ${id} vanished before it was applied`);
    return result;
  }

  /**
   * Applies the realtime log rows this process has not applied yet, in order (other processes'
   * messages, or every row after a start). `own`: a row just written here, applied from its
   * decoded form; its result is returned.
   */
  catchUp(): Promise<void> {
    // In line with this process's ingests, so that none of their own rows is applied twice.
    const run = this.ingesting.then(async () => {
      this.applyRows(await this.deps.log.after(this.applied));
    });
    this.ingesting = run.catch(() => undefined);
    return run;
  }

  /** Applies log rows in order; `own`: a row just written here, applied from its decoded form, whose result is returned. */
  private applyRows(
    rows: readonly RealtimeMessageRow[],
    own?: { id: number; decoded: DecodedFeed; kinds?: ReadonlySet<RealtimeKind> },
  ): ApplyResult | undefined {
    let result: ApplyResult | undefined;
    for (const row of rows) {
      if (row.id <= this.applied) continue;
      this.applied = row.id;
      if (own?.id === row.id) {
        result = this.apply(row.feedId, own.decoded, own.kinds);
        continue;
      }
      try {
        const kinds = row.kinds ? new Set(row.kinds.split(',') as RealtimeKind[]) : undefined;
        const receivedAtSec = Math.floor(row.receivedAt.getTime() / 1000);
        this.apply(row.feedId, decodeFeedMessage(row.body, receivedAtSec), kinds, receivedAtSec);
      } catch (error) {
        // A feed this process does not serve (yet): the message cannot apply here.
        this.deps.logger.debug(
          { err: error, feedId: row.feedId, id: row.id },
          'realtime log row not applied',
        );
      }
    }
    return result;
  }

  /**
   * Applies what other processes and replicas append to the realtime log: woken by the log
   * (PostgreSQL: NOTIFY, and a catch-up on every reconnect), and checking every `intervalMs`
   * (default 250 ms; one indexed read when nothing is new) as a safety net. Returns a stop function.
   */
  follow(intervalMs = 250): () => void {
    let busy = false;
    const check = () => {
      if (busy) return;
      busy = true;
      this.deps.log
        .latestId()
        .then((latest) => (latest > this.applied ? this.catchUp() : undefined))
        .catch((error: unknown) => {
          this.deps.logger.error({ err: error }, 'reading the realtime log failed');
        })
        .finally(() => (busy = false));
    };
    check();
    const timer = setInterval(check, intervalMs);
    timer.unref();
    const listening = this.deps.log.listen(check).catch((error: unknown) => {
      this.deps.logger.error({ err: error }, 'listening to the realtime log failed; polling only');
      return undefined;
    });
    return () => {
      clearInterval(timer);
      void listening.then((stop) => stop?.()).catch(() => undefined);
    };
  }

  private feedIndex(feedId: string): number {
    const net = this.deps.feeds.network;
    const index = net?.tt.feeds.findIndex((f) => f.feedId === feedId) ?? -1;
    if (index < 0) throw new NotFoundError(`feed "${feedId}" is not loaded`);
    return index;
  }

  /**
   * Applies a decoded message to `feedId`. FULL_DATASET replaces the feed's data of each kind the
   * message carries (or of `kinds`, for a pull source of known kind); DIFFERENTIAL merges.
   */
  apply(
    feedId: string,
    msg: DecodedFeed,
    kinds?: ReadonlySet<RealtimeKind>,
    receivedAtSec = Math.floor(this.deps.clock.nowMs() / 1000),
  ): ApplyResult {
    const net = this.deps.feeds.network;
    const feedIndex = net?.tt.feeds.findIndex((f) => f.feedId === feedId) ?? -1;
    if (!net || feedIndex < 0) throw new NotFoundError(`feed "${feedId}" is not loaded`);
    const prev = this.current.feeds.get(feedId);
    const carried = carriedKinds(msg, kinds);
    const stale = staleKinds(
      msg,
      carried,
      prev?.newestByKind,
      receivedAtSec,
      this.deps.maxAgeSeconds,
    );
    const refused = staleRefusals(msg, stale);
    const fresh = (kind: RealtimeKind) => carried.includes(kind) && !stale.has(kind);
    const replace = (kind: RealtimeKind) => msg.fullDataset && fresh(kind);
    const tripUpdates = new Map(replace('tripUpdates') ? [] : prev?.tripUpdates);
    const vehicles = new Map(replace('vehiclePositions') ? [] : prev?.vehicles);
    const alerts = new Map(replace('alerts') ? [] : prev?.alerts);
    const newTrips = fresh('tripUpdates') ? msg.tripUpdates : [];
    const newVehicles = fresh('vehiclePositions') ? msg.vehicles : [];
    const olderTrips = mergeNewer(
      tripUpdates,
      prev?.tripUpdates,
      newTrips,
      (u) => `${u.tripId}|${u.startDate ?? ''}`,
    );
    const olderVehicles = mergeNewer(vehicles, prev?.vehicles, newVehicles, (v) => v.id);
    if (fresh('alerts')) for (const a of msg.alerts) alerts.set(a.id, a);
    if (olderTrips.length > 0)
      refused.push({ reason: 'STALE_MESSAGE', kind: 'tripUpdates', count: olderTrips.length });
    if (olderVehicles.length > 0)
      refused.push({
        reason: 'STALE_MESSAGE',
        kind: 'vehiclePositions',
        count: olderVehicles.length,
      });
    const newestByKind = { ...prev?.newestByKind };
    for (const k of carried)
      if (!stale.has(k)) newestByKind[k] = Math.max(msg.timestamp, newestByKind[k] ?? 0);
    const nowSec = this.deps.clock.nowMs() / 1000;
    pruneOld(tripUpdates, nowSec - this.deps.maxAgeSeconds);
    pruneOld(vehicles, nowSec - this.deps.maxAgeSeconds);

    const { matched, unknown } = this.match(net, feedIndex, tripUpdates.values());
    const applied = newTrips.filter((u) => !olderTrips.includes(u));
    const unknownNew = applied.filter((u) => !matched.has(u)).length;
    const next: FeedRealtime = {
      feedId,
      newestByKind,
      updatedAt: Math.max(
        carried.length > 0 && stale.size === carried.length ? 0 : msg.timestamp,
        prev?.updatedAt ?? 0,
      ),
      tripUpdates,
      vehicles,
      alerts,
      matched: [...matched.values()],
    };
    if (unknown > 0) this.deps.logger.debug({ feedId, unknown }, 'realtime: unknown trips');
    this.publish(new Map(this.current.feeds).set(feedId, next), feedId);
    return {
      applied: {
        tripUpdates: applied.length - unknownNew,
        vehiclePositions: newVehicles.length - olderVehicles.length,
        alerts: fresh('alerts') ? msg.alerts.length : 0,
      },
      unknownTrips: unknownNew,
      refused,
    };
  }

  private match(
    net: Network,
    feed: number,
    updates: Iterable<TripUpdateInput>,
  ): { matched: Map<TripUpdateInput, TripRealtime>; unknown: number } {
    const seqs = this.stopSequences(net, net.tt.feeds[feed]!.feedId);
    const matched = new Map<TripUpdateInput, TripRealtime>();
    let unknown = 0;
    for (const u of updates) {
      const m = matchTripUpdate(net.tt, u, {
        feed,
        stopSequences: seqs ? (t) => seqs.of(t) : undefined,
      });
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
      // The file of the version this process serves (the registry may already name a newer one).
      const row = this.deps.feeds.servedRow(feedId);
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
      feeds.set(f.feedId, {
        ...f,
        matched: [...this.match(net, idx, f.tripUpdates.values()).matched.values()],
      });
    }
    this.publish(feeds, undefined);
  }

  private publish(feeds: Map<string, FeedRealtime>, changed: string | undefined): void {
    const version = this.current.version + 1;
    const vehiclesByTrip = new Map<string, VehicleInput>();
    const alerts: (AlertInput & { feedId: string })[] = [];
    for (const f of feeds.values()) {
      for (const v of f.vehicles.values())
        if (v.tripId) vehiclesByTrip.set(`${f.feedId}:${v.tripId}`, v);
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

/** The newest entity or header timestamp of a message, Unix seconds. */
function newestTimestamp(msg: DecodedFeed): number {
  let newest = msg.timestamp;
  for (const u of msg.tripUpdates) newest = Math.max(newest, u.timestamp);
  for (const v of msg.vehicles) newest = Math.max(newest, v.timestamp);
  return newest;
}

/**
 * Sets each of `incoming` in `into` by `key`, unless the entity stored before (`before`) is
 * newer (entity timestamps, GTFS-RT freshness): that one stays. Returns the incoming entities
 * refused as older.
 */
function mergeNewer<T extends { timestamp: number }>(
  into: Map<string, T>,
  before: ReadonlyMap<string, T> | undefined,
  incoming: readonly T[],
  key: (e: T) => string,
): T[] {
  const older: T[] = [];
  for (const e of incoming) {
    const k = key(e);
    const stored = before?.get(k);
    if (stored && stored.timestamp > e.timestamp) {
      into.set(k, stored);
      older.push(e);
    } else into.set(k, e);
  }
  return older;
}

function pruneOld<T extends { timestamp: number }>(map: Map<string, T>, before: number): void {
  for (const [k, v] of map) if (v.timestamp < before) map.delete(k);
}
