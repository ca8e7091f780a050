/**
 * Figures are kept per scope: overall, per queue, per tier across queues and per tier within a
 * queue. A fact counts once in each scope it belongs to.
 */
export const OVERALL_SCOPE = 'overall';

const SEPARATOR = '\u0000';

export function queueScope(queue: string): string {
  return `queue${SEPARATOR}${queue}`;
}

export function tierScope(tier: string): string {
  return `tier${SEPARATOR}${tier}`;
}

export function queueTierScope(queue: string, tier: string): string {
  return `queue-tier${SEPARATOR}${queue}${SEPARATOR}${tier}`;
}

export function scopesOf(queue: string | null, tier: string | null): string[] {
  const scopes = [OVERALL_SCOPE];
  if (queue !== null) scopes.push(queueScope(queue));
  if (tier !== null) scopes.push(tierScope(tier));
  if (queue !== null && tier !== null) scopes.push(queueTierScope(queue, tier));
  return scopes;
}
