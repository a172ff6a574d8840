export * from './auth.js';
export * from './feeds.js';
