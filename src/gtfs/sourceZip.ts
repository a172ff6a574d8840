import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { BadInputError } from '../errors.js';

/** Largest feed fetched from a URL for the shared store, bytes (1 GiB). */
const MAX_URL_BYTES = 1024 ** 3;

/**
 * The bytes of a feed source as a GTFS zip, for the shared store (DESIGN.md §9): a zip file as it
 * is, a folder's `.txt` files zipped, a URL fetched.
 */
export async function sourceZip(source: string): Promise<Buffer> {
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source);
    if (!res.ok) throw new BadInputError(`fetching ${source} answered HTTP ${res.status}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (bytes.length > MAX_URL_BYTES) throw new BadInputError(`${source} is over 1 GiB`);
    return bytes;
  }
  const stat = statSync(source, { throwIfNoEntry: false });
  if (!stat) throw new BadInputError(`feed source ${source} does not exist`);
  if (!stat.isDirectory()) return readFile(source);
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(source)) {
    if (name.endsWith('.txt')) files[name] = await readFile(path.join(source, name));
  }
  return Buffer.from(zipSync(files));
}
