/** The PostgreSQL schema (DESIGN.md §9): one file per domain, twins of the SQLite schema's tables. */
export * from './auth.js';
export * from './feeds.js';
export * from './journeys.js';
export * from './parking.js';
export * from './pass.js';
export * from './rateLimits.js';
export * from './realtime.js';
export * from './streets.js';
