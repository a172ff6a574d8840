/** The street graph (DESIGN.md §10), pure: build, store as bytes, snap and route. The one entry point other folders import. */
export * from './buildGraph.js';
export * from './codec.js';
export * from './graph.js';
export * from './search.js';
export * from './snap.js';
export * from './steps.js';
export * from './streetNetwork.js';
export * from './wayAccess.js';
