/** Who may do what (DESIGN.md §7): API keys, rider tokens, checks: the one entry point other folders import. */
export * from './apiKeys.js';
export * from './authenticate.js';
export * from './caller.js';
export * from './require.js';
export * from './riderTokens.js';
