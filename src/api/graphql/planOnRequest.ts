import type { PlanResult } from '../../planner/itinerary.js';
import { plan as runPlan } from '../../planner/plan.js';
import type { PlanQuery } from '../../planner/query.js';
import { streetRouter } from '../../planner/streetRouter.js';
import type { Network } from '../../transit/index.js';
import type { GraphQLContext } from './context.js';

/**
 * The one way the API plans (`plan`, `Journey.alternatives`): `query` on the request's network,
 * realtime and clock, with the loaded streets (else the straight-line router), parking and
 * PLAN_TIME_BUDGET_MS.
 */
export function planOnRequest(ctx: GraphQLContext, net: Network, query: PlanQuery): PlanResult {
  const deadline = performance.now() + ctx.services.config.planTimeBudgetMs;
  const nowSec = Math.floor(ctx.nowMs / 1000);
  const { config } = ctx.services;
  // One street network for the whole request (an import swaps in a new one).
  const streets = ctx.services.streets.network;
  return runPlan(
    net,
    { ...query, outOfTime: () => performance.now() > deadline },
    { overlay: ctx.realtime.overlay, nowSec },
    {
      router: streetRouter(streets, ctx.services.streetRouter),
      parking: ctx.services.parkingForPlanner,
      parkSeconds: config.parkSeconds,
      maxDriveMeters: 30_000,
      maxFacilities: 50,
      nowSec,
    },
    streets,
  );
}
