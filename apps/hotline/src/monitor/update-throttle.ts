/**
 * Coalesces changes per key (a queue, an agent): the first change after a quiet spell goes out on
 * the next turn of the event loop; changes within `intervalMs` of the last send wait and go out
 * together when the interval is over. So each key is sent at most once per interval and never
 * later than one interval after the change.
 */
export class UpdateThrottle {
  private readonly lastSent = new Map<string, number>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (keys: string[]) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  mark(keys: Iterable<string>): void {
    const now = this.now();
    let earliest = Infinity;
    for (const key of keys) {
      this.pending.add(key);
      earliest = Math.min(earliest, Math.max(now, this.dueAt(key)));
    }
    if (earliest < Infinity) this.scheduleAt(earliest);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private dueAt(key: string): number {
    return (this.lastSent.get(key) ?? -Infinity) + this.intervalMs;
  }

  private scheduleAt(at: number): void {
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.run(), Math.max(0, at - this.now()));
    this.timer.unref();
  }

  private run(): void {
    this.timer = null;
    this.timerAt = Infinity;
    const now = this.now();
    const due: string[] = [];
    let next = Infinity;
    for (const key of this.pending) {
      const dueAt = this.dueAt(key);
      if (dueAt <= now) due.push(key);
      else next = Math.min(next, dueAt);
    }
    for (const key of due) {
      this.pending.delete(key);
      this.lastSent.set(key, now);
    }
    if (next < Infinity) this.scheduleAt(next);
    if (due.length > 0) this.flush(due);
  }
}
