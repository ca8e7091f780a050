export interface WaitEstimateInput {
  /** Callers who will be served first: ahead by score, so a VIP sees fewer. */
  callersAhead: number;
  /** Agents serving the queue who are logged in and not away. */
  agents: number;
  /** Of those, the ones free to take a call now. */
  availableAgents: number;
  /** Recent average handle time of the queue. */
  ahtSeconds: number;
  /** Until the first agent now in wrap-up is expected to be free; 0 when none is in wrap-up. */
  secondsToNextRelease: number;
}

/**
 * Expected wait of docs/metrics.md: with k callers ahead and all N agents busy, (k + 1) · AHT / N,
 * plus the time to the next expected release from wrap-up. Free agents take the first callers at
 * once, so they shorten the line before the formula applies. Null when no agent serves the queue.
 */
export function estimateWaitSeconds(input: WaitEstimateInput): number | null {
  if (input.agents <= 0) return null;
  const stillAhead = input.callersAhead - input.availableAgents;
  if (stillAhead < 0) return 0;
  return ((stillAhead + 1) * input.ahtSeconds) / input.agents + input.secondsToNextRelease;
}

export type WaitAnnouncement = { kind: 'less-than-two-minutes' } | { kind: 'minutes'; minutes: number };

/** How a wait is announced to a caller: rounded up to the minute, or "less than 2 minutes". */
export function announceWait(ewtSeconds: number): WaitAnnouncement {
  if (ewtSeconds < 120) return { kind: 'less-than-two-minutes' };
  return { kind: 'minutes', minutes: Math.ceil(ewtSeconds / 60) };
}
