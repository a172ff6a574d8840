import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { requireFeedAccess } from '../../../../auth/require.js';
import { BadInputError } from '../../../../errors.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';

/** Imports a feed version sent as a GraphQL multipart upload (agency key for the feed, or admin). */
export const importFeed: MutationResolvers['importFeed'] = async (_parent, { input }, ctx) => {
  requireFeedAccess(ctx.caller, input.feedId);
  // `File` has no parser of its own: in a plain JSON request it can be any value.
  if (typeof (input.file as { arrayBuffer?: unknown } | null)?.arrayBuffer !== 'function') {
    throw new BadInputError('file must be sent as a GraphQL multipart upload');
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'maas-upload-'));
  try {
    const file = path.join(dir, 'feed.zip');
    await writeFile(file, Buffer.from(await input.file.arrayBuffer()));
    await ctx.services.feeds.importFeed(input.feedId, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const feed = ctx.services.feeds.network?.tt.feeds.find((f) => f.feedId === input.feedId);
  if (!feed) throw new Error('feed imported but not published');
  return { feed };
};
