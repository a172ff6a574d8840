import type { ReservedSql } from 'postgres';
import type { PgDb } from './client.js';
import { ADVISORY } from './client.js';

/** What a `LeaderLock` calls as leadership comes and goes. */
export interface LeaderCallbacks {
  /** This replica now holds the lock: start the once-per-server jobs. */
  onLead(): void;
  /** The lock's connection was lost: stop them (another replica may take over). */
  onLose(): void;
  onError?(error: unknown): void;
}

/**
 * Leader election for once-per-server jobs (DESIGN.md §9): a session advisory lock held on a
 * reserved connection. Every `intervalMs` (default 2 s) a follower tries to take it and the
 * leader checks its connection; when a leader dies its session ends, PostgreSQL frees the lock
 * and a follower takes over at its next try.
 */
export class LeaderLock {
  private conn: ReservedSql | undefined;
  private timer: NodeJS.Timeout | undefined;
  private leading = false;
  private busy = false;

  constructor(
    private readonly db: PgDb,
    private readonly callbacks: LeaderCallbacks,
    private readonly intervalMs = 2000,
  ) {}

  /** Whether this replica runs the once-per-server jobs now. */
  get isLeader(): boolean {
    return this.leading;
  }

  /** Tries at once, then every interval. Resolves after the first try. */
  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      if (this.leading) await this.check();
      else await this.tryLead();
    } catch (error) {
      this.callbacks.onError?.(error);
      this.lose();
    } finally {
      this.busy = false;
    }
  }

  private async tryLead(): Promise<void> {
    this.conn ??= await this.db.$client.reserve();
    const [row] = await this.conn<{ ok: boolean }[]>`
      SELECT pg_try_advisory_lock(${ADVISORY.leader}) AS ok`;
    if (!row?.ok) return;
    this.leading = true;
    this.callbacks.onLead();
  }

  private async check(): Promise<void> {
    await this.conn!`SELECT 1`;
  }

  private lose(): void {
    this.conn?.release();
    this.conn = undefined;
    if (!this.leading) return;
    this.leading = false;
    this.callbacks.onLose();
  }

  /** Stops trying, and gives the lock up if held. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.conn && this.leading)
      await this.conn`SELECT pg_advisory_unlock(${ADVISORY.leader})`.catch(() => undefined);
    this.lose();
  }
}
