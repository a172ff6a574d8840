import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { BadInputError, NotFoundError } from '../errors.js';
import {
  decodeStreetGraph,
  encodeStreetGraph,
  graphBytes,
  StreetGraphBuilder,
  StreetNetwork,
  type BuildOptions,
  type StreetGraph,
  type StreetGraphMeta,
} from '../streets/index.js';
import { readExtract, type StreetImportProgress } from './readExtract.js';
import type { StreetStore } from './streetStore.js';

const AREA = /^[A-Za-z0-9_-]{1,32}$/;

/** What an import published. */
export interface ImportedStreets {
  meta: StreetGraphMeta;
  /** Bytes of the graph in memory. */
  memoryBytes: number;
  /** Wall time of parsing, building and storing, ms. */
  importMs: number;
}

/**
 * Owns the street graphs (DESIGN.md §10): imports extracts, stores the compiled graphs and
 * publishes them as one immutable `StreetNetwork`; a failed import leaves the previous one serving.
 */
export class StreetService {
  private current = new StreetNetwork([]);
  /** `versionOf` the stored graphs that failed to decode: not read again until they change. */
  private unreadable = new Set<string>();
  private readonly listeners = new Set<(net: StreetNetwork) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: {
      store: StreetStore;
      logger: Logger;
      nowMs: () => number;
      build?: BuildOptions;
    },
  ) {}

  /** The graphs every new request reads (none loaded: an empty network). */
  get network(): StreetNetwork {
    return this.current;
  }

  /** Calls `listener` with every newly published network. */
  onPublish(listener: (net: StreetNetwork) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stored areas. */
  list(): Promise<StreetGraphMeta[]> {
    return this.deps.store.list();
  }

  /**
   * Loads every stored graph (at start-up), one at a time; a graph that cannot be decoded is
   * logged and skipped. Rejects when the store cannot be read (what is served stays).
   */
  loadAll(): Promise<StreetNetwork> {
    const run = this.queue.then(async () => {
      await this.reload();
      return this.current;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Imports an extract file as the graph of `area`; the previous graph serves until it is stored. */
  importExtract(
    area: string,
    file: string,
    onProgress?: (p: StreetImportProgress) => void,
  ): Promise<ImportedStreets> {
    if (!AREA.test(area)) throw new BadInputError('area must be 1-32 letters, digits, "-" or "_"');
    const run = this.queue.then(() => this.importNow(area, file, onProgress));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Imports an extract received over HTTP, through a temp file. */
  async importBytes(area: string, bytes: Uint8Array): Promise<ImportedStreets> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'maas-streets-'));
    try {
      const file = path.join(dir, 'extract.osm.pbf');
      await writeFile(file, bytes);
      return await this.importExtract(area, file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async importNow(
    area: string,
    file: string,
    onProgress?: (p: StreetImportProgress) => void,
  ): Promise<ImportedStreets> {
    const started = performance.now();
    const builder = new StreetGraphBuilder();
    await readExtract(file, builder, onProgress);
    onProgress?.({ phase: 'build' });
    const graph = builder.build(
      { area, source: path.basename(file), importedAtMs: this.deps.nowMs() },
      this.deps.build,
    );
    if (graph.meta.counts.segments === 0)
      throw new BadInputError(
        `the extract has no streets to walk or drive on (${builder.highwayWays} highway ways, none routable after pruning)`,
      );
    onProgress?.({ phase: 'store' });
    await this.deps.store.write(graph.meta, encodeStreetGraph(graph));
    this.forgetUnreadable(area);
    const others = this.current.graphs.filter((g) => g.meta.area !== area);
    this.publish(new StreetNetwork([...others, graph]));
    onProgress?.({ phase: 'done' });
    const importMs = performance.now() - started;
    this.deps.logger.info(
      { area, ...graph.meta.counts, ms: Math.round(importMs) },
      'streets imported',
    );
    return { meta: graph.meta, memoryBytes: graphBytes(graph), importMs };
  }

  /** Stops using the graph of `area` and deletes it. */
  async remove(area: string): Promise<void> {
    const run = this.queue.then(async () => {
      if (!(await this.deps.store.remove(area)))
        throw new NotFoundError(`streets "${area}" are not loaded`);
      this.forgetUnreadable(area);
      this.publish(new StreetNetwork(this.current.graphs.filter((g) => g.meta.area !== area)));
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Picks up graphs imported or removed by another process (the CLI, another worker on this data
   * folder, another replica on the shared database): on every change the store announces, on
   * every reconnect, and every `intervalMs` (default 2 s) compares the stored areas and import
   * times with what is served and reloads the graphs that differ. A store that cannot be read is
   * logged once and the current graphs keep serving. Resolves with a stop function.
   */
  async follow(intervalMs = 2000): Promise<() => void> {
    let busy = false;
    let again = false;
    let failing = false;
    const check = () => {
      if (busy) {
        again = true; // a change announced during a check may postdate what it listed
        return;
      }
      busy = true;
      again = false;
      this.reloadIfChanged()
        .then((changed) => {
          if (failing) this.deps.logger.info('street graphs readable again');
          failing = false;
          if (changed)
            this.deps.logger.info(
              { areas: this.current.graphs.map((g) => g.meta.area) },
              'picked up streets changed by another process',
            );
        })
        .catch((error: unknown) => {
          if (!failing)
            this.deps.logger.error(
              { err: error },
              'reading the stored streets failed; the current graphs keep serving',
            );
          failing = true;
        })
        .finally(() => {
          busy = false;
          if (again) check();
        });
    };
    const timer = setInterval(check, intervalMs);
    timer.unref();
    const stopListening = await this.deps.store.listen?.(check).catch((error: unknown) => {
      this.deps.logger.error({ err: error }, 'listening for street changes failed; polling only');
      return undefined;
    });
    return () => {
      clearInterval(timer);
      void stopListening?.().catch(() => undefined);
    };
  }

  /** Reloads when the stored areas or their import times differ from what is served. */
  private async reloadIfChanged(): Promise<boolean> {
    if (versionKey((await this.list()).map(versionOf)) === this.servedKey()) return false;
    const run = this.queue.then(() => this.reload());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Brings the served graphs to the stored ones: keeps the graphs whose import time is unchanged,
   * reads the others; publishes when anything changed. A store error leaves what is served.
   */
  private async reload(): Promise<boolean> {
    const metas = await this.list();
    const served = new Map(this.current.graphs.map((g) => [versionOf(g.meta), g]));
    const graphs: StreetGraph[] = [];
    const unreadable = new Set<string>();
    for (const meta of metas) {
      const version = versionOf(meta);
      const same = served.get(version);
      if (same) graphs.push(same);
      else if (this.unreadable.has(version)) unreadable.add(version);
      else {
        const bytes = await this.deps.store.read(meta.area);
        if (!bytes) continue; // removed meanwhile: the next check sees it
        try {
          graphs.push(decodeStreetGraph(bytes));
        } catch (error) {
          this.deps.logger.error(
            { err: error, area: meta.area },
            'street graph unreadable; skipped',
          );
          unreadable.add(version);
        }
      }
    }
    this.unreadable = unreadable;
    const before = this.current.graphs;
    if (graphs.length === before.length && graphs.every((g, i) => g === before[i])) return false;
    this.publish(new StreetNetwork(graphs));
    return true;
  }

  /** What is served, as `versionKey` of the graphs and of the stored graphs that did not decode. */
  private servedKey(): string {
    return versionKey([...this.current.graphs.map((g) => versionOf(g.meta)), ...this.unreadable]);
  }

  private forgetUnreadable(area: string): void {
    for (const version of this.unreadable)
      if (version.startsWith(`${area}@`)) this.unreadable.delete(version);
  }

  private publish(net: StreetNetwork): void {
    this.current = net;
    for (const listener of this.listeners) listener(net);
  }
}

/** One stored graph version: its area and import time. */
function versionOf(meta: StreetGraphMeta): string {
  return `${meta.area}@${meta.importedAtMs}`;
}

/** Graph versions in one comparable string. */
function versionKey(versions: string[]): string {
  return [...versions].sort().join(',');
}
