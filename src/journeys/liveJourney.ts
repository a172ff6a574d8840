import type { Network, RealtimeOverlay } from '../transit/index.js';
import { followJourney, type FollowedJourney } from './followJourney.js';
import type { BookedJourney } from './JourneyService.js';
import type { JourneyStatus } from './status.js';

/** What a journey is followed on: the served network and the published realtime overlay. */
export interface LiveInputs {
  network: Network | undefined;
  overlay: RealtimeOverlay;
}

/** A booked journey as it stands at one instant: the one view `journey(id)` and `journeyUpdated(id)` share. */
export interface LiveJourney extends BookedJourney {
  followed: FollowedJourney;
  status: JourneyStatus;
  /**
   * The next instant at which this view changes by itself (departure, live arrival, expiry of
   * the realtime data it uses), ms since the epoch; undefined once FINISHED or CANCELLED.
   */
  nextChangeMs: number | undefined;
}

/**
 * The status of a followed journey at `nowSec`: CANCELLED as stored; else FINISHED from the live
 * arrival (the last leg's arrival), STARTED from the planned departure or once stored STARTED (its
 * car checked in at the lot, DESIGN.md §11), CONFIRMED before.
 */
export function liveStatus(
  booked: BookedJourney,
  followed: FollowedJourney,
  nowSec: number,
): JourneyStatus {
  if (booked.journey.status === 'CANCELLED') return 'CANCELLED';
  if (nowSec >= followed.liveArrival) return 'FINISHED';
  if (nowSec >= booked.itinerary.t || booked.journey.status === 'STARTED') return 'STARTED';
  return 'CONFIRMED';
}

/** A booked journey on `inputs` at `nowMs` (live legs, status and when that next changes). */
export function liveJourney(booked: BookedJourney, inputs: LiveInputs, nowMs: number): LiveJourney {
  const nowSec = Math.floor(nowMs / 1000);
  const followed = followJourney(inputs.network, booked.itinerary, {
    overlay: inputs.overlay,
    nowSec,
  });
  const status = liveStatus(booked, followed, nowSec);
  let nextChangeMs: number | undefined;
  if (status !== 'FINISHED' && status !== 'CANCELLED') {
    const candidates = [booked.itinerary.t, followed.liveArrival, followed.realtimeExpiresAt]
      .filter((t): t is number => t !== undefined && t > nowSec)
      .map((t) => t * 1000);
    nextChangeMs = candidates.length > 0 ? Math.min(...candidates) : undefined;
  }
  return { ...booked, followed, status, nextChangeMs };
}
