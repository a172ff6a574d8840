import { BadInputError, NotFoundError } from '../../../../errors.js';
import { liveDeparturesFrom } from '../../../../realtime/index.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { requireNetwork } from '../../network.js';

/** The departure board of a stop or station (DESIGN.md §3: previous, current and next service day). */
export const departures: QueryResolvers['departures'] = (
  _parent,
  { stopId, after, first },
  ctx,
) => {
  const limit = first;
  if (limit < 1 || limit > 100) throw new BadInputError('first must be between 1 and 100');
  const net = requireNetwork(ctx);
  const stop = net.tt.stopIndexById.get(stopId);
  if (stop === undefined) throw new NotFoundError(`stop "${stopId}" does not exist`);
  const afterSec = Math.floor((after ? after.getTime() : ctx.nowMs) / 1000);
  return liveDeparturesFrom(net, ctx.realtime, stop, afterSec, limit, ctx.nowMs / 1000);
};
