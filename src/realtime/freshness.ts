import type { DecodedFeed } from './decode.js';

/** Kinds of GTFS-RT entity. */
export type RealtimeKind = 'tripUpdates' | 'vehiclePositions' | 'alerts';

/** Every kind, in the order answers list them. */
export const REALTIME_KINDS: readonly RealtimeKind[] = [
  'tripUpdates',
  'vehiclePositions',
  'alerts',
];

/** Why part of a message was not applied. */
export type RefusalReason = 'STALE_MESSAGE';

/** Entities of one kind a message had that were not applied, and why (`count` may be 0: an empty FULL_DATASET refused). */
export interface Refusal {
  reason: RefusalReason;
  kind: RealtimeKind;
  count: number;
}

/** Header timestamp (Unix s) of the newest message applied per kind of one feed. */
export type NewestByKind = Readonly<Partial<Record<RealtimeKind, number>>>;

/** Number of entities of `kind` in a message. */
export function countOf(msg: DecodedFeed, kind: RealtimeKind): number {
  if (kind === 'tripUpdates') return msg.tripUpdates.length;
  return kind === 'vehiclePositions' ? msg.vehicles.length : msg.alerts.length;
}

/**
 * The kinds a message speaks for: those it has entities of, plus for a FULL_DATASET the kinds
 * its poll URL serves (`kinds`); an empty FULL_DATASET from a push speaks for every kind (it
 * clears the feed's trip updates, vehicle positions and alerts).
 */
export function carriedKinds(msg: DecodedFeed, kinds?: ReadonlySet<RealtimeKind>): RealtimeKind[] {
  const present = REALTIME_KINDS.filter((k) => countOf(msg, k) > 0);
  if (!msg.fullDataset) return present;
  if (kinds) return REALTIME_KINDS.filter((k) => kinds.has(k) || present.includes(k));
  return present.length > 0 ? present : [...REALTIME_KINDS];
}

/**
 * The carried kinds this message may not change (GTFS-RT freshness, issue 13): its header
 * timestamp is older than the newest message already applied for that kind, or older than
 * `maxAgeSeconds` before it was received (its data would be expired on arrival).
 */
export function staleKinds(
  msg: DecodedFeed,
  carried: readonly RealtimeKind[],
  newest: NewestByKind | undefined,
  receivedAtSec: number,
  maxAgeSeconds: number,
): Set<RealtimeKind> {
  const tooOld = msg.timestamp < receivedAtSec - maxAgeSeconds;
  return new Set(carried.filter((k) => tooOld || msg.timestamp < (newest?.[k] ?? -Infinity)));
}

/** The refusals for `stale` kinds of `msg`, in kind order. */
export function staleRefusals(msg: DecodedFeed, stale: ReadonlySet<RealtimeKind>): Refusal[] {
  return REALTIME_KINDS.filter((k) => stale.has(k)).map((kind) => ({
    reason: 'STALE_MESSAGE',
    kind,
    count: countOf(msg, kind),
  }));
}
