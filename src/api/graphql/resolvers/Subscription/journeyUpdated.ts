import { Repeater } from 'graphql-yoga';
import { isCompactRide } from '../../../../journeys/index.js';
import type { GraphQLContext } from '../../context.js';
import type { SubscriptionResolvers } from '../../generated/resolvers-types.js';
import { journeyModel, journeyReader, type JourneyModel } from '../../journeyModels.js';
import type { BookedJourney } from '../../../../journeys/index.js';
import { journeyFingerprint } from './journeyFingerprint.js';
import { WakeSignal } from './wakeSignal.js';

/** The journey on the latest network, realtime snapshot and clock (the context moves to them), as `journey(id)` shows it. */
function current(ctx: GraphQLContext, booked: BookedJourney): JourneyModel {
  ctx.network = ctx.services.feeds.network;
  ctx.realtime = ctx.services.realtime.snapshot;
  ctx.nowMs = ctx.services.clock.nowMs();
  return journeyModel(ctx, booked);
}

/** The feeds whose realtime a journey's rides read. */
function feedsOf(model: JourneyModel): Set<string> {
  return new Set(
    model.booked.itinerary.l
      .filter(isCompactRide)
      .map((ride) => ride.t.slice(0, ride.t.indexOf(':'))),
  );
}

/**
 * Pushes the journey at once, then whenever what `journey(id)` returns changes: after a realtime
 * update of a feed it rides on, when that data expires, at its departure and live arrival (timers
 * on the injected clock), and when it is cancelled, re-booked or its reservation changes. Ends
 * after the FINISHED or CANCELLED event.
 */
export const journeyUpdated: SubscriptionResolvers['journeyUpdated'] = {
  subscribe: (_parent, { id }, ctx) =>
    new Repeater<{ journeyUpdated: JourneyModel }>(async (push, stop) => {
      const { services } = ctx;
      const wake = new WakeSignal();
      // The stored journey is read again only when it may have changed (its own events, timers);
      // a realtime update re-follows the same booking.
      const reread = { due: true };
      let feeds = new Set<string>();
      const offRealtime = services.realtime.onPublish((_s, feedId) => {
        if (feedId === undefined || feeds.has(feedId)) wake.fire();
      });
      const offJourney = services.journeys.onChange((changed) => {
        if (changed === id) {
          reread.due = true;
          wake.fire();
        }
      });
      let cancelTimer = () => {};
      const state = { stopped: false };
      void stop.then(() => {
        state.stopped = true;
        wake.fire();
      });
      try {
        let last: string | undefined;
        let booked: BookedJourney | undefined;
        while (!state.stopped) {
          if (reread.due || !booked) {
            reread.due = false;
            booked = await services.journeys.get(journeyReader(ctx.caller), id);
          }
          const model = current(ctx, booked);
          feeds = feedsOf(model);
          const fingerprint = journeyFingerprint(ctx, model);
          if (fingerprint !== last) {
            last = fingerprint;
            await push({ journeyUpdated: model });
          }
          const { status, nextChangeMs } = model.live;
          if (status === 'FINISHED' || status === 'CANCELLED') break;
          cancelTimer();
          cancelTimer =
            nextChangeMs === undefined
              ? () => {}
              : services.clock.at(nextChangeMs, () => {
                  reread.due = true;
                  wake.fire();
                });
          await wake.wait();
        }
        stop();
      } catch (error) {
        stop(error);
      } finally {
        offRealtime();
        offJourney();
        cancelTimer();
      }
    }),
};
