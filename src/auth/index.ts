/** Who may do what (DESIGN.md §7): API keys, rider tokens, checks: the one entry point other folders import. */
export * from './apiKeys.js';
export * from './authenticate.js';
export * from './caller.js';
export * from './require.js';
export * from './riderTokens.js';
export * from './repository.js';
export { pgApiKeys } from './repo/pgApiKeys.js';
export { sharedSecret } from './repo/pgSecrets.js';
export { sqliteApiKeys } from './repo/sqliteApiKeys.js';
