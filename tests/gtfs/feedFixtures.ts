import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The committed sample feed (six Staten Island routes). */
export const SAMPLE_DIR = path.join(repoRoot, 'data', 'sample', 'si');

/** The full Staten Island bus feed, outside the repository; tests skip when it is absent. */
export const SI_ZIP = path.join(repoRoot, '..', 'shared', 'feeds', 'nyc-staten-island-bus.zip');
export const HAVE_SHARED_FEEDS = existsSync(SI_ZIP);
if (!HAVE_SHARED_FEEDS) console.warn(`skipping tests on the full SI feed: ${SI_ZIP} is absent`);

const tempDirs: string[] = [];

/** A fresh temporary folder, removed by `removeTempDirs`. */
export async function tempDir(prefix = 'maas-gtfs-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Removes every folder made by `tempDir`; call in afterAll. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A copy of the sample feed in a temporary folder, to break one thing in. */
export async function copySample(): Promise<string> {
  const dir = await tempDir();
  await cp(SAMPLE_DIR, dir, { recursive: true });
  return dir;
}

/** Rewrites a feed file line by line; `lines[0]` is the header (file line 1). */
export async function editLines(
  dir: string,
  file: string,
  edit: (lines: string[]) => string[],
): Promise<void> {
  const text = await readFile(path.join(dir, file), 'utf8');
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  await writeFile(path.join(dir, file), edit(lines).join('\n') + '\n');
}

/** Replaces the value of `column` on file line `line` (1-based, header = 1). */
export async function setField(
  dir: string,
  file: string,
  line: number,
  column: string,
  value: string,
): Promise<void> {
  await editLines(dir, file, (lines) => {
    const header = lines[0]!.split(',');
    const fields = lines[line - 1]!.split(',');
    fields[header.indexOf(column)] = value;
    lines[line - 1] = fields.join(',');
    return lines;
  });
}

/** Reads one field of a feed file: `column` on file line `line`. */
export async function getField(
  dir: string,
  file: string,
  line: number,
  column: string,
): Promise<string> {
  const lines = (await readFile(path.join(dir, file), 'utf8')).split('\n');
  return lines[line - 1]!.split(',')[lines[0]!.split(',').indexOf(column)]!;
}

/** Data rows of a feed file (lines after the header, blank ones left out). */
export async function countRows(dir: string, file: string): Promise<number> {
  const text = await readFile(path.join(dir, file), 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '').length - 1;
}

/** Asserts a rejection with FEED_INVALID whose message contains every `parts` entry, in order. */
export async function expectFeedInvalid(
  promise: Promise<unknown>,
  expected: { file?: string; line?: number; parts: readonly string[] },
): Promise<Error & { file?: string; line?: number }> {
  const error = (await promise.then(
    () => expect.fail('expected FEED_INVALID, but it resolved'),
    (e: unknown) => e,
  )) as Error & { code?: string; file?: string; line?: number };
  expect(error.code).toBe('FEED_INVALID');
  let from = 0;
  for (const part of expected.parts) {
    const at = error.message.indexOf(part, from);
    expect(at, `"${part}" in: ${error.message}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
  if (expected.file !== undefined) expect(error.file).toBe(expected.file);
  if (expected.line !== undefined) expect(error.line).toBe(expected.line);
  return error;
}
