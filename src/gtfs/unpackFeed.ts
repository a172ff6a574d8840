import { createWriteStream } from 'node:fs';
import { mkdtemp, open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import StreamZip from 'node-stream-zip';
import { FeedInvalidError } from './errors.js';

/** Limits of unpackFeed; the defaults leave room for any real agency's feed. */
export interface UnpackLimits {
  /** Milliseconds allowed for a whole download; default 120 000. */
  readonly downloadTimeoutMs?: number;
  /** Bytes allowed for the zip itself (download or file); default 1 GiB. */
  readonly maxZipBytes?: number;
  /** Bytes allowed for the unpacked .txt files together; default 4 GiB. */
  readonly maxUnpackedBytes?: number;
}

const GiB = 1024 ** 3;
const DEFAULTS: Required<UnpackLimits> = {
  downloadTimeoutMs: 120_000,
  maxZipBytes: GiB,
  maxUnpackedBytes: 4 * GiB,
};

/**
 * Turns a GTFS source (a zip file, a folder, or an http(s) URL of a zip) into a folder of .txt
 * files and returns that folder: downloads and unpacks go into `workDir`, which the caller owns
 * and removes. A folder source is returned as it is (or its single subfolder holding the files).
 */
export async function unpackFeed(
  source: string,
  workDir: string,
  limits: UnpackLimits = {},
): Promise<string> {
  const limit = { ...DEFAULTS, ...limits };
  const isUrl = /^https?:\/\//i.test(source);
  const file = isUrl ? await download(source, workDir, limit) : source;
  const info = await stat(file).catch(() => undefined);
  if (info === undefined) throw new Error(`feed source not found: ${source}`);
  if (info.isDirectory()) return findTextFolder(file);
  if (info.size === 0) throw new FeedInvalidError('feed is empty (0 bytes)');
  if (info.size > limit.maxZipBytes) {
    throw new FeedInvalidError(
      `feed is too large (${info.size} bytes, at most ${limit.maxZipBytes})`,
    );
  }
  await checkZipSignature(file);
  return extractTextFiles(file, await mkdtemp(path.join(workDir, 'feed-')), limit.maxUnpackedBytes);
}

async function download(
  url: string,
  workDir: string,
  limit: Required<UnpackLimits>,
): Promise<string> {
  const file = path.join(workDir, 'download.zip');
  const why = (error: unknown): string =>
    error instanceof Error && error.name === 'TimeoutError'
      ? `no complete answer within ${limit.downloadTimeoutMs / 1000} s`
      : error instanceof FeedInvalidError
        ? error.message
        : String((error as { cause?: unknown }).cause ?? error);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(limit.downloadTimeoutMs) });
    if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    await pipeline(body, byteLimit(limit.maxZipBytes), createWriteStream(file));
  } catch (error) {
    throw new FeedInvalidError(`could not download the feed from ${url}: ${why(error)}`);
  }
  return file;
}

function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new FeedInvalidError(`feed is larger than ${maxBytes} bytes`));
      else done(null, chunk);
    },
  });
}

async function checkZipSignature(file: string): Promise<void> {
  const handle = await open(file, 'r');
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (head.equals(Buffer.from('PK\x05\x06', 'latin1'))) {
    throw new FeedInvalidError('feed is empty (the zip archive has no files)');
  }
  if (!head.equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    const start = JSON.stringify(head.toString('latin1'));
    throw new FeedInvalidError(`upload is not a zip archive (it starts with ${start}, not "PK")`);
  }
}

async function extractTextFiles(
  zipFile: string,
  outDir: string,
  maxBytes: number,
): Promise<string> {
  const zip = new StreamZip.async({ file: zipFile });
  try {
    const entries = await zip.entries().catch((error: unknown) => {
      throw zipError(error);
    });
    const texts = Object.values(entries).filter(
      (e) => e.isFile && e.name.endsWith('.txt') && !e.name.startsWith('__MACOSX/'),
    );
    const chosen = chooseFolder(texts.map((e) => e.name));
    const unpackedBytes = texts.reduce((sum, e) => sum + (chosen.has(e.name) ? e.size : 0), 0);
    if (unpackedBytes > maxBytes) {
      throw new FeedInvalidError(
        `zip archive unpacks to ${unpackedBytes} bytes, more than ${maxBytes}`,
      );
    }
    for (const name of chosen) {
      // Only the base name is used, so no entry can write outside outDir (zip-slip).
      await zip
        .extract(name, path.join(outDir, path.posix.basename(name)))
        .catch((error: unknown) => {
          throw zipError(error);
        });
    }
    return outDir;
  } finally {
    // close() rejects with the opening error too; the error worth reporting is already thrown.
    await zip.close().catch(() => undefined);
  }
}

/** The .txt entries at the top level, else those of the one folder that holds them all. */
function chooseFolder(names: readonly string[]): Set<string> {
  if (names.length === 0)
    throw new FeedInvalidError('feed is empty (the zip archive has no .txt files)');
  const folders = new Set(names.map((name) => path.posix.dirname(name)));
  if (folders.has('.')) return new Set(names.filter((name) => path.posix.dirname(name) === '.'));
  if (folders.size === 1) return new Set(names);
  const list = [...folders].sort().join(', ');
  throw new FeedInvalidError(
    `zip archive has .txt files in several folders (${list}); put them in one`,
  );
}

function zipError(error: unknown): Error {
  if (error instanceof FeedInvalidError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const malicious = /^Malicious entry: (.*)$/.exec(message);
  if (malicious) {
    return new FeedInvalidError(`zip entry "${malicious[1] ?? ''}" points outside the archive`);
  }
  return new FeedInvalidError(`upload is not a zip archive, or a damaged one (${message})`);
}

async function findTextFolder(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.endsWith('.txt'))) return dir;
  const folders = entries.filter((e) => e.isDirectory() && e.name !== '__MACOSX');
  if (folders.length === 1 && folders[0] !== undefined) {
    const inner = path.join(dir, folders[0].name);
    const files = await readdir(inner);
    if (files.some((name) => name.endsWith('.txt'))) return inner;
  }
  throw new FeedInvalidError('feed is empty (the folder has no .txt files)');
}
