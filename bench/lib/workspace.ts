import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../../src/api/http/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { closeServices, createServices } from '../../src/createServices.js';
import type { Services } from '../../src/services.js';
import type { CompileOptions } from '../../src/transit/compile.js';
import type { Network } from '../../src/transit/network.js';
import { startServer, type BenchServer } from './http.js';
import { progress } from './report.js';

/** The repository root (bench/lib/../..). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The real feeds the benchmark imports, by the feed id they are served under. */
export const FEED_ZIPS = {
  si: path.resolve(REPO_ROOT, '../shared/feeds/nyc-staten-island-bus.zip'),
  subway: path.resolve(REPO_ROOT, '../shared/feeds/nyc-subway.zip'),
} as const;

/** A feed id of `FEED_ZIPS`. */
export type BenchFeedId = keyof typeof FEED_ZIPS;

/** How long one `FeedService.importFeed` took, in total and per reported phase (seconds). */
export interface ImportTiming {
  totalSeconds: number;
  /** Until FeedService reports the `compile` phase: spawn, unpack, validation and node-gtfs import. */
  childSeconds: number;
  /** From the `compile` phase to the end: readFeedSource + compileTimetable of every feed, publish. */
  compileSeconds: number;
  /** Seconds from the start of each phase to the start of the next, in order. */
  phases: { phase: string; seconds: number }[];
}

/**
 * A temporary data folder with the real services on it: feeds imported once per run through
 * FeedService (child process node-gtfs import + validation) and one HTTP server shared by the
 * sections. `close()` removes everything.
 */
export class Workspace {
  readonly services: Services;
  private readonly imports = new Map<BenchFeedId, ImportTiming>();
  private server: BenchServer | undefined;
  private honoApp: Hono | undefined;

  private constructor(
    readonly dataDir: string,
    readonly config: Config,
  ) {
    this.services = createServices(config);
  }

  /** A workspace on a fresh folder under the OS temp directory, logging silenced. */
  static create(): Workspace {
    for (const zip of Object.values(FEED_ZIPS)) {
      if (!existsSync(zip))
        throw new Error(`feed not found: ${zip} (the benchmark needs ../shared/feeds)`);
    }
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maas-bench-'));
    return new Workspace(dataDir, {
      ...loadConfig({}),
      dataDir,
      logLevel: 'silent',
      loadSample: false,
    });
  }

  /** The compile settings the server uses (walk circuity, transfer radius). */
  get compileOptions(): CompileOptions {
    return {
      walkCircuity: this.config.walkCircuity,
      maxTransferMeters: this.config.maxTransferMeters,
    };
  }

  /** The network the server publishes now (every feed imported so far). */
  get network(): Network {
    const net = this.services.feeds.network;
    if (!net) throw new Error('no feed imported yet');
    return net;
  }

  /** Imports `feedId` through FeedService unless this run already did; returns how long it took. */
  async ensureFeed(feedId: BenchFeedId): Promise<ImportTiming> {
    const done = this.imports.get(feedId);
    if (done) return done;
    progress(`importing ${feedId} (${path.basename(FEED_ZIPS[feedId])}) through FeedService…`);
    const phases: { phase: string; startedMs: number }[] = [];
    const started = performance.now();
    await this.services.feeds.importFeed(feedId, FEED_ZIPS[feedId], (p) => {
      if (phases[phases.length - 1]?.phase !== p.phase)
        phases.push({ phase: p.phase, startedMs: performance.now() });
    });
    const ended = performance.now();
    const compileStartMs = phases.find((p) => p.phase === 'compile')?.startedMs ?? ended;
    const timing: ImportTiming = {
      totalSeconds: (ended - started) / 1000,
      childSeconds: (compileStartMs - started) / 1000,
      compileSeconds: (ended - compileStartMs) / 1000,
      phases: phases.map((p, i) => ({
        phase: p.phase,
        seconds: ((phases[i + 1]?.startedMs ?? ended) - (i === 0 ? started : p.startedMs)) / 1000,
      })),
    };
    this.imports.set(feedId, timing);
    progress(`imported ${feedId} in ${timing.totalSeconds.toFixed(1)} s`);
    return timing;
  }

  /** The node-gtfs SQLite file of an imported feed, and when it was imported. */
  feedFile(feedId: BenchFeedId): { sqlitePath: string; importedAtMs: number } {
    const row = this.services.feeds.list().find((r) => r.id === feedId);
    if (!row) throw new Error(`feed ${feedId} is not imported`);
    return {
      sqlitePath: path.join(this.dataDir, 'feeds', row.fileName),
      importedAtMs: row.importedAt.getTime(),
    };
  }

  /** The real app (createApp), built once; `app.request()` runs it without a socket. */
  get app(): Hono {
    this.honoApp ??= createApp(this.services);
    return this.honoApp;
  }

  /** `app` served on 127.0.0.1; started once, on first use. */
  async http(): Promise<BenchServer> {
    this.server ??= await startServer(this.app);
    return this.server;
  }

  /** Stops the server, closes the services and deletes the data folder. */
  async close(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
    await closeServices(this.services);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
