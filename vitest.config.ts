import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql module instance, as under Node (the package has no exports map, so Node loads its
  // CommonJS build for everyone): vite would give our sources the ESM build and yoga the CJS one,
  // and yoga's `instanceof GraphQLError` would then turn every client error into HTTP 500.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
