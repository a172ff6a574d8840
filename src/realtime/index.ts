/** GTFS-Realtime (DESIGN.md §1): decode, the realtime log, snapshots: the one entry point other folders import. */
export * from './RealtimePoller.js';
export * from './RealtimeService.js';
export * from './alerts.js';
export * from './liveDepartures.js';
export * from './snapshot.js';
export * from './sources.js';
export * from './freshness.js';
export type { AlertInput, FeedAlert, VehicleInput } from './model.js';
export { pgRealtimeLog } from './repo/pgRealtimeLog.js';
export { sqliteRealtimeLog } from './repo/sqliteRealtimeLog.js';
export type { RealtimeLog } from './realtimeLog.js';
