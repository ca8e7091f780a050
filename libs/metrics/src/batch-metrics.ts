import type { AgentEvent, AnyCallEvent } from '@hotline/contracts';
import { CallFactReader, visitScore, type CallFact, type Visit } from './call-facts';
import { Catalog } from './catalog';
import { DEFAULT_METRICS_CONFIG, type MetricsConfig } from './config';
import type { LiveFigures, LiveOptions, PeriodFigures } from './figures';
import { liveFigures, type AgentPresence, type LiveState } from './live-figures';
import { periodFigures } from './period-figures';
import { assertQuarterHourRange, overlapMs, type TimeRange } from './quarter-hours';
import { scopesOf } from './scopes';
import { addStateTime, countFact, emptyTally } from './tally';

/**
 * Events to compute figures from. For a period, pass its events and the earlier events of the
 * same calls and agents (or simply everything up to `now`): a call's figures depend on how it
 * entered the queue, an agent's time on the state they were already in.
 */
export interface EventLog {
  calls: readonly AnyCallEvent[];
  agents: readonly AgentEvent[];
}

function inLogOrder<T extends { seq: number }>(events: readonly T[], owner: (event: T) => string): T[][] {
  const byOwner = new Map<string, T[]>();
  for (const event of events) {
    const own = byOwner.get(owner(event));
    if (own) own.push(event);
    else byOwner.set(owner(event), [event]);
  }
  return [...byOwner.values()].map((own) => own.sort((a, b) => a.seq - b.seq));
}

interface ReadLog {
  facts: CallFact[];
  catalog: Catalog;
  agentLogs: AgentEvent[][];
}

function readLog(log: EventLog, config: MetricsConfig): ReadLog {
  const reader = new CallFactReader(config);
  const catalog = new Catalog(config);
  const facts = inLogOrder(log.calls, (event) => event.callSid).flatMap((call) =>
    call.flatMap((event) => reader.read(event)),
  );
  for (const fact of facts) catalog.noteFact(fact);
  const agentLogs = inLogOrder(log.agents, (event) => event.agentId);
  for (const agentLog of agentLogs) catalog.noteAgent(agentLog[0].agentId);
  return { facts, catalog, agentLogs };
}

/** Rebuilds the state of the moment by a plain pass over the facts; no index, no increments. */
function stateAtEnd(read: ReadLog, config: MetricsConfig): LiveState {
  const waiting = new Map<string, Visit>();
  const open = new Set<string>();
  for (const fact of read.facts) {
    if (fact.kind === 'queued') waiting.set(fact.visit.callSid, fact.visit);
    if (fact.kind === 'unqueued') waiting.delete(fact.visit.callSid);
    if (fact.kind === 'received') open.add(fact.callSid);
    if (fact.kind === 'completed') open.delete(fact.callSid);
  }
  const presences = new Map<string, AgentPresence>();
  for (const agentLog of read.agentLogs) {
    const last = agentLog[agentLog.length - 1];
    presences.set(last.agentId, {
      state: last.state,
      sinceAt: last.at,
      callSid: last.callSid ?? null,
      queue: last.queue ?? null,
    });
  }
  const visits = [...waiting.values()];
  return {
    waiting: (scope, vipOnly) => {
      const inScope = visits.filter(
        (visit) => scopesOf(visit.queue, visit.tier).includes(scope) && (visit.vip || !vipOnly),
      );
      const oldestEnteredAt = inScope.reduce<number | null>(
        (oldest, visit) => (oldest === null ? visit.enteredAt : Math.min(oldest, visit.enteredAt)),
        null,
      );
      return { count: inScope.length, oldestEnteredAt };
    },
    callersScoredAtMost: (queue, score) =>
      visits.filter((visit) => visit.queue === queue && visitScore(visit) <= score).length,
    recentHandling: (queue, now) => {
      const since = now - config.recentWindowSeconds * 1000;
      const recent = read.facts.filter(
        (fact): fact is Extract<CallFact, { kind: 'handled' }> =>
          fact.kind === 'handled' && fact.queue === queue && fact.at > since && fact.at <= now,
      );
      return {
        handled: recent.length,
        handleMs: recent.reduce((sum, fact) => sum + fact.talkMs + fact.holdMs + fact.wrapMs, 0),
        wrapMs: recent.reduce((sum, fact) => sum + fact.wrapMs, 0),
      };
    },
    presence: (agent) => presences.get(agent),
    openCalls: () => open.size,
  };
}

/** Live figures at `now` from a log of everything up to `now`; equal to LiveMetrics fed the same log. */
export function liveFiguresFromLog(
  log: EventLog,
  now: number,
  config: MetricsConfig = DEFAULT_METRICS_CONFIG,
  options: LiveOptions = {},
): LiveFigures {
  const read = readLog(log, config);
  return liveFigures(stateAtEnd(read, config), read.catalog, config, now, options);
}

/** Figures of a period from the log, for reports; equal to LiveMetrics.period fed the same log. */
export function periodFiguresFromLog(
  log: EventLog,
  range: TimeRange,
  now: number,
  config: MetricsConfig = DEFAULT_METRICS_CONFIG,
): PeriodFigures {
  assertQuarterHourRange(range);
  const read = readLog(log, config);
  const tally = emptyTally();
  for (const fact of read.facts) {
    if (fact.at >= range.from && fact.at < range.to) countFact(tally, fact);
  }
  for (const agentLog of read.agentLogs) {
    agentLog.forEach((event, i) => {
      const end = i + 1 < agentLog.length ? agentLog[i + 1].at : now;
      addStateTime(tally, event.agentId, event.state, overlapMs(range, event.at, end));
    });
  }
  return periodFigures(tally, read.catalog, config, range);
}
