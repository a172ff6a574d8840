/** OpenStreetMap extracts (DESIGN.md §10): read, compile into a street graph, store, serve. The one entry point other folders import. */
export * from './readExtract.js';
export * from './repo/pgStreetStore.js';
export * from './StreetService.js';
export * from './streetStore.js';
