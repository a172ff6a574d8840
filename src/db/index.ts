/** Shared persistence plumbing (DESIGN.md §2, §9): the app database, its schema, units of work: the one entry point other folders import. */
export * from './client.js';
export * from './groupCommit.js';
export * from './keyset.js';
export * from './prepared.js';
export * from './schema/index.js';
export * from './syncDb.js';
export * from './unitOfWork.js';
export * from './pg/index.js';
export * as pgSchema from './schema/pg/index.js';
