import type { AgentEvent, AnyCallEvent, AgentState } from '@hotline/contracts';
import { CallFactReader, visitScore, type CallFact, type Visit } from './call-facts';
import { Catalog } from './catalog';
import { DEFAULT_METRICS_CONFIG, type MetricsConfig } from './config';
import type { EstimatedWaitFigures, LiveFigures, LiveOptions, PeriodFigures } from './figures';
import { estimatedWait, liveFigures, type AgentPresence, type LiveState } from './live-figures';
import { OrderedIndex, type OrderedKey } from './ordered-index';
import { periodFigures } from './period-figures';
import {
  assertQuarterHourRange,
  overlapMs,
  QUARTER_HOUR_MS,
  quarterHourOf,
  quarterHoursIn,
  type TimeRange,
} from './quarter-hours';
import { scopesOf } from './scopes';
import { addStateTime, addTally, countFact, emptyTally, type Tally } from './tally';

function waitingKey(visit: Visit): OrderedKey {
  return { at: visit.enteredAt, id: visit.callSid };
}

function scoredKey(visit: Visit): OrderedKey {
  return { at: visitScore(visit), id: visit.callSid };
}

function indexIn(indexes: Map<string, OrderedIndex>, name: string, dimensions = 0): OrderedIndex {
  let index = indexes.get(name);
  if (!index) {
    index = new OrderedIndex(dimensions);
    indexes.set(name, index);
  }
  return index;
}

/**
 * Contact-center figures kept up to date one event at a time, in O(log n) per event: counts in
 * quarter-hour tallies, waiting callers in indexes ordered by entry time and by score.
 *
 * Feed every call event and agent event as it is recorded, each call's and each agent's events in
 * `seq` order; read with a `now` that never goes back and is not before any event fed.
 */
export class LiveMetrics {
  private readonly reader: CallFactReader;
  private readonly catalog: Catalog;
  private readonly quarters = new Map<number, Tally>();
  /** Per scope, waiting callers by entry time; VIPs again in `vipLines`. */
  private readonly lines = new Map<string, OrderedIndex>();
  private readonly vipLines = new Map<string, OrderedIndex>();
  /** Per queue, waiting callers by score. */
  private readonly scoredLines = new Map<string, OrderedIndex>();
  /** Per queue, recently handled calls by end time, weighted [handle ms, wrap-up ms]. */
  private readonly recentHandled = new Map<string, OrderedIndex>();
  private readonly waitingVisits = new Map<string, Visit>();
  private readonly presences = new Map<string, AgentPresence>();
  private readonly openCalls = new Set<string>();
  private readonly state: LiveState = {
    waiting: (scope, vipOnly) => {
      const index = (vipOnly ? this.vipLines : this.lines).get(scope);
      return { count: index?.size ?? 0, oldestEnteredAt: index?.first()?.at ?? null };
    },
    callersScoredAtMost: (queue, score) => this.scoredLines.get(queue)?.countAtMost(score) ?? 0,
    recentHandling: (queue, now) => {
      const index = this.recentHandled.get(queue);
      if (!index) return { handled: 0, handleMs: 0, wrapMs: 0 };
      const sinceWindow = index.totalsAfter(now - this.config.recentWindowSeconds * 1000);
      const afterNow = index.totalsAfter(now);
      return {
        handled: sinceWindow.count - afterNow.count,
        handleMs: sinceWindow.sums[0] - afterNow.sums[0],
        wrapMs: sinceWindow.sums[1] - afterNow.sums[1],
      };
    },
    presence: (agent) => this.presences.get(agent),
    openCalls: () => this.openCalls.size,
  };

  constructor(private readonly config: MetricsConfig = DEFAULT_METRICS_CONFIG) {
    this.reader = new CallFactReader(config);
    this.catalog = new Catalog(config);
  }

  applyCallEvent(event: AnyCallEvent): void {
    for (const fact of this.reader.read(event)) {
      this.catalog.noteFact(fact);
      countFact(this.quarterAt(fact.at), fact);
      this.track(fact);
    }
  }

  applyAgentEvent(event: AgentEvent): void {
    this.catalog.noteAgent(event.agentId);
    const previous = this.presences.get(event.agentId);
    if (previous) this.accrue(event.agentId, previous.state, previous.sinceAt, event.at);
    this.presences.set(event.agentId, {
      state: event.state,
      sinceAt: event.at,
      callSid: event.callSid ?? null,
      queue: event.queue ?? null,
    });
  }

  live(now: number, options: LiveOptions = {}): LiveFigures {
    return liveFigures(this.state, this.catalog, this.config, now, options);
  }

  /** Figures of a period made of whole quarter hours, e.g. today as the caller's local day. */
  period(range: TimeRange, now: number): PeriodFigures {
    assertQuarterHourRange(range);
    const tally = emptyTally();
    for (let from = range.from; from < range.to; from += QUARTER_HOUR_MS) {
      const quarter = this.quarters.get(from);
      if (quarter) addTally(tally, quarter);
    }
    for (const [agent, presence] of this.presences) {
      addStateTime(tally, agent, presence.state, overlapMs(range, presence.sinceAt, now));
    }
    return periodFigures(tally, this.catalog, this.config, range);
  }

  /** One period figure per quarter hour of the range. */
  intervals(range: TimeRange, now: number): PeriodFigures[] {
    return quarterHoursIn(range).map((quarter) => this.period(quarter, now));
  }

  /** The wait a caller now in line can expect; null when the call is not waiting. */
  estimatedWaitOf(
    callSid: string,
    now: number,
    servingAgents?: readonly string[],
  ): EstimatedWaitFigures | null {
    const visit = this.waitingVisits.get(callSid);
    if (!visit) return null;
    const callersAhead = this.scoredLines.get(visit.queue)?.countBefore(scoredKey(visit)) ?? 0;
    return estimatedWait(
      this.state,
      this.config,
      {
        queue: visit.queue,
        headStartSeconds: visit.headStartSeconds,
        callersAhead,
        servingAgents: servingAgents ?? [...this.catalog.agents],
      },
      now,
    );
  }

  /** Drops the quarter-hour tallies before `at`; live figures are not affected. */
  forgetBefore(at: number): void {
    for (const from of this.quarters.keys()) {
      if (from + QUARTER_HOUR_MS <= at) this.quarters.delete(from);
    }
  }

  private track(fact: CallFact): void {
    switch (fact.kind) {
      case 'received':
        this.openCalls.add(fact.callSid);
        return;
      case 'completed':
        this.openCalls.delete(fact.callSid);
        return;
      case 'queued':
        this.line(fact.visit, (index, key) => index.insert(key));
        this.waitingVisits.set(fact.visit.callSid, fact.visit);
        return;
      case 'unqueued':
        this.line(fact.visit, (index, key) => index.remove(key));
        this.waitingVisits.delete(fact.visit.callSid);
        return;
      case 'handled':
        if (fact.queue !== null) this.noteHandled(fact.queue, fact);
    }
  }

  /** Applies one change to every index the visit is in. */
  private line(visit: Visit, change: (index: OrderedIndex, key: OrderedKey) => void): void {
    const key = waitingKey(visit);
    for (const scope of scopesOf(visit.queue, visit.tier)) {
      change(indexIn(this.lines, scope), key);
      if (visit.vip) change(indexIn(this.vipLines, scope), key);
    }
    change(indexIn(this.scoredLines, visit.queue), scoredKey(visit));
  }

  /** Keeps only the recent window: reads never look further back than the latest event. */
  private noteHandled(queue: string, fact: Extract<CallFact, { kind: 'handled' }>): void {
    const index = indexIn(this.recentHandled, queue, 2);
    index.insert({ at: fact.at, id: fact.id }, [fact.talkMs + fact.holdMs + fact.wrapMs, fact.wrapMs]);
    const horizon = fact.at - this.config.recentWindowSeconds * 1000;
    for (let oldest = index.first(); oldest !== null && oldest.at <= horizon; oldest = index.first()) {
      index.remove(oldest);
    }
  }

  private accrue(agent: string, state: AgentState, from: number, to: number): void {
    if (state === 'offline') return;
    for (let quarter = quarterHourOf(from); quarter < to; quarter += QUARTER_HOUR_MS) {
      const ms = overlapMs({ from: quarter, to: quarter + QUARTER_HOUR_MS }, from, to);
      addStateTime(this.quarterAt(quarter), agent, state, ms);
    }
  }

  private quarterAt(at: number): Tally {
    const from = quarterHourOf(at);
    let tally = this.quarters.get(from);
    if (!tally) {
      tally = emptyTally();
      this.quarters.set(from, tally);
    }
    return tally;
  }
}
