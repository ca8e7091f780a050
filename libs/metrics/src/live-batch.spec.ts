import type { OfferMissReason } from '@hotline/contracts';
import fc from 'fast-check';
import { liveFiguresFromLog, periodFiguresFromLog, type EventLog } from './batch-metrics';
import { DEFAULT_METRICS_CONFIG, type MetricsConfig } from './config';
import { callConservation, queueConservation } from './conservation';
import { LiveMetrics } from './live-metrics';
import { QUARTER_HOUR_MS } from './quarter-hours';
import { DAY, EventLogBuilder, HOUR, MINUTE, SECOND } from './testing/event-log.builder';

const START = DAY + 8 * HOUR;
const QUEUES = ['sales', 'support'] as const;
const TIERS = [
  { tier: 'standard', headStartSeconds: 0 },
  { tier: 'gold', headStartSeconds: 60 },
  { tier: 'silver', headStartSeconds: 0 },
];
const AGENTS = ['agent-1', 'agent-2', 'agent-3'];
const OUTCOMES = ['answered', 'abandoned', 'voicemail', 'callback', 'callback-route', 'waiting'] as const;

const config: MetricsConfig = {
  ...DEFAULT_METRICS_CONFIG,
  queues: { sales: { serviceLevelFormula: 'F1', serviceLevelThresholdSeconds: 30, shortAbandonSeconds: 8 } },
  vipTiers: ['silver'],
  recentWindowSeconds: 1800,
};

/** Durations, often in whole steps so that events land on interval edges and window ends. */
function duration(maxMs: number): fc.Arbitrary<number> {
  const steps = (step: number) => fc.integer({ min: 0, max: Math.floor(maxMs / step) }).map((n) => n * step);
  return fc.oneof(steps(QUARTER_HOUR_MS), steps(15 * SECOND), fc.integer({ min: 0, max: maxMs }));
}

const visit = fc.record({
  queue: fc.constantFrom(...QUEUES),
  tier: fc.constantFrom(...TIERS),
  waitMs: duration(15 * MINUTE),
  misses: fc.array(
    fc.record({
      agent: fc.constantFrom(...AGENTS),
      reason: fc.constantFrom<OfferMissReason>('no-answer', 'declined', 'failed', 'withdrawn'),
    }),
    { maxLength: 3 },
  ),
});

const call = fc.record({
  startMs: duration(4 * HOUR),
  ivrMs: duration(MINUTE),
  hangsUpInIvr: fc.boolean(),
  visits: fc.array(visit, { minLength: 1, maxLength: 2 }),
  outcome: fc.constantFrom(...OUTCOMES),
  agent: fc.constantFrom(...AGENTS),
  talkMs: duration(20 * MINUTE),
  holdMs: duration(5 * MINUTE),
  wrapMs: duration(5 * MINUTE),
});

const agentLog = fc.record({
  startMs: duration(2 * HOUR),
  states: fc.array(
    fc.record({
      state: fc.constantFrom('available', 'reserved', 'on-call', 'wrap-up', 'away', 'offline' as const),
      ms: duration(40 * MINUTE),
    }),
    { maxLength: 12 },
  ),
});

type Call = typeof call extends fc.Arbitrary<infer T> ? T : never;
type AgentLog = typeof agentLog extends fc.Arbitrary<infer T> ? T : never;

function writeCall(log: EventLogBuilder, c: Call, index: number): void {
  const callSid = `CA${index}`;
  let at = START + c.startMs;
  log.event(callSid, 'call.received', at, {
    from: '+1',
    to: '+2',
    customerId: null,
    tier: c.visits[0].tier.tier,
    language: 'en',
  });
  at += c.ivrMs;
  if (c.hangsUpInIvr) {
    log.event(callSid, 'call.completed', at, { durationSeconds: 0, outcome: 'ivr-hangup' });
    return;
  }
  c.visits.forEach((v, i) => {
    const { queue, waitMs } = v;
    log.event(callSid, 'queue.entered', at, { queue, ...v.tier, reason: 'general' });
    for (const miss of v.misses) {
      log.event(callSid, 'queue.offered', at, { queue, agent: miss.agent, ringSeconds: 15 });
      log.event(callSid, 'queue.offer-missed', at, { queue, agent: miss.agent, reason: miss.reason });
    }
    at += waitMs;
    const waitSeconds = waitMs / SECOND;
    if (i < c.visits.length - 1) {
      log.event(callSid, 'queue.routed-elsewhere', at, { queue, route: 'queue', waitSeconds });
      return;
    }
    const end = (outcome: 'abandoned' | 'routed-elsewhere' | 'callback') =>
      log.event(callSid, 'call.completed', at, { durationSeconds: 0, outcome });
    switch (c.outcome) {
      case 'answered': {
        log.event(callSid, 'queue.offered', at, { queue, agent: c.agent, ringSeconds: 15 });
        log.event(callSid, 'queue.answered', at, { queue, agent: c.agent, waitSeconds });
        log.handled(
          callSid,
          c.agent,
          at + c.talkMs + c.holdMs,
          c.talkMs / SECOND,
          c.holdMs / SECOND,
          c.wrapMs / SECOND,
        );
        return;
      }
      case 'abandoned':
        log.event(callSid, 'queue.abandoned', at, { queue, waitSeconds });
        return end('abandoned');
      case 'voicemail':
        log.event(callSid, 'queue.routed-elsewhere', at, { queue, route: 'voicemail', waitSeconds });
        return end('routed-elsewhere');
      case 'callback':
        log.event(callSid, 'queue.callback-requested', at, { queue, number: '+1', waitSeconds });
        return end('callback');
      case 'callback-route':
        log.event(callSid, 'queue.routed-elsewhere', at, { queue, route: 'callback', waitSeconds });
        return end('callback');
    }
  });
}

function writeAgent(log: EventLogBuilder, a: AgentLog, agentId: string): void {
  let at = START + a.startMs;
  for (const { state, ms } of a.states) {
    log.agent(agentId, state, at);
    at += ms;
  }
}

/** Everything up to `now`: each call's and agent's log is cut after a prefix, as it is at that moment. */
function logUpTo(calls: Call[], agents: AgentLog[], now: number): EventLog {
  const log = new EventLogBuilder();
  calls.forEach((c, i) => writeCall(log, c, i));
  agents.forEach((a, i) => writeAgent(log, a, AGENTS[i]));
  return { calls: log.calls.filter((e) => e.at <= now), agents: log.agents.filter((e) => e.at <= now) };
}

/** Feeds in time order; owners of simultaneous events interleave one way or the other. */
function feedInterleaved(log: EventLog, reverseTies: boolean): LiveMetrics {
  const metrics = new LiveMetrics(config);
  const tie = reverseTies ? -1 : 1;
  const steps = [
    ...log.calls.map((e, i) => ({ at: e.at, seq: e.seq, i, apply: () => metrics.applyCallEvent(e) })),
    ...log.agents.map((e, i) => ({
      at: e.at,
      seq: e.seq,
      i: -i - 1,
      apply: () => metrics.applyAgentEvent(e),
    })),
  ].sort((a, b) => a.at - b.at || a.seq - b.seq || tie * (a.i - b.i));
  for (const step of steps) step.apply();
  return metrics;
}

const scenario = fc.record({
  calls: fc.array(call, { maxLength: 25 }),
  agents: fc.array(agentLog, { minLength: AGENTS.length, maxLength: AGENTS.length }),
  nowMs: duration(5 * HOUR),
  fromQuarter: fc.integer({ min: 28, max: 52 }),
  quarters: fc.integer({ min: 0, max: 24 }),
  reverseTies: fc.boolean(),
  salesAgents: fc.subarray(AGENTS),
});

describe('live and batch', () => {
  it('compute the same figures from the same events', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const now = START + s.nowMs;
        const log = logUpTo(s.calls, s.agents, now);
        const metrics = feedInterleaved(log, s.reverseTies);
        const shuffled: EventLog = { calls: [...log.calls].reverse(), agents: [...log.agents].reverse() };
        const options = { servingAgents: { sales: s.salesAgents } };
        expect(metrics.live(now, options)).toEqual(liveFiguresFromLog(shuffled, now, config, options));
        const from = DAY + s.fromQuarter * QUARTER_HOUR_MS;
        const range = { from, to: from + s.quarters * QUARTER_HOUR_MS };
        expect(metrics.period(range, now)).toEqual(periodFiguresFromLog(shuffled, range, now, config));
        const today = { from: DAY, to: DAY + 24 * HOUR };
        expect(metrics.period(today, now)).toEqual(periodFiguresFromLog(shuffled, today, now, config));
      }),
    );
  });

  it('account for every caller and every call over the whole log', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const now = START + s.nowMs;
        const metrics = feedInterleaved(logUpTo(s.calls, s.agents, now), s.reverseTies);
        const period = metrics.period({ from: DAY, to: DAY + 24 * HOUR }, now);
        const live = metrics.live(now);
        expect(queueConservation(period.overall, live.overall).balanced).toBe(true);
        for (const [queue, flow] of Object.entries(period.queues)) {
          expect(queueConservation(flow, live.queues[queue]).balanced).toBe(true);
          for (const [tier, tierFlow] of Object.entries(flow.tiers)) {
            expect(queueConservation(tierFlow, live.queues[queue].tiers[tier]).balanced).toBe(true);
          }
        }
        for (const [tier, flow] of Object.entries(period.tiers)) {
          expect(queueConservation(flow, live.tiers[tier]).balanced).toBe(true);
        }
        expect(callConservation(period.calls, live.openCalls).balanced).toBe(true);
      }),
    );
  });

  it('split a period into intervals that add up to it', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const now = START + s.nowMs;
        const metrics = feedInterleaved(logUpTo(s.calls, s.agents, now), s.reverseTies);
        const range = { from: DAY + 32 * QUARTER_HOUR_MS, to: DAY + 56 * QUARTER_HOUR_MS };
        const intervals = metrics.intervals(range, now);
        const sum = (pick: (p: (typeof intervals)[number]) => number) =>
          intervals.reduce((t, p) => t + pick(p), 0);
        const whole = metrics.period(range, now);
        expect(sum((p) => p.overall.offered)).toBe(whole.overall.offered);
        expect(sum((p) => p.overall.answered)).toBe(whole.overall.answered);
        for (const agent of AGENTS.filter((a) => whole.agents[a])) {
          expect(sum((p) => p.agents[agent].secondsByState.available)).toBeCloseTo(
            whole.agents[agent].secondsByState.available,
            6,
          );
        }
      }),
    );
  });
});
