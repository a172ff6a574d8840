/** The GraphQL and HTTP layer (DESIGN.md §8): the one entry point other folders import. */
export * from './http/app.js';
