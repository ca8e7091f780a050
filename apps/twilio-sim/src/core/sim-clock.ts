/**
 * Simulated time. Every duration the stand-in plays (speech, music, timeouts, ringing) is given in
 * Twilio seconds and takes `timeScale` times as long in real time, so a test run takes seconds.
 * Timestamps and durations reported to the application are in simulated time, which runs
 * 1/timeScale times as fast as the wall clock from the moment the stand-in starts.
 */
export class SimClock {
  private readonly realStart = Date.now();

  constructor(
    readonly timeScale: number,
    private readonly epoch = Date.now(),
  ) {
    if (!(timeScale > 0)) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return this.epoch + (Date.now() - this.realStart) / this.timeScale;
  }

  secondsSince(start: Date): number {
    return Math.max(0, (this.nowMs() - start.getTime()) / 1000);
  }

  /**
   * Resolves after `seconds` of simulated time, never sooner by this clock (a Node timer may fire
   * a millisecond early, which is most of a simulated second at a small time scale); rejects with
   * the signal's reason when it aborts first.
   */
  sleep(seconds: number, signal?: AbortSignal): Promise<void> {
    const until = this.nowMs() + seconds * 1000;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const wake = () => {
        const remainingMs = (until - this.nowMs()) * this.timeScale;
        if (remainingMs > 0) {
          timer = setTimeout(wake, remainingMs);
          return;
        }
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      timer = setTimeout(wake, Math.max(0, seconds * 1000 * this.timeScale));
    });
  }
}
