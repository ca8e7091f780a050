import { liveFiguresFromLog, periodFiguresFromLog } from './batch-metrics';
import { DEFAULT_METRICS_CONFIG, type MetricsConfig } from './config';
import { callConservation, queueConservation } from './conservation';
import type { LiveFigures, LiveOptions, PeriodFigures } from './figures';
import { LiveMetrics } from './live-metrics';
import type { TimeRange } from './quarter-hours';
import { DAY, EventLogBuilder, feed, HOUR, MINUTE, SECOND } from './testing/event-log.builder';

const TODAY: TimeRange = { from: DAY, to: DAY + 24 * HOUR };
const AT_9 = DAY + 9 * HOUR;

/** Period figures from the live aggregator, checked against the batch computation of the same log. */
function periodOf(
  log: EventLogBuilder,
  range: TimeRange,
  now: number,
  config = DEFAULT_METRICS_CONFIG,
): PeriodFigures {
  const figures = feed(new LiveMetrics(config), log).period(range, now);
  expect(figures).toEqual(periodFiguresFromLog(log, range, now, config));
  return figures;
}

function liveOf(
  log: EventLogBuilder,
  now: number,
  config = DEFAULT_METRICS_CONFIG,
  options: LiveOptions = {},
): LiveFigures {
  const figures = feed(new LiveMetrics(config), log).live(now, options);
  expect(figures).toEqual(liveFiguresFromLog(log, now, config, options));
  return figures;
}

describe('service level', () => {
  // The published example: answered 1000 (860 within 20 s), abandoned 60 (20 within 20 s).
  const config: MetricsConfig = {
    ...DEFAULT_METRICS_CONFIG,
    queues: {
      f1: { serviceLevelFormula: 'F1' },
      f2: { serviceLevelFormula: 'F2' },
      f3: { serviceLevelFormula: 'F3' },
      f4: { serviceLevelFormula: 'F4' },
    },
  };
  const log = new EventLogBuilder();
  for (const queue of ['f1', 'f2', 'f3', 'f4']) {
    for (let i = 0; i < 1060; i++) {
      const call = { queue, enteredAt: AT_9 + i * SECOND };
      if (i < 860) log.answered(call, 20);
      else if (i < 1000) log.answered(call, 20.5);
      else if (i < 1020) log.abandoned(call, 20);
      else log.abandoned(call, 45);
    }
  }
  const figures = periodOf(log, TODAY, DAY + 12 * HOUR, config);

  it.each([
    ['f1', 0.8302, 880 / 1060],
    ['f2', 0.86, 860 / 1000],
    ['f3', 0.8113, 860 / 1060],
    ['f4', 0.8269, 860 / 1040],
  ])('computes %s as published', (queue, published, exact) => {
    const { serviceLevel } = figures.queues[queue];
    expect(serviceLevel.formula).toBe(queue.toUpperCase());
    expect(serviceLevel.thresholdSeconds).toBe(20);
    expect(serviceLevel.value).toBeCloseTo(published, 4);
    expect(serviceLevel.value).toBe(exact);
  });

  it('counts within the threshold inclusively', () => {
    expect(figures.queues.f1).toMatchObject({
      answered: 1000,
      answeredWithinThreshold: 860,
      abandoned: 60,
      abandonedWithinThreshold: 20,
    });
  });

  it('uses the default formula across queues, each call judged by its own queue', () => {
    expect(figures.overall.serviceLevel).toEqual({
      formula: 'F4',
      thresholdSeconds: null,
      value: 3440 / 4160,
    });
  });

  it('is null when no call was answered or abandoned', () => {
    expect(periodOf(new EventLogBuilder(), TODAY, DAY).overall.serviceLevel.value).toBeNull();
  });
});

describe('abandons, ASA and handle time', () => {
  const config: MetricsConfig = { ...DEFAULT_METRICS_CONFIG, queues: { sales: { shortAbandonSeconds: 10 } } };
  const log = new EventLogBuilder();
  const support = (minute: number) => ({ queue: 'support', enteredAt: AT_9 + minute * MINUTE });
  for (const wait of [3, 5, 5.5, 40]) log.abandoned(support(wait), wait);
  const first = log.answered(support(10), 10, 'agent-1');
  const second = log.answered(support(11), 20, 'agent-2');
  log.answered(support(12), 45, 'agent-1');
  const elsewhere = log.queued(support(13));
  log.event(elsewhere, 'queue.routed-elsewhere', AT_9 + 14 * MINUTE, {
    queue: 'support',
    route: 'voicemail',
    waitSeconds: 60,
  });
  const callback = log.queued(support(15));
  log.event(callback, 'queue.callback-requested', AT_9 + 16 * MINUTE, {
    queue: 'support',
    number: '+15550000000',
    waitSeconds: 60,
  });
  log.handled(first, 'agent-1', AT_9 + 20 * MINUTE, 100, 20, 30);
  log.handled(second, 'agent-2', AT_9 + 21 * MINUTE, 200, 0, 10);
  const sales = (minute: number) => ({ queue: 'sales', enteredAt: AT_9 + minute * MINUTE });
  log.abandoned(sales(1), 8);
  log.abandoned(sales(2), 12);
  log.answered(sales(3), 4);
  log.answered(sales(4), 4);
  const figures = periodOf(log, TODAY, DAY + 12 * HOUR, config);

  it('counts short abandons by the default threshold of 5 s, inclusive', () => {
    expect(figures.queues.support).toMatchObject({ offered: 9, abandoned: 4, shortAbandoned: 2 });
  });

  it('computes the abandon rate both ways', () => {
    expect(figures.queues.support.abandonRate).toBe(4 / 9);
    expect(figures.queues.support.abandonRateExcludingShort).toBe(2 / 7);
  });

  it("uses the queue's own short-abandon threshold", () => {
    expect(figures.queues.sales).toMatchObject({ offered: 4, abandoned: 2, shortAbandoned: 1 });
    expect(figures.queues.sales.abandonRate).toBe(0.5);
    expect(figures.queues.sales.abandonRateExcludingShort).toBe(1 / 3);
    expect(figures.overall).toMatchObject({ offered: 13, abandoned: 6, shortAbandoned: 3 });
  });

  it('computes ASA over answered calls only', () => {
    expect(figures.queues.support.asaSeconds).toBe(25);
    expect(figures.queues.sales.asaSeconds).toBe(4);
  });

  it('counts calls routed elsewhere and callbacks', () => {
    expect(figures.queues.support).toMatchObject({ routedElsewhere: 1, callbacks: 1 });
  });

  it('computes AHT as talk + hold + wrap-up per handled call', () => {
    expect(figures.queues.support).toMatchObject({
      handled: 2,
      ahtSeconds: 180,
      averageTalkSeconds: 150,
      averageHoldSeconds: 10,
      averageWrapUpSeconds: 20,
    });
    expect(figures.agents['agent-1']).toMatchObject({ handled: 1, ahtSeconds: 150 });
    expect(figures.agents['agent-2']).toMatchObject({ handled: 1, ahtSeconds: 210 });
  });

  it('leaves undefined ratios null', () => {
    expect(figures.queues.sales).toMatchObject({ handled: 0, ahtSeconds: null, averageHoldSeconds: null });
  });

  it('splits figures by tier within a queue and across queues', () => {
    const gold = new EventLogBuilder();
    gold.answered({ queue: 'support', tier: 'gold', headStartSeconds: 60, enteredAt: AT_9 }, 4);
    gold.answered({ queue: 'sales', tier: 'gold', headStartSeconds: 60, enteredAt: AT_9 }, 30);
    gold.answered({ queue: 'sales', tier: 'standard', enteredAt: AT_9 }, 10);
    const byTier = periodOf(gold, TODAY, DAY + 12 * HOUR);
    expect(byTier.tiers.gold).toMatchObject({ answered: 2, asaSeconds: 17 });
    expect(byTier.queues.sales.tiers.gold).toMatchObject({ answered: 1, asaSeconds: 30 });
    expect(byTier.queues.sales.tiers.standard).toMatchObject({ answered: 1, asaSeconds: 10 });
    expect(Object.keys(byTier.queues.support.tiers)).toEqual(['gold']);
  });
});

describe('occupancy over a day', () => {
  const log = new EventLogBuilder();
  const at = (hours: number, minutes = 0, seconds = 0) =>
    DAY + hours * HOUR + minutes * MINUTE + seconds * SECOND;
  log
    .agent('agent-1', 'available', at(8))
    .agent('agent-1', 'reserved', at(8, 30), { callSid: 'CA1', queue: 'support' })
    .agent('agent-1', 'on-call', at(8, 30, 10), { callSid: 'CA1', queue: 'support' })
    .agent('agent-1', 'wrap-up', at(8, 45, 10), { callSid: 'CA1', queue: 'support' })
    .agent('agent-1', 'available', at(8, 50, 10))
    .agent('agent-1', 'away', at(10))
    .agent('agent-1', 'available', at(10, 15))
    .agent('agent-1', 'away', at(12))
    .agent('agent-1', 'available', at(13))
    .agent('agent-1', 'on-call', at(13, 10), { callSid: 'CA2', queue: 'support' })
    .agent('agent-1', 'wrap-up', at(14, 10), { callSid: 'CA2', queue: 'support' })
    .agent('agent-1', 'available', at(14, 20))
    .agent('agent-1', 'offline', at(17))
    .agent('agent-2', 'available', at(16));
  const now = at(18);

  it('counts time on calls and wrap-up over that plus available time, leaving breaks out', () => {
    const figures = periodOf(log, TODAY, now);
    expect(figures.agents['agent-1'].secondsByState).toEqual({
      available: 22490,
      reserved: 10,
      'on-call': 4500,
      'wrap-up': 900,
      away: 4500,
    });
    expect(figures.agents['agent-1'].occupancy).toBe(5400 / 27900);
  });

  it('counts the state an agent is still in up to now', () => {
    const figures = periodOf(log, TODAY, now);
    expect(figures.agents['agent-2'].secondsByState.available).toBe(7200);
    expect(figures.agents['agent-2'].occupancy).toBe(0);
    expect(figures.occupancy).toBe(5400 / 35100);
  });

  it('clips states to the period', () => {
    const figures = periodOf(log, { from: at(8), to: at(9) }, now);
    expect(figures.agents['agent-1'].secondsByState).toEqual({
      available: 2390,
      reserved: 10,
      'on-call': 900,
      'wrap-up': 300,
      away: 0,
    });
    expect(figures.agents['agent-1'].occupancy).toBe(1 / 3);
    expect(figures.agents['agent-2'].occupancy).toBeNull();
  });

  it('shows each agent state and time in state', () => {
    const figures = liveOf(log, now);
    expect(figures.agents['agent-1']).toEqual({
      state: 'offline',
      sinceAt: at(17),
      timeInStateSeconds: 3600,
      callSid: null,
      queue: null,
    });
    expect(figures.agents['agent-2']).toMatchObject({ state: 'available', timeInStateSeconds: 7200 });
    expect(figures.agentsByState).toEqual({
      offline: 1,
      available: 1,
      reserved: 0,
      'on-call': 0,
      'wrap-up': 0,
      away: 0,
    });
  });
});

describe('per-agent offers', () => {
  const log = new EventLogBuilder();
  const callSid = log.queued({ queue: 'support', enteredAt: AT_9 });
  const reasons = ['no-answer', 'declined', 'failed', 'withdrawn'] as const;
  reasons.forEach((reason, i) => {
    log.event(callSid, 'queue.offered', AT_9 + i * 20 * SECOND, {
      queue: 'support',
      agent: 'agent-1',
      ringSeconds: 15,
    });
    log.event(callSid, 'queue.offer-missed', AT_9 + (i * 20 + 15) * SECOND, {
      queue: 'support',
      agent: 'agent-1',
      reason,
    });
  });
  log.event(callSid, 'queue.offered', AT_9 + 100 * SECOND, {
    queue: 'support',
    agent: 'agent-2',
    ringSeconds: 15,
  });
  log.agent('agent-2', 'on-call', AT_9 + 105 * SECOND, { callSid, queue: 'support' });
  log.event(callSid, 'queue.answered', AT_9 + 105 * SECOND, {
    queue: 'support',
    agent: 'agent-2',
    waitSeconds: 105,
  });

  it('counts offers that rang out or were declined as missed, not failed or withdrawn ones', () => {
    const figures = periodOf(log, TODAY, AT_9 + HOUR);
    expect(figures.agents['agent-1']).toMatchObject({ offers: 4, missedOffers: 2, handled: 0 });
    expect(figures.agents['agent-2']).toMatchObject({ offers: 1, missedOffers: 0 });
  });

  it('shows the call an agent is on', () => {
    expect(liveOf(log, AT_9 + 2 * MINUTE).agents['agent-2']).toEqual({
      state: 'on-call',
      sinceAt: AT_9 + 105 * SECOND,
      timeInStateSeconds: 15,
      callSid,
      queue: 'support',
    });
  });
});

describe('waiting callers', () => {
  const config: MetricsConfig = { ...DEFAULT_METRICS_CONFIG, vipTiers: ['silver'] };
  const at = (minutes: number, seconds = 0) => AT_9 + minutes * MINUTE + seconds * SECOND;
  const lineUp = (log: EventLogBuilder) => {
    log.answered({ queue: 'support', enteredAt: at(0) }, 150);
    log.queued({ queue: 'support', enteredAt: at(1) });
    log.queued({ queue: 'support', enteredAt: at(2) });
    const gold = log.queued({ queue: 'support', tier: 'gold', headStartSeconds: 150, enteredAt: at(1, 30) });
    const silver = log.queued({ queue: 'support', tier: 'silver', enteredAt: at(3) });
    log.queued({ queue: 'sales', enteredAt: at(-1) });
    return { gold, silver };
  };
  const log = new EventLogBuilder();
  const { gold } = lineUp(log);
  const now = at(5);

  it('gives the longest wait and the longest VIP wait per queue, tier and overall', () => {
    const figures = liveOf(log, now, config);
    expect(figures.overall).toEqual({
      waiting: 5,
      longestWaitSeconds: 360,
      vipWaiting: 2,
      longestVipWaitSeconds: 210,
    });
    expect(figures.queues.support).toMatchObject({
      waiting: 4,
      longestWaitSeconds: 240,
      vipWaiting: 2,
      longestVipWaitSeconds: 210,
    });
    expect(figures.queues.sales).toMatchObject({ waiting: 1, vipWaiting: 0, longestVipWaitSeconds: null });
    expect(figures.tiers.standard).toEqual({
      waiting: 3,
      longestWaitSeconds: 360,
      vipWaiting: 0,
      longestVipWaitSeconds: null,
    });
    expect(figures.tiers.silver).toEqual({
      waiting: 1,
      longestWaitSeconds: 120,
      vipWaiting: 1,
      longestVipWaitSeconds: 120,
    });
    expect(figures.queues.support.tiers.gold).toMatchObject({ waiting: 1, longestWaitSeconds: 210 });
  });

  it('moves the longest wait on when the longest waiting caller leaves', () => {
    const metrics = feed(new LiveMetrics(config), log);
    metrics.applyCallEvent({
      callSid: gold,
      seq: 2,
      type: 'queue.answered',
      at: now,
      data: { queue: 'support', agent: 'agent-1', waitSeconds: 210 },
    });
    expect(metrics.live(now).queues.support).toMatchObject({ waiting: 3, longestVipWaitSeconds: 120 });
    expect(metrics.live(now).tiers.gold).toEqual({
      waiting: 0,
      longestWaitSeconds: null,
      vipWaiting: 0,
      longestVipWaitSeconds: null,
    });
  });

  describe('estimated wait', () => {
    const withAgents = new EventLogBuilder();
    const { silver } = lineUp(withAgents);
    const recent1 = withAgents.answered({ queue: 'support', enteredAt: at(-40) }, 10, 'agent-1');
    withAgents.handled(recent1, 'agent-1', at(-30), 100, 20, 30);
    const recent2 = withAgents.answered({ queue: 'support', enteredAt: at(-30) }, 10, 'agent-2');
    withAgents.handled(recent2, 'agent-2', at(-20), 200, 0, 10);
    const old = withAgents.answered({ queue: 'support', enteredAt: at(-120) }, 10, 'agent-3');
    withAgents.handled(old, 'agent-3', at(-100), 900, 0, 100);
    withAgents
      .agent('agent-1', 'on-call', at(0))
      .agent('agent-2', 'wrap-up', at(4, 50))
      .agent('agent-3', 'on-call', at(2))
      .agent('agent-4', 'away', at(0));
    const figures = liveOf(withAgents, now, config, { servingAgents: { sales: ['agent-3'] } });

    it('puts a new caller behind everyone waiting, over recent AHT per agent, plus the next release', () => {
      // 4 ahead, 3 busy agents, AHT (150 + 210) / 2 = 180 s, agent-2 expected free in 20 − 10 s.
      expect(figures.queues.support.tiers.standard.estimatedWait).toEqual({
        headStartSeconds: 0,
        callersAhead: 4,
        agents: 3,
        availableAgents: 0,
        ahtSeconds: 180,
        ahtFromHistory: true,
        secondsToNextRelease: 10,
        ewtSeconds: (5 * 180) / 3 + 10,
      });
    });

    it('lets a VIP see fewer callers ahead', () => {
      expect(figures.queues.support.tiers.gold.estimatedWait).toMatchObject({
        callersAhead: 3,
        ewtSeconds: 250,
      });
    });

    it('estimates the wait of a caller already in line from their own position', () => {
      const metrics = feed(new LiveMetrics(config), withAgents);
      expect(metrics.estimatedWaitOf(gold, now)).toMatchObject({ callersAhead: 0, ewtSeconds: 70 });
      expect(metrics.estimatedWaitOf(silver, now)).toMatchObject({ callersAhead: 3, ewtSeconds: 250 });
      expect(metrics.estimatedWaitOf('CA-unknown', now)).toBeNull();
    });

    it('takes recent AHT from calls handled strictly within the window', () => {
      // Window of 600 s before now = AT_9 + 700 s: wrap-ups ending after AT_9 + 100 s count.
      const windowed = new EventLogBuilder();
      const atEdge = windowed.answered({ queue: 'support', enteredAt: AT_9 - MINUTE }, 0);
      windowed.handled(atEdge, 'agent-1', AT_9, 50, 0, 100);
      const justInside = windowed.answered({ queue: 'support', enteredAt: AT_9 - MINUTE }, 0);
      windowed.handled(justInside, 'agent-1', AT_9 + 1, 100, 0, 100);
      const recent = { ...config, recentWindowSeconds: 600 };
      const wait = liveOf(windowed, AT_9 + 700 * SECOND, recent).queues.support.tiers.standard.estimatedWait;
      expect(wait).toMatchObject({ ahtSeconds: 200, ahtFromHistory: true });
    });

    it('falls back on the configured AHT without recent history, with the agents serving the queue', () => {
      expect(figures.queues.sales.tiers.standard.estimatedWait).toEqual({
        headStartSeconds: 0,
        callersAhead: 1,
        agents: 1,
        availableAgents: 0,
        ahtSeconds: 300,
        ahtFromHistory: false,
        secondsToNextRelease: 0,
        ewtSeconds: 600,
      });
    });
  });
});

describe('quarter-hour intervals', () => {
  const log = new EventLogBuilder();
  const edge = AT_9 + 15 * MINUTE;
  log.queued({ queue: 'support', enteredAt: edge - 1 });
  log.queued({ queue: 'support', enteredAt: edge });
  log.answered({ queue: 'support', enteredAt: edge - 10 * SECOND }, 20);
  log.agent('agent-1', 'available', edge - 5 * MINUTE).agent('agent-1', 'away', edge + 5 * MINUTE);

  it('puts each event in the quarter hour it happened in, the edge starting the next one', () => {
    const metrics = feed(new LiveMetrics(), log);
    const [before, after] = metrics.intervals({ from: AT_9, to: AT_9 + 30 * MINUTE }, edge + HOUR);
    expect(before).toMatchObject({ from: AT_9, to: edge, overall: { offered: 2, answered: 0 } });
    expect(after).toMatchObject({ from: edge, to: edge + 15 * MINUTE, overall: { offered: 1, answered: 1 } });
    expect(before.agents['agent-1'].secondsByState).toMatchObject({ available: 300, away: 0 });
    expect(after.agents['agent-1'].secondsByState).toMatchObject({ available: 300, away: 600 });
    expect(metrics.period({ from: AT_9, to: AT_9 + 30 * MINUTE }, edge + HOUR).overall.offered).toBe(3);
  });

  it('agrees with the batch on every interval', () => {
    const metrics = feed(new LiveMetrics(), log);
    const range = { from: AT_9, to: AT_9 + 30 * MINUTE };
    for (const interval of metrics.intervals(range, edge + HOUR)) {
      expect(interval).toEqual(periodFiguresFromLog(log, interval, edge + HOUR));
    }
  });

  it('refuses a period that does not start and end on a quarter hour', () => {
    expect(() => new LiveMetrics().period({ from: AT_9 + 1, to: AT_9 + HOUR }, AT_9)).toThrow(RangeError);
    expect(() => periodFiguresFromLog(log, { from: AT_9, to: AT_9 + MINUTE }, AT_9)).toThrow(RangeError);
  });

  it('forgets old intervals without losing the live figures', () => {
    const metrics = feed(new LiveMetrics(), log);
    metrics.forgetBefore(edge);
    expect(metrics.period({ from: AT_9, to: edge }, edge + HOUR).overall.offered).toBe(0);
    expect(metrics.period({ from: edge, to: edge + 15 * MINUTE }, edge + HOUR).overall.offered).toBe(1);
    expect(metrics.live(edge + HOUR).overall.waiting).toBe(2);
  });
});

describe('conservation', () => {
  const log = new EventLogBuilder();
  const answered = log.answered({ queue: 'support', enteredAt: AT_9 }, 10);
  log.handled(answered, 'agent-1', AT_9 + 5 * MINUTE, 280, 0, 10);
  log.abandoned({ queue: 'support', enteredAt: AT_9 }, 30);
  log.queued({ queue: 'support', enteredAt: AT_9 + MINUTE });
  const transferred = log.queued({ queue: 'support', tier: 'gold', headStartSeconds: 30, enteredAt: AT_9 });
  log.event(transferred, 'queue.routed-elsewhere', AT_9 + MINUTE, {
    queue: 'support',
    route: 'queue',
    waitSeconds: 60,
  });
  log.event(transferred, 'queue.entered', AT_9 + MINUTE, {
    queue: 'sales',
    tier: 'gold',
    reason: 'x',
    headStartSeconds: 30,
  });
  log.event(transferred, 'queue.callback-requested', AT_9 + 2 * MINUTE, {
    queue: 'sales',
    number: '+1555',
    waitSeconds: 60,
  });
  log.event(transferred, 'call.completed', AT_9 + 2 * MINUTE, { durationSeconds: 120, outcome: 'callback' });
  log.event('CA-ivr', 'call.received', AT_9, {
    from: '+1',
    to: '+2',
    customerId: null,
    tier: 'standard',
    language: 'en',
  });
  log.event('CA-ivr', 'call.completed', AT_9 + 20 * SECOND, { durationSeconds: 20, outcome: 'ivr-hangup' });
  log.event('CA-late', 'call.received', AT_9, {
    from: '+1',
    to: '+2',
    customerId: null,
    tier: 'standard',
    language: 'en',
  });
  log.event('CA-late', 'call.after-hours', AT_9, { route: 'voicemail', reason: 'closed' });
  log.event('CA-late', 'call.completed', AT_9 + MINUTE, { durationSeconds: 60, outcome: 'routed-elsewhere' });
  const now = AT_9 + HOUR;
  const period = periodOf(log, TODAY, now);
  const live = liveOf(log, now);

  it('accounts for every caller offered to each queue, tier and overall', () => {
    expect(queueConservation(period.overall, live.overall)).toEqual({
      offered: 5,
      accountedFor: 5,
      balanced: true,
    });
    expect(queueConservation(period.queues.support, live.queues.support)).toEqual({
      offered: 4,
      accountedFor: 4,
      balanced: true,
    });
    expect(period.queues.sales).toMatchObject({ offered: 1, callbacks: 1 });
    expect(queueConservation(period.tiers.gold, live.tiers.gold).balanced).toBe(true);
  });

  it('accounts for every call received', () => {
    expect(live.openCalls).toBe(1);
    expect(period.calls.received).toBe(6);
    expect(callConservation(period.calls, live.openCalls)).toEqual({
      offered: 6,
      accountedFor: 6,
      balanced: true,
    });
  });

  it('flags a period that does not balance', () => {
    const morning = periodOf(log, { from: AT_9, to: AT_9 + 15 * MINUTE }, now);
    const dropped = { ...morning.overall, answered: morning.overall.answered - 1 };
    expect(queueConservation(dropped, live.overall).balanced).toBe(false);
  });
});
