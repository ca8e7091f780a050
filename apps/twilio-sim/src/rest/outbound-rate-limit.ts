import { SimClock } from '../core/sim-clock';
import { TwilioRestError } from '../core/twilio-rest-error';

/**
 * Twilio's per-account limit on new outbound REST calls (calls per second, simulated time).
 * Off unless configured; over the limit the API answers 429 with code 20429.
 */
export class OutboundRateLimit {
  private recent: number[] = [];

  constructor(
    private readonly clock: SimClock,
    private readonly callsPerSecond?: number,
  ) {}

  take(): void {
    if (this.callsPerSecond === undefined) return;
    const now = this.clock.nowMs();
    this.recent = this.recent.filter((t) => now - t < 1000);
    if (this.recent.length >= this.callsPerSecond) throw new TwilioRestError(429, 20429, 'Too Many Requests');
    this.recent.push(now);
  }
}
