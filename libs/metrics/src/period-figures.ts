import { queueSettings, type MetricsConfig, type ServiceLevelFormula } from './config';
import type { Catalog } from './catalog';
import type { AgentPeriodFigures, FlowFigures, PeriodFigures, QueueFlowFigures } from './figures';
import type { TimeRange } from './quarter-hours';
import { ratio } from './ratio';
import { OVERALL_SCOPE, queueScope, queueTierScope, tierScope } from './scopes';
import { serviceLevel } from './service-level';
import { sortedRecord } from './sorted-record';
import {
  emptyAgentCounters,
  emptyFlowCounters,
  LOGGED_IN_STATES,
  type AgentCounters,
  type FlowCounters,
  type Tally,
} from './tally';

function seconds(ms: number, count: number): number | null {
  const average = ratio(ms, count);
  return average === null ? null : average / 1000;
}

function flowFigures(
  counters: FlowCounters | undefined,
  formula: ServiceLevelFormula,
  thresholdSeconds: number | null,
): FlowFigures {
  const c = counters ?? emptyFlowCounters();
  return {
    offered: c.offered,
    answered: c.answered,
    answeredWithinThreshold: c.answeredWithinThreshold,
    abandoned: c.abandoned,
    abandonedWithinThreshold: c.abandonedWithinThreshold,
    shortAbandoned: c.shortAbandoned,
    routedElsewhere: c.routedElsewhere,
    callbacks: c.callbacks,
    handled: c.handled,
    serviceLevel: { formula, thresholdSeconds, value: serviceLevel(formula, c) },
    asaSeconds: seconds(c.answeredWaitMs, c.answered),
    ahtSeconds: seconds(c.talkMs + c.holdMs + c.wrapMs, c.handled),
    averageTalkSeconds: seconds(c.talkMs, c.handled),
    averageHoldSeconds: seconds(c.holdMs, c.handled),
    averageWrapUpSeconds: seconds(c.wrapMs, c.handled),
    abandonRate: ratio(c.abandoned, c.offered),
    abandonRateExcludingShort: ratio(c.abandoned - c.shortAbandoned, c.offered - c.shortAbandoned),
  };
}

function busyMs(counters: AgentCounters): number {
  return counters.stateMs['on-call'] + counters.stateMs['wrap-up'];
}

function occupancy(counters: AgentCounters): number | null {
  const busy = busyMs(counters);
  return ratio(busy, busy + counters.stateMs.available + counters.stateMs.reserved);
}

function agentFigures(counters: AgentCounters): AgentPeriodFigures {
  return {
    offers: counters.offers,
    missedOffers: counters.missedOffers,
    handled: counters.handled,
    ahtSeconds: seconds(counters.handleMs, counters.handled),
    occupancy: occupancy(counters),
    secondsByState: {
      available: counters.stateMs.available / 1000,
      reserved: counters.stateMs.reserved / 1000,
      'on-call': counters.stateMs['on-call'] / 1000,
      'wrap-up': counters.stateMs['wrap-up'] / 1000,
      away: counters.stateMs.away / 1000,
    },
  };
}

/** Turns what was counted over a period into its figures. */
export function periodFigures(
  tally: Tally,
  catalog: Catalog,
  config: MetricsConfig,
  range: TimeRange,
): PeriodFigures {
  const acrossQueues = (scope: string) =>
    flowFigures(tally.flows.get(scope), config.defaults.serviceLevelFormula, null);
  const queues = sortedRecord(catalog.queues.keys(), (queue): QueueFlowFigures => {
    const settings = queueSettings(config, queue);
    const inQueue = (scope: string) =>
      flowFigures(
        tally.flows.get(scope),
        settings.serviceLevelFormula,
        settings.serviceLevelThresholdSeconds,
      );
    return {
      ...inQueue(queueScope(queue)),
      tiers: sortedRecord(catalog.queues.get(queue) ?? [], (tier) => inQueue(queueTierScope(queue, tier))),
    };
  });
  const everyone = emptyAgentCounters();
  for (const counters of tally.agents.values()) {
    for (const state of LOGGED_IN_STATES) everyone.stateMs[state] += counters.stateMs[state];
  }
  return {
    from: range.from,
    to: range.to,
    overall: acrossQueues(OVERALL_SCOPE),
    queues,
    tiers: sortedRecord(catalog.tiers, (tier) => acrossQueues(tierScope(tier))),
    agents: sortedRecord(catalog.agents, (agent) =>
      agentFigures(tally.agents.get(agent) ?? emptyAgentCounters()),
    ),
    occupancy: occupancy(everyone),
    calls: { received: tally.calls.received, completed: { ...tally.calls.completed } },
  };
}
