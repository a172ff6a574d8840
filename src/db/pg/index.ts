/** PostgreSQL plumbing (DESIGN.md §9): the pool, migrations, advisory locks. */
export * from './client.js';
export * from './leaderLock.js';
export * from './xactLock.js';
