import type { Logger } from 'pino';
import type { RealtimeSourceRow } from '../db/index.js';
import type { ApplyResult, RealtimeKind, RealtimeService } from './RealtimeService.js';
import type { RealtimeSourceRepository } from './sources.js';

/** Seconds a poll may take before it is aborted. */
const FETCH_TIMEOUT_SECONDS = 10;
/** Default milliseconds between reads of the stored sources: the shortest poll interval (5 s). */
const DEFAULT_REFRESH_MS = 5000;

/** One source being polled: its settings as read (to see a change), its timer. */
interface Polling {
  key: string;
  timer: NodeJS.Timeout;
}

/**
 * Pull ingest: polls each feed's stored GTFS-RT URLs every `intervalSeconds` and applies what they
 * serve. The stored sources are read again every `refreshMs` (default 5 s), so a source added,
 * changed or removed by the CLI or another replica is followed without a restart; while they
 * cannot be read (database down) the sources last read keep being polled.
 */
export class RealtimePoller {
  private readonly polling = new Map<string, Polling>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private refreshing = false;

  constructor(
    private readonly deps: {
      sources: RealtimeSourceRepository;
      realtime: RealtimeService;
      logger: Logger;
      /** Milliseconds between reads of the stored sources; default 5000. */
      refreshMs?: number;
    },
  ) {}

  /** Starts polling every stored source (first reads and polls at once); a no-op when running. */
  start(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setInterval(
      () => void this.refresh(),
      this.deps.refreshMs ?? DEFAULT_REFRESH_MS,
    ).unref();
    void this.refresh();
  }

  /** Stops all polling. */
  stop(): void {
    clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
    for (const p of this.polling.values()) clearInterval(p.timer);
    this.polling.clear();
  }

  /** The feeds whose sources are being polled, by id. */
  polledFeeds(): string[] {
    return [...this.polling.keys()].sort();
  }

  /** Polls one feed's stored source once (every URL, then rethrows the first failure); undefined without a source. */
  async pollOnce(feedId: string): Promise<ApplyResult[] | undefined> {
    const src = (await this.deps.sources.list()).find((s) => s.feedId === feedId);
    return src ? this.pollSource(src) : undefined;
  }

  /** Reads the stored sources and starts, restarts (changed: polled at once) or stops polling to match. */
  private async refresh(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    let sources: RealtimeSourceRow[];
    try {
      sources = await this.deps.sources.list();
    } catch (error) {
      this.deps.logger.warn(
        { err: error },
        'reading the realtime sources failed; polling the ones read before',
      );
      return;
    } finally {
      this.refreshing = false;
    }
    if (!this.refreshTimer) return; // stopped meanwhile
    const wanted = new Map(sources.map((s) => [s.feedId, s]));
    for (const [feedId, p] of this.polling) {
      const src = wanted.get(feedId);
      if (src && JSON.stringify(src) === p.key) wanted.delete(feedId);
      else {
        clearInterval(p.timer);
        this.polling.delete(feedId);
      }
    }
    for (const src of wanted.values()) this.startPolling(src);
  }

  /** Polls `src` now and every `intervalSeconds`, skipping a turn while the previous poll runs. */
  private startPolling(src: RealtimeSourceRow): void {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      void this.pollSource(src)
        .catch(() => undefined)
        .finally(() => (busy = false));
    };
    const timer = setInterval(tick, src.intervalSeconds * 1000).unref();
    this.polling.set(src.feedId, { key: JSON.stringify(src), timer });
    tick();
  }

  private async pollSource(src: RealtimeSourceRow): Promise<ApplyResult[]> {
    const urls: [RealtimeKind, string | null][] = [
      ['tripUpdates', src.tripUpdatesUrl],
      ['vehiclePositions', src.vehiclePositionsUrl],
      ['alerts', src.alertsUrl],
    ];
    const results: ApplyResult[] = [];
    let failure: Error | undefined;
    for (const [kind, url] of urls) {
      if (!url) continue;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_SECONDS * 1000) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        results.push(await this.deps.realtime.ingest(src.feedId, bytes, new Set([kind])));
      } catch (error) {
        this.deps.logger.warn(
          { err: error, feedId: src.feedId, kind, url },
          'realtime poll failed',
        );
        failure ??= error instanceof Error ? error : new Error(String(error));
      }
    }
    if (failure !== undefined) throw failure;
    return results;
  }
}
