import { mkdirSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { AppDb } from '../db/index.js';
import { feeds, type FeedRow } from '../db/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import {
  compileTimetable,
  feedValidityWarning,
  localDayOf,
  Network,
  type CompileOptions,
  type FeedMeta,
  type FeedValidityWarning,
} from '../transit/index.js';
import { encodeStreetGraph, type StreetNetwork } from '../streets/index.js';
import { compileInWorker } from './compileInWorker.js';
import { readFeedSource } from './readFeedSource.js';
import { runImportInChild } from './runImportInChild.js';
import { removeSqliteFile } from './sqliteFiles.js';
import type { SharedFeed, SharedFeedStore } from './sharedFeedStore.js';
import { sourceZip } from './sourceZip.js';

/** Progress of an import, for the CLI's progress bar. */
export type ImportProgress = { phase: string; fraction?: number; message?: string };

/** What an import published: the registry row, the feed as served, and warnings about it. */
export interface ImportedFeed {
  row: FeedRow;
  feed: FeedMeta;
  /** Set when the feed's service has ended or starts far ahead (the import went through). */
  warnings: FeedValidityWarning[];
}

const FEED_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Owns the served feeds: imports new versions (in a child process), compiles the timetable and
 * publishes it as a new `Network`; the previous network serves until the swap and after a failure.
 */
export class FeedService {
  private current: Network | undefined;
  private readonly listeners = new Set<(net: Network) => void>();
  /** Imports run one at a time, so versions and swaps never interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: {
      db: AppDb;
      dataDir: string;
      logger: Logger;
      compile: CompileOptions;
      nowMs: () => number;
      /** The shared registry and feed zips (DATABASE_URL); absent, the data folder is the registry. */
      shared?: SharedFeedStore;
      /** The street graphs footpaths are walked on (DESIGN.md §10); none: straight lines. */
      streets?: () => StreetNetwork;
    },
  ) {}

  /** The network every new request reads; undefined until a feed is loaded. */
  get network(): Network | undefined {
    return this.current;
  }

  /** Calls `listener` with every newly published network. */
  onPublish(listener: (net: Network) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private get feedDir(): string {
    return path.join(this.deps.dataDir, 'feeds');
  }

  /** Feeds registered in the data folder. */
  list(): FeedRow[] {
    return this.deps.db.select().from(feeds).orderBy(feeds.id).all();
  }

  /** The feeds every replica serves: the shared registry (DATABASE_URL), else this data folder's. */
  registry(): Promise<SharedFeed[]> {
    return this.deps.shared ? this.deps.shared.list() : Promise.resolve(this.list());
  }

  /** Compiles and publishes every registered feed (at start-up). */
  loadAll(): Network | undefined {
    const rows = this.list();
    if (rows.length === 0) return undefined;
    const started = performance.now();
    const net = this.compile(rows);
    this.publish(net);
    this.deps.logger.info(
      { feeds: rows.map((r) => r.id), ms: Math.round(performance.now() - started) },
      'timetable compiled',
    );
    return net;
  }

  /**
   * Imports `source` (zip, folder or URL) as the next version of `feedId`: the import and
   * validation run in a child process into a new file; only when that file compiles is it
   * registered and published. Any failure leaves the previous version serving.
   */
  importFeed(
    feedId: string,
    source: string,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<ImportedFeed> {
    if (!FEED_ID.test(feedId)) {
      throw new BadInputError('feedId must be 1-32 letters, digits, "-" or "_"');
    }
    const run = this.queue.then(() => this.importNow(feedId, source, onProgress));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Imports a zip received over the network (REST body or GraphQL upload) through a temp file. */
  async importBytes(feedId: string, zip: Uint8Array): Promise<ImportedFeed> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'maas-upload-'));
    try {
      const file = path.join(dir, 'feed.zip');
      await writeFile(file, zip);
      return await this.importFeed(feedId, file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async importNow(
    feedId: string,
    source: string,
    onProgress?: (p: ImportProgress) => void,
    /** A version another replica published: imported here as it is, not published again. */
    published?: SharedFeed,
  ): Promise<ImportedFeed> {
    mkdirSync(this.feedDir, { recursive: true });
    const { shared } = this.deps;
    const previous = this.deps.db.select().from(feeds).where(eq(feeds.id, feedId)).get();
    // Read before the import: a URL is fetched once, and the bytes stored are the bytes imported.
    const zip = shared && !published ? await sourceZip(source) : undefined;
    const version =
      published?.version ??
      Math.max((previous?.version ?? 0) + 1, shared ? await shared.nextVersion(feedId) : 0);
    const fileName = `${feedId}.v${version}.${Date.now().toString(36)}.sqlite`;
    const file = path.join(this.feedDir, fileName);
    await runImportInChild(source, file, onProgress);
    try {
      onProgress?.({ phase: 'compile' });
      const row: FeedRow = {
        id: feedId,
        fileName,
        version,
        importedAt: published?.importedAt ?? new Date(this.deps.nowMs()),
        source: published
          ? published.source
          : /^https?:/.test(source)
            ? source
            : path.basename(source),
      };
      const others = this.list().filter((r) => r.id !== feedId);
      const net = await this.compileOffThread(
        [...others, row].sort((a, b) => a.id.localeCompare(b.id)),
      );
      const feed = net.tt.feeds.find((f) => f.feedId === feedId);
      if (!feed) throw new Error(`feed ${feedId} compiled without its own entry`);
      // Shared first: when the database refuses, nothing changed here either.
      if (shared && zip) {
        await shared.publish(
          { id: row.id, version: row.version, importedAt: row.importedAt, source: row.source },
          zip,
        );
      }
      this.deps.db
        .insert(feeds)
        .values(row)
        .onConflictDoUpdate({ target: feeds.id, set: { ...row } })
        .run();
      this.publish(net);
      // The previous version's file stays until the next import: other processes on this data
      // folder serve it until they pick this one up (within seconds). Older ones go now.
      // A file that will not go is logged, not a failed import: the new version is published.
      if (previous) {
        await this.removeVersionsBefore(feedId, previous.version).catch((err: unknown) => {
          this.deps.logger.warn({ err, feed: feedId }, 'could not delete an old feed version');
        });
      }
      onProgress?.({ phase: 'done', fraction: 1 });
      return { row, feed, warnings: this.validityWarnings(feed) };
    } catch (error) {
      await removeSqliteFile(file);
      throw error;
    }
  }

  /** Warnings about `feed`'s validity on today's local day (injected clock), logged too. */
  private validityWarnings(feed: FeedMeta): FeedValidityWarning[] {
    const today = localDayOf(this.deps.nowMs() / 1000, feed.timezone);
    const warning = feedValidityWarning(feed, today);
    if (!warning) return [];
    this.deps.logger.warn({ feed: feed.feedId, code: warning.code }, warning.text);
    return [warning];
  }

  /** Stops serving a feed and deletes its database. */
  async remove(feedId: string): Promise<void> {
    const run = this.queue.then(async () => {
      const row = this.deps.db.select().from(feeds).where(eq(feeds.id, feedId)).get();
      const sharedGone = (await this.deps.shared?.remove(feedId)) ?? false;
      if (!row && sharedGone) return;
      if (!row) throw new NotFoundError(`feed "${feedId}" is not loaded`);
      const rest = this.list().filter((r) => r.id !== feedId);
      const net = rest.length > 0 ? await this.compileOffThread(rest) : undefined;
      this.deps.db.delete(feeds).where(eq(feeds.id, feedId)).run();
      if (net) this.publish(net);
      else {
        this.current = undefined;
        this.servedRows = [];
      }
      await removeSqliteFile(path.join(this.feedDir, row.fileName));
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Compiles the registered feeds again and swaps them in (after the street graphs changed: the
   * footpaths follow the new streets); nothing happens when no feed is loaded.
   */
  recompile(): Promise<void> {
    const run = this.queue.then(async () => {
      const rows = this.list();
      if (rows.length === 0 || !this.current) return;
      this.publish(await this.compileOffThread(rows), rows);
    });
    this.queue = run.catch((error: unknown) => {
      this.deps.logger.error(
        { err: error },
        'recompiling the timetable failed; the previous one serves',
      );
    });
    return run;
  }

  /** Compiles in a worker thread (feed swaps while serving). */
  private async compileOffThread(rows: FeedRow[]): Promise<Network> {
    const tt = await compileInWorker(
      rows.map((r) => ({
        file: path.join(this.feedDir, r.fileName),
        feedId: r.id,
        importedAtMs: r.importedAt.getTime(),
      })),
      this.deps.compile,
      (this.deps.streets?.().graphs ?? []).map((g) => encodeStreetGraph(g)),
    );
    return new Network(tt);
  }

  /** Compiles on this thread (start-up, before serving). */
  private compile(rows: FeedRow[]): Network {
    const sources = rows.map((r) =>
      readFeedSource(path.join(this.feedDir, r.fileName), r.id, r.importedAt.getTime()),
    );
    const streets = this.deps.streets?.();
    const walkDistances = streets && streets.graphs.length > 0 ? streets : undefined;
    return new Network(compileTimetable(sources, { ...this.deps.compile, walkDistances }));
  }

  /**
   * Picks up feeds imported or removed by another process on the same data folder (the CLI):
   * every `intervalMs` (default 2 s) compares the registry with what is served and, when they
   * differ, compiles off the event loop and swaps. Returns a stop function.
   */
  watch(intervalMs = 2000): () => void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      const rows = this.list();
      if (registryKey(rows) === this.servedKey) return;
      busy = true;
      const run = this.queue.then(async () => {
        const latest = this.list();
        if (registryKey(latest) === this.servedKey) return;
        if (latest.length === 0) {
          this.current = undefined;
          this.servedKey = '';
          this.servedRows = [];
          return;
        }
        this.publish(await this.compileOffThread(latest), latest);
        this.deps.logger.info(
          { feeds: latest.map((r) => `${r.id}@v${r.version}`) },
          'picked up feeds changed by another process',
        );
      });
      this.queue = run.catch((error: unknown) => {
        this.deps.logger.error(
          { err: error },
          'reloading feeds failed; the previous timetable keeps serving',
        );
      });
      void this.queue.finally(() => (busy = false));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * Brings this data folder to the shared registry (DATABASE_URL): imports the versions it lacks
   * from their stored zips, drops the feeds removed elsewhere, then compiles once and swaps.
   * Resolves with whether anything changed. A failure leaves what is served as it was.
   */
  syncShared(): Promise<boolean> {
    const { shared } = this.deps;
    if (!shared) return Promise.resolve(false);
    const run = this.queue.then(async () => {
      const wanted = await shared.list();
      const local = new Map(this.list().map((r) => [r.id, r]));
      let changed = false;
      for (const feed of wanted) {
        if (local.get(feed.id)?.version === feed.version) continue;
        const zip = await shared.zip(feed.id, feed.version);
        if (!zip) continue; // replaced meanwhile: the next sync takes the newer one
        const dir = await mkdtemp(path.join(os.tmpdir(), 'maas-shared-feed-'));
        try {
          const file = path.join(dir, 'feed.zip');
          await writeFile(file, zip);
          await this.importNow(feed.id, file, undefined, feed);
          changed = true;
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
      const keep = new Set(wanted.map((f) => f.id));
      for (const row of local.values()) {
        if (keep.has(row.id)) continue;
        this.deps.db.delete(feeds).where(eq(feeds.id, row.id)).run();
        changed = true;
      }
      const rows = this.list();
      if (changed || registryKey(rows) !== this.servedKey) {
        if (rows.length === 0) {
          this.current = undefined;
          this.servedKey = '';
          this.servedRows = [];
        } else this.publish(await this.compileOffThread(rows), rows);
        changed = true;
      }
      return changed;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Follows the shared registry: syncs on every change another replica announces, on every
   * reconnect, and every `intervalMs` (default 2 s) as a safety net. Resolves with a stop function.
   */
  async followShared(intervalMs = 2000): Promise<() => void> {
    const { shared } = this.deps;
    if (!shared) return () => undefined;
    const sync = () => {
      this.syncShared().catch((error: unknown) => {
        this.deps.logger.error({ err: error }, 'syncing feeds from the database failed');
      });
    };
    const stopListening = await shared.listen(sync).catch((error: unknown) => {
      this.deps.logger.error({ err: error }, 'listening for feed changes failed; polling only');
      return undefined;
    });
    const timer = setInterval(sync, intervalMs);
    timer.unref();
    return () => {
      clearInterval(timer);
      void stopListening?.().catch(() => undefined);
    };
  }

  /** Registry state of what is being served (ids and versions). */
  private servedKey = '';
  /** The registry rows the served network was compiled from. */
  private servedRows: FeedRow[] = [];

  /** The version of `feedId` being served here (its file), which may lag the registry for a moment. */
  servedRow(feedId: string): FeedRow | undefined {
    return this.servedRows.find((r) => r.id === feedId);
  }

  /** Deletes the database files of `feedId` older than `version`. */
  private async removeVersionsBefore(feedId: string, version: number): Promise<void> {
    const prefix = `${feedId}.v`;
    for (const name of readdirSync(this.feedDir)) {
      if (!name.startsWith(prefix) || !name.endsWith('.sqlite')) continue;
      const v = Number(name.slice(prefix.length).split('.')[0]);
      if (Number.isInteger(v) && v < version) await removeSqliteFile(path.join(this.feedDir, name));
    }
  }

  private publish(net: Network, rows: FeedRow[] = this.list()): void {
    this.servedKey = registryKey(rows);
    this.servedRows = rows;
    this.current = net;
    for (const listener of this.listeners) listener(net);
  }
}

function registryKey(rows: FeedRow[]): string {
  return rows.map((r) => `${r.id}@${r.version}`).join(',');
}
