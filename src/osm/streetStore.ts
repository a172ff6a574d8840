import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { StreetGraphMeta } from '../streets/index.js';

/**
 * Where compiled street graphs are kept, one per area. On files today; the database (when
 * `DATABASE_URL` is set) will implement the same interface.
 */
export interface StreetStore {
  /** Metadata of every stored area, by area. */
  list(): StreetGraphMeta[];
  /** The stored graph bytes of `area`; undefined when none. */
  read(area: string): Uint8Array | undefined;
  /** Stores (or replaces, atomically) the graph of `meta.area`. */
  write(meta: StreetGraphMeta, bytes: Uint8Array): void;
  /** Deletes the graph of `area`; false when there was none. */
  remove(area: string): boolean;
}

/** `DATA_DIR/streets/<area>.bin` with `<area>.json` beside it; written to a temp file and renamed. */
export function fileStreetStore(dataDir: string): StreetStore {
  const dir = path.join(dataDir, 'streets');
  const bin = (area: string) => path.join(dir, `${area}.bin`);
  const json = (area: string) => path.join(dir, `${area}.json`);
  const writeAtomic = (file: string, data: Uint8Array | string) => {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  };
  return {
    list() {
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter(
          (f) => f.endsWith('.json') && existsSync(path.join(dir, f.replace(/\.json$/, '.bin'))),
        )
        .sort()
        .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as StreetGraphMeta);
    },
    read(area) {
      return existsSync(bin(area)) ? new Uint8Array(readFileSync(bin(area))) : undefined;
    },
    write(meta, bytes) {
      mkdirSync(dir, { recursive: true });
      // The graph first, then its metadata: a listed area always has its graph.
      writeAtomic(bin(meta.area), bytes);
      writeAtomic(json(meta.area), JSON.stringify(meta, null, 2));
    },
    remove(area) {
      if (!existsSync(json(area)) && !existsSync(bin(area))) return false;
      rmSync(json(area), { force: true });
      rmSync(bin(area), { force: true });
      return true;
    },
  };
}
