import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { AppDb } from '../db/index.js';
import type { RealtimeSourceRow } from '../db/index.js';
import type { ApplyResult, RealtimeKind, RealtimeService } from './RealtimeService.js';
import { listRealtimeSources } from './sources.js';

/** Seconds a poll may take before it is aborted. */
const FETCH_TIMEOUT_SECONDS = 10;

/** Pull ingest: polls each feed's stored GTFS-RT URLs every `intervalSeconds` and applies what they serve. */
export class RealtimePoller {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly deps: { db: AppDb; realtime: RealtimeService; clock: Clock; logger: Logger },
  ) {}

  /** Starts polling every stored source (first poll at once). */
  start(): void {
    for (const src of listRealtimeSources(this.deps.db)) {
      const tick = () => void this.pollSource(src).catch(() => undefined);
      tick();
      this.timers.set(src.feedId, setInterval(tick, src.intervalSeconds * 1000).unref());
    }
  }

  /** Stops all polling. */
  stop(): void {
    for (const t of this.timers.values()) clearInterval(t);
    this.timers.clear();
  }

  /** Polls one feed's stored source once (every URL, then rethrows the first failure); undefined without a source. */
  async pollOnce(feedId: string): Promise<ApplyResult[] | undefined> {
    const src = listRealtimeSources(this.deps.db).find((s) => s.feedId === feedId);
    return src ? this.pollSource(src) : undefined;
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
