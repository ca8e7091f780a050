/**
 * Counts failed sign-ins per username and per client address in a sliding minute. Past the limit
 * further attempts are refused without checking the password, which makes guessing slow and
 * keeps argon2's memory cost from becoming a denial of service.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly attemptsPerMinute: number) {}

  /** Seconds until another attempt is allowed for any of these keys; 0 when allowed now. */
  retryAfterSeconds(keys: string[], now: number): number {
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.attemptsPerMinute)
        wait = Math.max(wait, Math.ceil((recent[0] + 60_000 - now) / 1000));
    }
    return wait;
  }

  recordFailure(keys: string[], now: number): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  recordSuccess(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - 60_000);
  }
}
