/** The source of "now" for domain code, injected so tests can fix it (STYLE.md 7). */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  nowMs(): number;
  /**
   * Calls `callback` once, when the clock reaches `atMs` (ms since the epoch; at once, in a later
   * turn, when it is already past). Returns a function that cancels it.
   */
  at(atMs: number, callback: () => void): () => void;
}

/** Longest delay `setTimeout` takes, ms (2^31 − 1); longer waits are chained. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** The wall clock; its timers are unref'd `setTimeout`s, so they never keep the process alive. */
export const systemClock: Clock = {
  nowMs: () => Date.now(),
  at(atMs, callback) {
    let timer: NodeJS.Timeout;
    const arm = () => {
      const wait = atMs - Date.now();
      timer = setTimeout(
        wait > MAX_TIMEOUT_MS ? arm : callback,
        Math.min(Math.max(0, wait), MAX_TIMEOUT_MS),
      );
      timer.unref();
    };
    arm();
    return () => clearTimeout(timer);
  },
};

/** A clock that tests move by hand; its timers fire when `set` or `advance` reaches them. */
export class FixedClock implements Clock {
  private readonly timers = new Set<{ atMs: number; callback: () => void }>();

  constructor(private ms: number) {}
  nowMs(): number {
    return this.ms;
  }
  at(atMs: number, callback: () => void): () => void {
    const timer = { atMs, callback };
    if (atMs <= this.ms) {
      queueMicrotask(() => this.timers.delete(timer) && callback());
    }
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }
  /** Sets the time, milliseconds since the epoch, and fires the timers it reaches (earliest first). */
  set(ms: number): void {
    this.ms = ms;
    const due = [...this.timers].filter((t) => t.atMs <= ms).sort((a, b) => a.atMs - b.atMs);
    for (const t of due) if (this.timers.delete(t)) t.callback();
  }
  /** Moves the time forward by `seconds`, firing the timers it reaches. */
  advance(seconds: number): void {
    this.set(this.ms + seconds * 1000);
  }
}
