import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StreetGraphMeta } from '../streets/index.js';

/**
 * Where compiled street graphs are kept, one per area: files under `DATA_DIR` (`fileStreetStore`),
 * or the shared database when `DATABASE_URL` is set (`pgStreetStore`, DESIGN.md §9).
 */
export interface StreetStore {
  /** Metadata of every stored area, by area. */
  list(): Promise<StreetGraphMeta[]>;
  /** The stored graph bytes of `area`; undefined when none. */
  read(area: string): Promise<Uint8Array | undefined>;
  /** Stores (or replaces, atomically) the graph of `meta.area`. */
  write(meta: StreetGraphMeta, bytes: Uint8Array): Promise<void>;
  /** Deletes the graph of `area`; false when there was none. */
  remove(area: string): Promise<boolean>;
  /**
   * Calls `onChange` on every change any process announces and on every (re)connect; resolves
   * with a stop function. Absent: changes are found by polling `list()` only.
   */
  listen?(onChange: () => void): Promise<() => Promise<void>>;
}

/** `DATA_DIR/streets/<area>.bin` with `<area>.json` beside it; written to a temp file and renamed. */
export function fileStreetStore(dataDir: string): StreetStore {
  const dir = path.join(dataDir, 'streets');
  const bin = (area: string) => path.join(dir, `${area}.bin`);
  const json = (area: string) => path.join(dir, `${area}.json`);
  const writeAtomic = async (file: string, data: Uint8Array | string) => {
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, file);
  };
  return {
    async list() {
      if (!existsSync(dir)) return [];
      const names = (await readdir(dir))
        .filter(
          (f) => f.endsWith('.json') && existsSync(path.join(dir, f.replace(/\.json$/, '.bin'))),
        )
        .sort();
      return Promise.all(
        names.map(
          async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as StreetGraphMeta,
        ),
      );
    },
    async read(area) {
      try {
        return new Uint8Array(await readFile(bin(area)));
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(meta, bytes) {
      await mkdir(dir, { recursive: true });
      // The graph first, then its metadata: a listed area always has its graph.
      await writeAtomic(bin(meta.area), bytes);
      await writeAtomic(json(meta.area), JSON.stringify(meta, null, 2));
    },
    async remove(area) {
      if (!existsSync(json(area)) && !existsSync(bin(area))) return false;
      await rm(json(area), { force: true });
      await rm(bin(area), { force: true });
      return true;
    },
  };
}
