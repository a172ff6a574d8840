// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * What each folder of src/ may import (DESIGN.md §1: data flows one way). A folder reaches another
 * only through its entry point `<folder>/index.ts`; the top-level wiring (main, createServices,
 * cli, services, sample) is not restricted. Everything not listed is refused.
 */
const MAY_IMPORT = {
  transit: [],
  streets: ['transit'],
  planner: ['streets', 'transit'],
  db: [],
  auth: ['db'],
  gtfs: ['db', 'streets', 'transit'],
  osm: ['db', 'streets'],
  realtime: ['db', 'gtfs', 'transit'],
  parking: ['db', 'transit'],
  journeys: ['db', 'parking', 'planner', 'transit'],
  pass: ['db', 'journeys', 'parking'],
  cluster: ['auth', 'db'],
  metrics: ['cluster', 'db'],
  api: [
    'auth',
    'cluster',
    'gtfs',
    'journeys',
    'metrics',
    'parking',
    'pass',
    'planner',
    'realtime',
    'streets',
    'transit',
  ],
};
const FOLDERS = Object.keys(MAY_IMPORT);
/** Top-level modules that wire everything; folders other than api/ and metrics/ never import them. */
const WIRING = ['main', 'createServices', 'cli', 'services', 'sample'];
/** Folders without side effects or a clock of their own (DESIGN.md §1). */
const PURE = ['transit', 'planner', 'streets'];
const PURE_PACKAGES = [
  'gtfs',
  'better-sqlite3',
  'drizzle-orm',
  'drizzle-orm/*',
  'graphql',
  'graphql-yoga',
  'hono',
  'hono/*',
];
/**
 * Deep imports still allowed, to be moved to the entry point: planner/ is being edited in
 * parallel (its files and the stop-search resolver keep their transit/ paths until then), and
 * the schema files store the parking and journey status vocabularies.
 */
const DEEP_ALLOWED = {
  planner: ['**/transit/**'],
  db: ['**/parking/types.js', '**/journeys/status.js'],
};

/** One `no-restricted-imports` block per folder of src/, from MAY_IMPORT. */
function importBoundaries() {
  return Object.entries(MAY_IMPORT).map(([folder, allowed]) => {
    const patterns = [];
    for (const other of FOLDERS) {
      if (other === folder) continue;
      const deep = DEEP_ALLOWED[folder] ?? [];
      if (allowed.includes(other)) {
        // planner/ has no entry point yet (it is edited in parallel): its modules are its surface.
        if (other === 'planner' || deep.includes(`**/${other}/**`)) continue;
        patterns.push({
          group: [`**/${other}/**`, `!**/${other}/index.js`],
          message: `import ${other}/ only through its entry point ${other}/index.ts.`,
        });
      } else {
        patterns.push({
          group: [
            `**/${other}/**`,
            ...deep.filter((d) => d.startsWith(`**/${other}/`)).map((d) => `!${d}`),
          ],
          message: `${folder}/ may not import ${other}/ (DESIGN.md §1; allowed: ${allowed.join(', ') || 'none'}).`,
        });
      }
    }
    if (folder !== 'api' && folder !== 'metrics')
      patterns.push({
        regex: `^(\\.\\./)+(${WIRING.join('|')})\\.js$`,
        message: `${folder}/ does not import the wiring; take what it needs as a parameter.`,
      });
    if (PURE.includes(folder)) {
      patterns.push({ group: PURE_PACKAGES, message: `${folder}/ is pure (DESIGN.md §1).` });
      patterns.push({
        group: ['**/clock.js', '**/config.js', '**/logger.js', '**/errors.js'],
        message: `${folder}/ is pure: no clock, configuration or logger of its own (DESIGN.md §1).`,
      });
    }
    return {
      files: [`src/${folder}/**/*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns }] },
    };
  });
}

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
  ...importBoundaries(),
  {
    // Edited in parallel (see DEEP_ALLOWED): keeps its transit/ paths until then.
    files: ['src/api/graphql/resolvers/Query/stopSearch.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // node-gtfs (and with it lodash-es: some 700 modules) loads only in the import worker's
    // process; the server and the CLI start without it. Types may be imported anywhere.
    files: ['src/**/*.ts'],
    ignores: ['src/gtfs/importWorker.ts', 'src/gtfs/importFeed.ts', 'src/gtfs/runNodeGtfs.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'gtfs', message: 'node-gtfs runs in the import worker only.' }],
          patterns: [
            {
              regex: '^\\./(importFeed|runNodeGtfs)\\.js$',
              allowTypeImports: true,
              message: 'the importer loads node-gtfs: only importWorker.ts runs it.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
);
