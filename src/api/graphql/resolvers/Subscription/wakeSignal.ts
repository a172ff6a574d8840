/** A level-triggered wake-up: `fire` any number of times, `wait` resolves once for all fires since the last wait. */
export class WakeSignal {
  private fired = false;
  private waiter: (() => void) | undefined;

  /** Wakes the waiter (or the next `wait`). */
  fire(): void {
    this.fired = true;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  /** Resolves when fired (at once if fired since the last wait). */
  wait(): Promise<void> {
    if (this.fired) {
      this.fired = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiter = () => {
        this.fired = false;
        resolve();
      };
    });
  }
}
