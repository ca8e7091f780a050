import type { AgentState, CallOutcome } from '@hotline/contracts';
import type { CallFact } from './call-facts';
import { scopesOf } from './scopes';

/** Counts of the calls through one scope. Durations are whole milliseconds so sums are exact. */
export interface FlowCounters {
  offered: number;
  answered: number;
  answeredWithinThreshold: number;
  answeredWaitMs: number;
  abandoned: number;
  abandonedWithinThreshold: number;
  shortAbandoned: number;
  routedElsewhere: number;
  callbacks: number;
  handled: number;
  talkMs: number;
  holdMs: number;
  wrapMs: number;
}

/** The states an agent is logged in; time offline is not kept. */
export type LoggedInState = Exclude<AgentState, 'offline'>;

export const LOGGED_IN_STATES: readonly LoggedInState[] = [
  'available',
  'reserved',
  'on-call',
  'wrap-up',
  'away',
];

export interface AgentCounters {
  offers: number;
  missedOffers: number;
  handled: number;
  handleMs: number;
  stateMs: Record<LoggedInState, number>;
}

export interface CallCounters {
  received: number;
  completed: Record<CallOutcome, number>;
}

/** Everything counted over a stretch of time: a quarter hour, a report period. */
export interface Tally {
  flows: Map<string, FlowCounters>;
  agents: Map<string, AgentCounters>;
  calls: CallCounters;
}

export function emptyFlowCounters(): FlowCounters {
  return {
    offered: 0,
    answered: 0,
    answeredWithinThreshold: 0,
    answeredWaitMs: 0,
    abandoned: 0,
    abandonedWithinThreshold: 0,
    shortAbandoned: 0,
    routedElsewhere: 0,
    callbacks: 0,
    handled: 0,
    talkMs: 0,
    holdMs: 0,
    wrapMs: 0,
  };
}

function emptyStateMs(): Record<LoggedInState, number> {
  return { available: 0, reserved: 0, 'on-call': 0, 'wrap-up': 0, away: 0 };
}

export function emptyAgentCounters(): AgentCounters {
  return { offers: 0, missedOffers: 0, handled: 0, handleMs: 0, stateMs: emptyStateMs() };
}

function emptyCompleted(): Record<CallOutcome, number> {
  return {
    answered: 0,
    abandoned: 0,
    'routed-elsewhere': 0,
    callback: 0,
    'ivr-hangup': 0,
    'in-progress': 0,
  };
}

export function emptyTally(): Tally {
  return { flows: new Map(), agents: new Map(), calls: { received: 0, completed: emptyCompleted() } };
}

function flowsIn(tally: Tally, queue: string | null, tier: string | null): FlowCounters[] {
  return scopesOf(queue, tier).map((scope) => {
    let counters = tally.flows.get(scope);
    if (!counters) {
      counters = emptyFlowCounters();
      tally.flows.set(scope, counters);
    }
    return counters;
  });
}

function agentIn(tally: Tally, agent: string): AgentCounters {
  let counters = tally.agents.get(agent);
  if (!counters) {
    counters = emptyAgentCounters();
    tally.agents.set(agent, counters);
  }
  return counters;
}

export function countFact(tally: Tally, fact: CallFact): void {
  switch (fact.kind) {
    case 'received':
      tally.calls.received++;
      return;
    case 'completed':
      tally.calls.completed[fact.outcome]++;
      return;
    case 'queued':
      for (const flow of flowsIn(tally, fact.visit.queue, fact.visit.tier)) flow.offered++;
      return;
    case 'queue-outcome':
      for (const flow of flowsIn(tally, fact.queue, fact.tier)) countOutcome(flow, fact);
      return;
    case 'offered':
      agentIn(tally, fact.agent).offers++;
      return;
    case 'offer-missed':
      agentIn(tally, fact.agent).missedOffers++;
      return;
    case 'handled': {
      for (const flow of flowsIn(tally, fact.queue, fact.tier)) {
        flow.handled++;
        flow.talkMs += fact.talkMs;
        flow.holdMs += fact.holdMs;
        flow.wrapMs += fact.wrapMs;
      }
      const agent = agentIn(tally, fact.agent);
      agent.handled++;
      agent.handleMs += fact.talkMs + fact.holdMs + fact.wrapMs;
      return;
    }
    case 'unqueued':
      return;
  }
}

function countOutcome(flow: FlowCounters, fact: Extract<CallFact, { kind: 'queue-outcome' }>): void {
  const within = fact.withinThreshold ? 1 : 0;
  switch (fact.outcome) {
    case 'answered':
      flow.answered++;
      flow.answeredWithinThreshold += within;
      flow.answeredWaitMs += fact.waitMs;
      return;
    case 'abandoned':
      flow.abandoned++;
      flow.abandonedWithinThreshold += within;
      flow.shortAbandoned += fact.shortAbandon ? 1 : 0;
      return;
    case 'routed-elsewhere':
      flow.routedElsewhere++;
      return;
    case 'callback':
      flow.callbacks++;
  }
}

export function addStateTime(tally: Tally, agent: string, state: AgentState, ms: number): void {
  if (state === 'offline' || ms <= 0) return;
  agentIn(tally, agent).stateMs[state] += ms;
}

function addNumbers<T extends object>(into: T, from: T): void {
  const target = into as Record<string, number>;
  for (const [name, value] of Object.entries(from as Record<string, number>)) target[name] += value;
}

/** Adds `from` into `into`: the tally of two stretches of time is the sum of theirs. */
export function addTally(into: Tally, from: Tally): void {
  for (const [scope, counters] of from.flows) {
    const target = into.flows.get(scope);
    if (target) addNumbers(target, counters);
    else into.flows.set(scope, { ...counters });
  }
  for (const [agent, counters] of from.agents) {
    const target = agentIn(into, agent);
    target.offers += counters.offers;
    target.missedOffers += counters.missedOffers;
    target.handled += counters.handled;
    target.handleMs += counters.handleMs;
    addNumbers(target.stateMs, counters.stateMs);
  }
  into.calls.received += from.calls.received;
  addNumbers(into.calls.completed, from.calls.completed);
}
