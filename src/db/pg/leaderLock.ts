import postgres from 'postgres';
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
 * and a follower takes over at its next try. The lock's session is a client of its own (one
 * connection), not a connection reserved from the replica's pool: postgres.js 3.4.9 may leave
 * queries on a reserved connection whose backend died waiting forever, and the first query of
 * the pool after such a connection is given back with it; a client of its own is simply ended.
 */
export class LeaderLock {
  private conn: postgres.Sql | undefined;
  private timer: NodeJS.Timeout | undefined;
  private leading = false;
  private busy = false;

  constructor(
    private readonly databaseUrl: string,
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
    this.conn ??= postgres(this.databaseUrl, {
      max: 1,
      idle_timeout: 0,
      onnotice: () => undefined,
    });
    const [row] = await this.inTime(
      this.conn<{ ok: boolean }[]>`SELECT pg_try_advisory_lock(${ADVISORY.leader}) AS ok`,
    );
    if (!row?.ok) return;
    this.leading = true;
    this.callbacks.onLead();
  }

  /** The leader's connection still answers. */
  private async check(): Promise<void> {
    await this.inTime(this.conn!`SELECT 1`);
  }

  /**
   * `query`, or an error once `intervalMs` passed: a connection whose backend was terminated may
   * leave its queries waiting forever (postgres.js 3.4.9), and by then PostgreSQL has freed the
   * lock for another replica.
   */
  private async inTime<T>(query: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('the leader lock connection did not answer')),
        this.intervalMs,
      );
    });
    try {
      return await Promise.race([query, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private lose(): void {
    void this.conn?.end({ timeout: 0 }).catch(() => undefined);
    this.conn = undefined;
    if (!this.leading) return;
    this.leading = false;
    this.callbacks.onLose();
  }

  /** Stops trying, and gives the lock up if held. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.conn && this.leading)
      await this.inTime(this.conn`SELECT pg_advisory_unlock(${ADVISORY.leader})`).catch(
        () => undefined,
      );
    this.lose();
  }
}
