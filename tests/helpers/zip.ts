import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';

/** Zips the .txt files of a GTFS folder in memory, optionally replacing or dropping files. */
export function zipFeedFolder(dir: string, edit: Record<string, string | null> = {}): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.txt')) continue;
    files[name] = readFileSync(path.join(dir, name));
  }
  const entries = Object.entries(files).filter(([name]) => edit[name] !== null);
  for (const [name, content] of Object.entries(edit)) {
    if (content !== null) entries.push([name, Buffer.from(content)]);
  }
  return Buffer.from(zipSync(Object.fromEntries(entries)));
}
