/**
 * Work that writes to the database in the background (after a request has been answered) and
 * must be finished before the database closes at shutdown.
 */
export class WriteDrains {
  private readonly drains: (() => Promise<void>)[] = [];

  register(drain: () => Promise<void>): void {
    this.drains.push(drain);
  }

  /** Waits for every registered drain, twice over: one drain's work can start another's. */
  async drain(): Promise<void> {
    for (let round = 0; round < 2; round++) await Promise.all(this.drains.map((drain) => drain()));
  }
}
