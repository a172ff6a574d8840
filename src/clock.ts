/** The source of "now" for domain code, injected so tests can fix it (STYLE.md 7). */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  nowMs(): number;
}

/** The wall clock. */
export const systemClock: Clock = { nowMs: () => Date.now() };

/** A clock that tests move by hand. */
export class FixedClock implements Clock {
  constructor(private ms: number) {}
  nowMs(): number {
    return this.ms;
  }
  /** Sets the time, milliseconds since the epoch. */
  set(ms: number): void {
    this.ms = ms;
  }
  /** Moves the time forward by `seconds`. */
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}
