import type { PlanQuery } from '../../src/planner/query.js';
import type { Timetable } from '../../src/transit/timetable.js';
import type { RefQuery } from '../helpers/reference.js';

/** The reference's form of a router query (stop indices → scoped stop ids). */
export function refQueryOf(tt: Timetable, q: PlanQuery): RefQuery {
  const place = (p: PlanQuery['from']) => ({
    lat: p.lat,
    lon: p.lon,
    ...(p.stop === undefined ? {} : { stopId: tt.stopIds[p.stop]! }),
  });
  return {
    from: place(q.from),
    to: place(q.to),
    time: q.time,
    walkSpeed: q.walkSpeed,
    maxWalkMeters: q.maxWalkMeters,
    maxTransfers: q.maxTransfers,
    transferSlack: q.transferSlack,
  };
}
