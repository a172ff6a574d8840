export * from './auth.js';
export * from './feeds.js';
export * from './parking.js';
export * from './realtime.js';
export * from './journeys.js';
export * from './pass.js';
