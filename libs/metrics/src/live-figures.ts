import { AGENT_STATES, type AgentState } from '@hotline/contracts';
import type { Catalog } from './catalog';
import type { MetricsConfig } from './config';
import { estimateWaitSeconds } from './estimated-wait';
import type {
  AgentLiveFigures,
  EstimatedWaitFigures,
  LiveFigures,
  LiveOptions,
  QueueWaitingFigures,
  WaitingFigures,
} from './figures';
import { sortedRecord } from './sorted-record';
import { OVERALL_SCOPE, queueScope, queueTierScope, tierScope } from './scopes';

export interface AgentPresence {
  state: AgentState;
  sinceAt: number;
  callSid: string | null;
  queue: string | null;
}

export interface WaitingSummary {
  count: number;
  oldestEnteredAt: number | null;
}

export interface RecentHandling {
  handled: number;
  handleMs: number;
  wrapMs: number;
}

/** The state live figures are read from: kept incrementally by LiveMetrics, rebuilt by the batch. */
export interface LiveState {
  waiting(scope: string, vipOnly: boolean): WaitingSummary;
  /** Callers waiting in the queue with score (entry time − head start, ms) at most `score`. */
  callersScoredAtMost(queue: string, score: number): number;
  /** Calls of the queue handled in (now − recent window, now]. */
  recentHandling(queue: string, now: number): RecentHandling;
  presence(agent: string): AgentPresence | undefined;
  openCalls(): number;
}

function longestSeconds(summary: WaitingSummary, now: number): number | null {
  return summary.oldestEnteredAt === null ? null : (now - summary.oldestEnteredAt) / 1000;
}

function waitingFigures(state: LiveState, scope: string, now: number): WaitingFigures {
  const all = state.waiting(scope, false);
  const vip = state.waiting(scope, true);
  return {
    waiting: all.count,
    longestWaitSeconds: longestSeconds(all, now),
    vipWaiting: vip.count,
    longestVipWaitSeconds: longestSeconds(vip, now),
  };
}

export interface WaitQuestion {
  queue: string;
  headStartSeconds: number;
  callersAhead: number;
  servingAgents: readonly string[];
}

/** Gathers the inputs of the wait estimate for a caller from the live state. */
export function estimatedWait(
  state: LiveState,
  config: MetricsConfig,
  question: WaitQuestion,
  now: number,
): EstimatedWaitFigures {
  const { queue, headStartSeconds, callersAhead, servingAgents } = question;
  const recent = state.recentHandling(queue, now);
  const fromHistory = recent.handled > 0;
  const ahtSeconds = fromHistory ? recent.handleMs / recent.handled / 1000 : config.defaultAhtSeconds;
  const wrapMs = fromHistory ? recent.wrapMs / recent.handled : config.defaultWrapUpSeconds * 1000;
  let agents = 0;
  let availableAgents = 0;
  let nextReleaseMs: number | null = null;
  for (const agent of servingAgents) {
    const presence = state.presence(agent);
    if (!presence || presence.state === 'offline' || presence.state === 'away') continue;
    agents++;
    if (presence.state === 'available') availableAgents++;
    if (presence.state === 'wrap-up') {
      const remainingMs = Math.max(0, wrapMs - (now - presence.sinceAt));
      nextReleaseMs = nextReleaseMs === null ? remainingMs : Math.min(nextReleaseMs, remainingMs);
    }
  }
  const secondsToNextRelease = (nextReleaseMs ?? 0) / 1000;
  return {
    headStartSeconds,
    callersAhead,
    agents,
    availableAgents,
    ahtSeconds,
    ahtFromHistory: fromHistory,
    secondsToNextRelease,
    ewtSeconds: estimateWaitSeconds({
      callersAhead,
      agents,
      availableAgents,
      ahtSeconds,
      secondsToNextRelease,
    }),
  };
}

/** A caller entering now is behind everyone whose score is not greater than theirs. */
function estimateForNewCaller(
  state: LiveState,
  catalog: Catalog,
  config: MetricsConfig,
  queue: string,
  tier: string,
  now: number,
  options: LiveOptions,
  everyAgent: readonly string[],
): EstimatedWaitFigures {
  const headStartSeconds = catalog.headStartSeconds(tier);
  const callersAhead = state.callersScoredAtMost(queue, now - headStartSeconds * 1000);
  const servingAgents = options.servingAgents?.[queue] ?? everyAgent;
  return estimatedWait(state, config, { queue, headStartSeconds, callersAhead, servingAgents }, now);
}

function agentFigures(presence: AgentPresence | undefined, now: number): AgentLiveFigures {
  if (!presence)
    return { state: 'offline', sinceAt: null, timeInStateSeconds: null, callSid: null, queue: null };
  return {
    state: presence.state,
    sinceAt: presence.sinceAt,
    timeInStateSeconds: (now - presence.sinceAt) / 1000,
    callSid: presence.callSid,
    queue: presence.queue,
  };
}

/** The figures of the moment `now`. */
export function liveFigures(
  state: LiveState,
  catalog: Catalog,
  config: MetricsConfig,
  now: number,
  options: LiveOptions = {},
): LiveFigures {
  const everyAgent = [...catalog.agents];
  const queues = sortedRecord(catalog.queues.keys(), (queue): QueueWaitingFigures => ({
    ...waitingFigures(state, queueScope(queue), now),
    tiers: sortedRecord(catalog.queues.get(queue) ?? [], (tier) => ({
      ...waitingFigures(state, queueTierScope(queue, tier), now),
      estimatedWait: estimateForNewCaller(state, catalog, config, queue, tier, now, options, everyAgent),
    })),
  }));
  const agents = sortedRecord(catalog.agents, (agent) => agentFigures(state.presence(agent), now));
  const agentsByState = Object.fromEntries(AGENT_STATES.map((s) => [s, 0])) as Record<AgentState, number>;
  for (const agent of Object.values(agents)) agentsByState[agent.state]++;
  return {
    at: now,
    overall: waitingFigures(state, OVERALL_SCOPE, now),
    queues,
    tiers: sortedRecord(catalog.tiers, (tier) => waitingFigures(state, tierScope(tier), now)),
    agents,
    agentsByState,
    openCalls: state.openCalls(),
  };
}
