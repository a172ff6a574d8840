/** GTFS-Realtime (DESIGN.md §1): decode, the realtime log and sources, snapshots: the one entry point other folders import. */
export * from './RealtimePoller.js';
export * from './RealtimeService.js';
export * from './alerts.js';
export * from './liveDepartures.js';
export * from './snapshot.js';
export * from './sources.js';
export * from './freshness.js';
export type { AlertInput, FeedAlert, VehicleInput } from './model.js';
export { pgRealtimeLog } from './repo/pgRealtimeLog.js';
export { pgRealtimeSources } from './repo/pgRealtimeSources.js';
export { sqliteRealtimeLog } from './repo/sqliteRealtimeLog.js';
export { sqliteRealtimeSources } from './repo/sqliteRealtimeSources.js';
export type { RealtimeLog } from './realtimeLog.js';
