// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'tmp/',
      'bench/results/',
      'data/',
      'drizzle/',
      'src/api/graphql/generated/',
      'bin/',
      'coverage/',
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `() => void x()` shorthands are idiomatic in callbacks (hooks, listeners).
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // The routing core stays pure (DESIGN.md §1): no database, HTTP, GraphQL or GTFS parser.
    files: ['src/transit/**/*.ts', 'src/planner/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'gtfs',
                'better-sqlite3',
                'drizzle-orm',
                'drizzle-orm/*',
                'graphql',
                'graphql-yoga',
                'hono',
                'hono/*',
              ],
              message: 'transit/ and planner/ are pure (DESIGN.md §1).',
            },
            {
              group: [
                '**/db/**',
                '**/api/**',
                '**/gtfs/**',
                '**/parking/**',
                '**/journeys/**',
                '**/realtime/**',
              ],
              message: 'transit/ and planner/ import only transit/.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
);
