/** Several worker processes on one machine (WORKERS): the one entry point other folders import. */
export * from './primary.js';
export * from './worker.js';
