import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { requireFeedAccess } from '../../../../auth/require.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';

/** Imports a feed version sent as a GraphQL multipart upload (agency key for the feed, or admin). */
export const importFeed: MutationResolvers['importFeed'] = async (_parent, { input }, ctx) => {
  requireFeedAccess(ctx.caller, input.feedId);
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
