import { createPubSub } from 'graphql-yoga';
import type { Services } from '../../../../services.js';

type Channels = { realtime: [feedId: string] };
const hubs = new WeakMap<Services, ReturnType<typeof createPubSub<Channels>>>();

/** Events "feed `feedId` changed" (`*` for all feeds) from every published realtime snapshot or network. */
export function realtimeChanges(services: Services): AsyncIterable<string> {
  let hub = hubs.get(services);
  if (!hub) {
    const created = createPubSub<Channels>();
    services.realtime.onPublish((_s, feedId) => created.publish('realtime', feedId ?? '*'));
    hubs.set(services, created);
    hub = created;
  }
  return hub.subscribe('realtime');
}
