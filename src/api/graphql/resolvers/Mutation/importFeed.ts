import { requireFeedAccess } from '../../../../auth/index.js';
import { BadInputError } from '../../../../errors.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';

/** Imports a feed version sent as a GraphQL multipart upload (agency key for the feed, or admin). */
export const importFeed: MutationResolvers['importFeed'] = async (_parent, { input }, ctx) => {
  requireFeedAccess(ctx.caller, input.feedId);
  // `File` has no parser of its own: in a plain JSON request it can be any value.
  if (typeof (input.file as { arrayBuffer?: unknown } | null)?.arrayBuffer !== 'function') {
    throw new BadInputError('file must be sent as a GraphQL multipart upload');
  }
  const { feed, warnings } = await ctx.services.feeds.importBytes(
    input.feedId,
    new Uint8Array(await input.file.arrayBuffer()),
  );
  return { feed, warnings };
};
