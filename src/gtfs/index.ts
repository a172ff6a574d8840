/** GTFS feeds (DESIGN.md §2): import, validation, the feed registry and the node-gtfs files: the one entry point other folders import. */
export * from './feedService.js';
export * from './stopSequences.js';
export { pgFeedStore } from './repo/pgFeedStore.js';
export type { SharedFeed, SharedFeedStore } from './sharedFeedStore.js';
