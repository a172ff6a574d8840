import type { DayView } from '../transit/dayView.js';
import type { Network } from '../transit/network.js';
import {
  applyOverlayToView,
  overlayFreshnessKey,
  type RealtimeOverlay,
} from '../transit/realtimeOverlay.js';
import type { UnixSeconds } from '../transit/time.js';

/** Realtime to plan with: the request's overlay and its clock. */
export interface Live {
  overlay: RealtimeOverlay;
  nowSec: UnixSeconds;
}

const cache = new WeakMap<RealtimeOverlay, Map<string, DayView>>();

/**
 * The day view around `time` with live times applied (delays, cancellations, skipped stops),
 * cached per overlay, day and freshness so that a realtime push costs one rebuild, not one per plan.
 */
export function liveViewAt(net: Network, time: UnixSeconds, live?: Live): DayView {
  const view = net.viewAt(time);
  if (!live || live.overlay.runs.size === 0) return view;
  let byKey = cache.get(live.overlay);
  if (!byKey) {
    byKey = new Map();
    cache.set(live.overlay, byKey);
  }
  const key = `${view.day}|${overlayFreshnessKey(live.overlay, live.nowSec)}`;
  let out = byKey.get(key);
  if (!out) {
    out = applyOverlayToView(view, live.overlay, net.tt, live.nowSec);
    if (byKey.size > 16) byKey.clear();
    byKey.set(key, out);
  }
  return out;
}
