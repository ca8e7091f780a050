import type { MetricsConfig } from './config';
import type { CallFact, Visit } from './call-facts';

/** The queues, tiers and agents the figures list: those configured or seen in any event so far. */
export class Catalog {
  /** Queue → the tiers seen in it. */
  readonly queues = new Map<string, Set<string>>();
  readonly tiers = new Set<string>();
  readonly agents = new Set<string>();
  private readonly latestVisitOfTier = new Map<string, Visit>();

  constructor(config: MetricsConfig) {
    for (const queue of Object.keys(config.queues)) this.queues.set(queue, new Set());
  }

  noteFact(fact: CallFact): void {
    switch (fact.kind) {
      case 'queued':
        this.noteScope(fact.visit.queue, fact.visit.tier);
        this.noteHeadStart(fact.visit);
        return;
      case 'queue-outcome':
        this.noteScope(fact.queue, fact.tier);
        return;
      case 'handled':
        this.noteScope(fact.queue, fact.tier);
        this.agents.add(fact.agent);
        return;
      case 'offered':
      case 'offer-missed':
        this.noteScope(fact.queue, null);
        this.agents.add(fact.agent);
    }
  }

  noteAgent(agent: string): void {
    this.agents.add(agent);
  }

  /** The head start of a tier, as its latest caller was given it (0 for a tier not seen queued). */
  headStartSeconds(tier: string): number {
    return this.latestVisitOfTier.get(tier)?.headStartSeconds ?? 0;
  }

  private noteScope(queue: string | null, tier: string | null): void {
    if (queue !== null && !this.queues.has(queue)) this.queues.set(queue, new Set());
    if (tier === null) return;
    this.tiers.add(tier);
    if (queue !== null) this.queues.get(queue)?.add(tier);
  }

  /** Latest by entry time, not by arrival, so the answer does not depend on how calls interleave. */
  private noteHeadStart(visit: Visit): void {
    const latest = this.latestVisitOfTier.get(visit.tier);
    const later =
      !latest ||
      visit.enteredAt > latest.enteredAt ||
      (visit.enteredAt === latest.enteredAt && visit.callSid > latest.callSid);
    if (later) this.latestVisitOfTier.set(visit.tier, visit);
  }
}
