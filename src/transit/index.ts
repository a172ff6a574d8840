/** The compiled timetable and realtime overlay (DESIGN.md §1), pure: the one entry point other folders import. */
export * from './compile.js';
export * from './departures.js';
export * from './geo.js';
export * from './modes.js';
export * from './network.js';
export * from './realtimeOverlay.js';
export * from './source.js';
export * from './time.js';
export * from './timetable.js';
export * from './dayView.js';
export * from './feedValidity.js';
export * from './stopSearch.js';
