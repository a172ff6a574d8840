/**
 * `npm run bench [-- --only foundation|routing|realtime|parkride|quality|journeys|streets|parking|pass]`: the
 * benchmark suite. Runs the foundation (issue 2), routing (issue 3), realtime, park-and-ride
 * (issue 6), plan quality (issue 12), live journeys (issue 13) and streets (issue 14) sections on a temporary data folder with the real feeds of
 * ../shared/feeds, then the parking section when bench/parking.ts exists, then the journey pass
 * section (issue 15, on the bundled sample); prints a table per section and a summary, and writes
 * the figures to bench/results/latest.json.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runFoundationBench } from './foundation.js';
import { runJourneysBench } from './journeys.js';
import { formatTable, formatValue, progress, writeResults, type Section } from './lib/report.js';
import { Workspace } from './lib/workspace.js';
import { runRealtimeBench } from './realtime.js';
import { runParkRideBench } from './parkRide.js';
import { runPassBench } from './pass.js';
import { runQualityBench } from './quality.js';
import { runRoutingBench } from './routing.js';
import { runStreetsBench } from './streets.js';

const SECTIONS = [
  'foundation',
  'routing',
  'realtime',
  'parkride',
  'quality',
  'journeys',
  'streets',
  'parking',
  'pass',
] as const;
type SectionName = (typeof SECTIONS)[number];

const PARKING_MODULE = new URL('./parking.ts', import.meta.url);

/** The sections asked for by `--only <name>` (or `--only=<name>`); all by default. */
function selectedSections(argv: readonly string[]): SectionName[] {
  const at = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at < 0) return [...SECTIONS];
  const value = argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  const names = (value ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(
      `--only takes one of ${SECTIONS.join(', ')} (comma-separated); got "${value ?? ''}"`,
    );
  }
  return names as SectionName[];
}

/** Runs bench/parking.ts's `runParkingBench` when the file is there; it prints its own figures. */
async function runParking(): Promise<'ran' | 'absent'> {
  if (!existsSync(fileURLToPath(PARKING_MODULE))) return 'absent';
  const mod = (await import(PARKING_MODULE.href)) as { runParkingBench?: () => Promise<void> };
  if (typeof mod.runParkingBench !== 'function')
    throw new Error('bench/parking.ts does not export runParkingBench()');
  console.log('\n== parking ==');
  await mod.runParkingBench();
  return 'ran';
}

async function main(): Promise<number> {
  const only = selectedSections(process.argv.slice(2));
  const sections: Section[] = [];
  const outcomes: Record<string, string> = {};
  let workspace: Workspace | undefined;
  const cleanUp = async () => {
    const ws = workspace;
    workspace = undefined;
    await ws?.close();
  };
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });

  const started = performance.now();
  try {
    for (const [name, run] of [
      ['foundation', runFoundationBench],
      ['routing', runRoutingBench],
      ['realtime', runRealtimeBench],
      ['parkride', runParkRideBench],
      ['quality', runQualityBench],
      ['journeys', runJourneysBench],
      ['streets', () => runStreetsBench()],
    ] as const) {
      if (!only.includes(name)) continue;
      progress(`section ${name}…`);
      try {
        // The streets section brings its own data (../shared/osm); the others share a workspace.
        if (name !== 'streets') workspace ??= Workspace.create();
        const section = await run(workspace!);
        section.print();
        sections.push(section);
        outcomes[name] = 'ran';
      } catch (error) {
        console.error(`\n== ${name}: FAILED ==\n`, error);
        outcomes[name] = `failed: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  } finally {
    await cleanUp();
  }

  if (only.includes('parking')) {
    try {
      outcomes.parking = await runParking();
      if (outcomes.parking === 'absent')
        console.log('\n== parking: skipped (bench/parking.ts not present) ==');
    } catch (error) {
      console.error('\n== parking: FAILED ==\n', error);
      outcomes.parking = `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  if (only.includes('pass')) {
    progress('section pass…');
    try {
      sections.push(await runPassBench());
      outcomes.pass = 'ran';
    } catch (error) {
      console.error('\n== pass: FAILED ==\n', error);
      outcomes.pass = `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  const targeted = sections.flatMap((s) =>
    s.figures.filter((f) => f.target).map((f) => ({ ...f, name: `${s.name}: ${f.name}` })),
  );
  console.log('\n== summary ==');
  console.log(
    Object.entries(outcomes)
      .map(([name, outcome]) => `  ${name}: ${outcome}`)
      .join('\n'),
  );
  if (targeted.length > 0) console.log('\n' + formatTable(targeted));
  const met = targeted.filter((f) => f.met).length;
  console.log(
    `\n${met} of ${targeted.length} targets met; total ${formatValue((performance.now() - started) / 1000)} s`,
  );
  const file = writeResults(sections, { outcomes });
  console.log(`figures written to ${file}`);
  return Object.values(outcomes).some((o) => o.startsWith('failed')) ? 1 : 0;
}

// Exit explicitly: keep-alive sockets and library handles must not keep a finished run alive.
process.exit(await main());
