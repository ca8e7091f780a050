const WINDOW_MS = 3600 * 1000;

/**
 * Handle times (talk + hold + wrap-up) of each queue's calls in the last hour: what a wait
 * estimate should assume, since the mix of calls changes through the day.
 */
export class RecentHandleTimes {
  private readonly byQueue = new Map<string, { at: number; seconds: number }[]>();

  add(queue: string, seconds: number, at: number): void {
    const samples = this.byQueue.get(queue) ?? [];
    samples.push({ at, seconds });
    this.byQueue.set(queue, samples);
  }

  /** The average over the last hour, or `fallback` when the queue handled no call in it. */
  average(queue: string, now: number, fallback: number): number {
    const samples = (this.byQueue.get(queue) ?? []).filter((sample) => sample.at > now - WINDOW_MS);
    this.byQueue.set(queue, samples);
    if (samples.length === 0) return fallback;
    return samples.reduce((sum, sample) => sum + sample.seconds, 0) / samples.length;
  }
}
