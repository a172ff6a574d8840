import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** Feeds being served, in id order. */
export const feeds: QueryResolvers['feeds'] = (_parent, _args, ctx) =>
  [...(ctx.network?.tt.feeds ?? [])].sort((a, b) => a.feedId.localeCompare(b.feedId));
