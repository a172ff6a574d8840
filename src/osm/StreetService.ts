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
  list(): StreetGraphMeta[] {
    return this.deps.store.list();
  }

  /** Loads every stored graph (at start-up); a graph that cannot be read is logged and skipped. */
  loadAll(): StreetNetwork {
    const graphs: StreetGraph[] = [];
    for (const meta of this.list()) {
      try {
        const bytes = this.deps.store.read(meta.area);
        if (bytes) graphs.push(decodeStreetGraph(bytes));
      } catch (error) {
        this.deps.logger.error({ err: error, area: meta.area }, 'street graph unreadable; skipped');
      }
    }
    this.publish(new StreetNetwork(graphs));
    return this.current;
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
    this.deps.store.write(graph.meta, encodeStreetGraph(graph));
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
    const run = this.queue.then(() => {
      if (!this.deps.store.remove(area))
        throw new NotFoundError(`streets "${area}" are not loaded`);
      this.publish(new StreetNetwork(this.current.graphs.filter((g) => g.meta.area !== area)));
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Picks up graphs imported or removed by another process on the same data folder (the CLI,
   * another worker): every `intervalMs` (default 2 s) compares the stored areas and import times
   * with what is served and reloads when they differ. Returns a stop function.
   */
  watch(intervalMs = 2000): () => void {
    const key = (metas: readonly StreetGraphMeta[]) =>
      metas
        .map((m) => `${m.area}@${m.importedAtMs}`)
        .sort()
        .join(',');
    const timer = setInterval(() => {
      if (key(this.list()) === key(this.current.graphs.map((g) => g.meta))) return;
      const run = this.queue.then(() => {
        if (key(this.list()) === key(this.current.graphs.map((g) => g.meta))) return;
        this.loadAll();
        this.deps.logger.info(
          { areas: this.list().map((m) => m.area) },
          'picked up streets changed by another process',
        );
      });
      this.queue = run.catch((error: unknown) => {
        this.deps.logger.error(
          { err: error },
          'reloading streets failed; the previous graphs serve',
        );
      });
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private publish(net: StreetNetwork): void {
    this.current = net;
    for (const listener of this.listeners) listener(net);
  }
}
