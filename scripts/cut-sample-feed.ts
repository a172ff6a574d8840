/**
 * Cuts the committed sample feed `data/sample/si/` out of the full Staten Island bus feed
 * (`../shared/feeds/nyc-staten-island-bus.zip`): a few routes with all their trips, stop_times,
 * stops (plus parent stations), shapes and the whole calendar rows of their services.
 * Run with `npx tsx scripts/cut-sample-feed.ts`; the output depends only on the input zip.
 *
 * The routes all reach St. George Ferry Terminal (on separate ramps, a short walk apart) and meet
 * elsewhere too: S40 and S44 share Richmond Terrace, S44 and SIM4C share Richmond Av, S96 and
 * S98 cross S40 on the North Shore.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import StreamZip from 'node-stream-zip';

/** Local routes S40, S42, S44, S96 (limited), S98 (limited) and the express SIM4C. */
const KEEP_ROUTES = new Set(['S40', 'S42', 'S44', 'S96', 'S98', 'SIM4C']);

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceZip = join(repoRoot, '..', 'shared', 'feeds', 'nyc-staten-island-bus.zip');
const outDir = join(repoRoot, 'data', 'sample', 'si');

interface Table {
  readonly header: string[];
  readonly rows: string[][];
}

type Row = (column: string) => string;

/** Reads one file of the zip, keeping the rows `keep` accepts, in file order. */
async function readTable(
  zip: StreamZip.StreamZipAsync,
  name: string,
  keep: (row: Row) => boolean,
): Promise<Table> {
  const parser = (await zip.stream(name)).pipe(parse({ bom: true, relax_column_count: false }));
  let header: string[] | undefined;
  const rows: string[][] = [];
  for await (const record of parser as AsyncIterable<string[]>) {
    if (header === undefined) {
      header = record;
      continue;
    }
    const columns = header;
    if (keep((column) => record[columns.indexOf(column)] ?? '')) rows.push(record);
  }
  if (header === undefined) throw new Error(`${name} has no header`);
  return { header, rows };
}

/** Column values of a table. */
function valuesOf(table: Table, column: string): Set<string> {
  const i = table.header.indexOf(column);
  return new Set(i < 0 ? [] : table.rows.map((row) => row[i] ?? ''));
}

/** The stops that stop_times use, and their parent stations. */
async function readStops(zip: StreamZip.StreamZipAsync, used: ReadonlySet<string>): Promise<Table> {
  const stops = await readTable(zip, 'stops.txt', (r) => used.has(r('stop_id')));
  const parents = valuesOf(stops, 'parent_station');
  parents.delete('');
  if (parents.size === 0) return stops;
  return readTable(zip, 'stops.txt', (r) => used.has(r('stop_id')) || parents.has(r('stop_id')));
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

async function writeTable(name: string, table: Table): Promise<number> {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvField).join(','));
  const text = lines.join('\n') + '\n';
  await writeFile(join(outDir, name), text);
  return Buffer.byteLength(text);
}

async function main(): Promise<void> {
  const zip = new StreamZip.async({ file: sourceZip });
  try {
    const names = new Set(Object.keys(await zip.entries()));
    const all = (): boolean => true;
    const routes = await readTable(zip, 'routes.txt', (r) => KEEP_ROUTES.has(r('route_id')));
    const trips = await readTable(zip, 'trips.txt', (r) => KEEP_ROUTES.has(r('route_id')));
    const tripIds = valuesOf(trips, 'trip_id');
    const serviceIds = valuesOf(trips, 'service_id');
    const shapeIds = valuesOf(trips, 'shape_id');
    const stopTimes = await readTable(zip, 'stop_times.txt', (r) => tripIds.has(r('trip_id')));
    const stops = await readStops(zip, valuesOf(stopTimes, 'stop_id'));
    const tables: [string, Table][] = [
      ['agency.txt', await readTable(zip, 'agency.txt', all)],
      ['routes.txt', routes],
      ['trips.txt', trips],
      ['stop_times.txt', stopTimes],
      ['stops.txt', stops],
    ];
    if (names.has('shapes.txt'))
      tables.push([
        'shapes.txt',
        await readTable(zip, 'shapes.txt', (r) => shapeIds.has(r('shape_id'))),
      ]);
    for (const name of ['calendar.txt', 'calendar_dates.txt']) {
      if (names.has(name))
        tables.push([name, await readTable(zip, name, (r) => serviceIds.has(r('service_id')))]);
    }
    if (names.has('feed_info.txt'))
      tables.push(['feed_info.txt', await readTable(zip, 'feed_info.txt', all)]);
    const skipped = [...names].filter((name) => !tables.some(([kept]) => kept === name));
    if (skipped.length > 0)
      console.warn(`not copied (the sample does not need them): ${skipped.join(', ')}`);

    await rm(outDir, { recursive: true, force: true });
    await mkdir(outDir, { recursive: true });
    let totalBytes = 0;
    for (const [name, table] of tables) {
      const bytes = await writeTable(name, table);
      totalBytes += bytes;
      console.log(
        `${name.padEnd(20)} ${String(table.rows.length).padStart(7)} rows ${(bytes / 1e6).toFixed(2).padStart(6)} MB`,
      );
    }
    console.log(
      `wrote ${relative(repoRoot, outDir)}/: ${[...KEEP_ROUTES].join(', ')}; ${(totalBytes / 1e6).toFixed(2)} MB`,
    );
  } finally {
    await zip.close();
  }
}

await main();
