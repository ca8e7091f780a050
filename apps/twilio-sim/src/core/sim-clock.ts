import { setMaxListeners } from 'node:events';

/**
 * Simulated time. Every duration the stand-in plays (speech, music, timeouts, ringing) is given in
 * Twilio seconds and takes `timeScale` times as long in real time, so a test run takes seconds.
 * Timestamps and durations reported to the application are in simulated time, which runs
 * 1/timeScale times as fast as the wall clock from the moment the stand-in starts.
 */
export class SimClock {
  private readonly realStart = Date.now();
  private readonly stopping = new AbortController();

  constructor(
    readonly timeScale: number,
    private readonly epoch = Date.now(),
  ) {
    if (!(timeScale > 0)) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
    // Every sleep listens for the stop, and a busy stand-in has hundreds asleep at once.
    setMaxListeners(0, this.stopping.signal);
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
   * Ends every sleep, now and later, with `reason`: when the stand-in closes, nothing it plays
   * (a call set up while it was closing, an announcement) may keep it waiting.
   */
  stop(reason: Error): void {
    this.stopping.abort(reason);
  }

  /**
   * Resolves after `seconds` of simulated time, never sooner by this clock (a Node timer may fire
   * a millisecond early, which is most of a simulated second at a small time scale); rejects with
   * the reason of the signal, or of the clock's stop, when either comes first.
   */
  sleep(seconds: number, signal?: AbortSignal): Promise<void> {
    const until = this.nowMs() + seconds * 1000;
    const signals = signal ? [signal, this.stopping.signal] : [this.stopping.signal];
    return new Promise((resolve, reject) => {
      const aborted = signals.find((each) => each.aborted);
      if (aborted) {
        reject(aborted.reason);
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const forget = () => signals.forEach((each) => each.removeEventListener('abort', onAbort));
      function onAbort(this: AbortSignal) {
        clearTimeout(timer);
        forget();
        reject(this.reason);
      }
      const wake = () => {
        const remainingMs = (until - this.nowMs()) * this.timeScale;
        if (remainingMs > 0) {
          timer = setTimeout(wake, remainingMs);
          return;
        }
        forget();
        resolve();
      };
      signals.forEach((each) => each.addEventListener('abort', onAbort, { once: true }));
      timer = setTimeout(wake, Math.max(0, seconds * 1000 * this.timeScale));
    });
  }
}
