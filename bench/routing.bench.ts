/**
 * Routing engine throughput and latency in steady state: the lines stay full because every time
 * an agent finishes a call a new caller arrives, so each cycle is one call ending, one pairing and
 * one arrival. Prints one JSON line per configuration.
 *
 *   npx nest build hotline && node dist/bench/routing.bench.js
 */
import { RoutingEngine, type AcdDecision, type AgentStrategy, type QueueConfig } from '@hotline/acd';
import { seededRandom } from '../apps/twilio-sim/src/simulation/random-source';

const QUEUES = 50;
const STRATEGIES: AgentStrategy[] = [
  'longest-idle',
  'fewest-calls',
  'least-talk-time',
  'round-robin',
  'lowest-level',
];
const TIERS = [
  { name: 'standard', headStartSeconds: 0 },
  { name: 'gold', headStartSeconds: 60 },
  { name: 'platinum', headStartSeconds: 180 },
];
/** Virtual time between cycles: with 10k agents a call lasts about 20 s, a 100k line waits about 200 s. */
const CYCLE_MS = 2;
const WARM_UP_CYCLES = 50_000;
const THROUGHPUT_CYCLES = 300_000;
const LATENCY_CYCLES = 100_000;

function queueConfig(index: number): QueueConfig {
  return {
    name: `q${index}`,
    strategy: STRATEGIES[index % STRATEGIES.length],
    ringSeconds: 20,
    wrapUpSeconds: 0,
    maxWait: { seconds: 3600, route: { kind: 'voicemail' } },
    ...(index % 2 === 0 ? { overflow: { afterSeconds: 120, queue: `q${(index + 1) % QUEUES}` } } : {}),
  };
}

class Scenario {
  private readonly engine = new RoutingEngine({
    queues: Array.from({ length: QUEUES }, (_, i) => queueConfig(i)),
    tiers: TIERS,
  });
  private readonly next = seededRandom(42);
  /** Agents on a call, in the order their calls end. */
  private readonly onCall: string[] = [];
  private onCallHead = 0;
  private callers = 0;
  private now = Date.UTC(2025, 0, 6, 9);
  offers = 0;

  constructor(waiting: number, agents: number) {
    for (let i = 0; i < agents; i++) {
      const id = `agent-${i}`;
      this.engine.agentProfileSet(
        id,
        {
          queues: [
            { queue: `q${i % QUEUES}`, priority: 1, level: 1 + (i % 3) },
            { queue: `q${(i + 1) % QUEUES}`, priority: 2, level: 2 },
            { queue: `q${(i + 17) % QUEUES}`, priority: 2, delaySeconds: 30, level: 3 },
          ],
        },
        this.now,
      );
      this.engine.agentPresenceChanged(id, 'available', this.now);
    }
    for (let i = 0; i < agents + waiting; i++) this.arrive();
  }

  /** One call ends and one caller arrives; every pairing is answered at once. */
  cycle(): void {
    this.now += CYCLE_MS;
    this.handle(this.engine.callEnded(this.onCall[this.onCallHead++], this.now));
    this.arrive();
    if (this.onCallHead > 65_536) {
      this.onCall.splice(0, this.onCallHead);
      this.onCallHead = 0;
    }
  }

  /** The same cycle with each engine call timed on its own, in µs. */
  timedCycle(samples: number[]): void {
    this.now += CYCLE_MS;
    const agentId = this.onCall[this.onCallHead++];
    let start = process.hrtime.bigint();
    const ended = this.engine.callEnded(agentId, this.now);
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
    for (const decision of ended) {
      if (decision.type !== 'offer') continue;
      start = process.hrtime.bigint();
      this.answer(decision);
      samples.push(Number(process.hrtime.bigint() - start) / 1000);
    }
    const callerId = `caller-${this.callers++}`;
    const queue = `q${Math.floor(this.next() * QUEUES)}`;
    const tier = this.pickTier();
    start = process.hrtime.bigint();
    const entered = this.engine.callerEntered({ callerId, queue, tier }, this.now);
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
    this.handle(entered);
  }

  private arrive(): void {
    const callerId = `caller-${this.callers++}`;
    const queue = `q${Math.floor(this.next() * QUEUES)}`;
    this.handle(this.engine.callerEntered({ callerId, queue, tier: this.pickTier() }, this.now));
  }

  private pickTier(): string {
    const roll = this.next();
    if (roll < 0.8) return 'standard';
    return roll < 0.95 ? 'gold' : 'platinum';
  }

  private handle(decisions: AcdDecision[]): void {
    for (const decision of decisions) if (decision.type === 'offer') this.answer(decision);
  }

  private answer(offer: Extract<AcdDecision, { type: 'offer' }>): void {
    this.offers++;
    this.engine.offerAnswered(offer.callerId, this.now);
    this.onCall.push(offer.agentId);
  }
}

function percentile(sorted: Float64Array, fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

function measure(waiting: number, agents: number): void {
  const scenario = new Scenario(waiting, agents);
  for (let i = 0; i < WARM_UP_CYCLES; i++) scenario.cycle();

  const offersBefore = scenario.offers;
  const start = process.hrtime.bigint();
  for (let i = 0; i < THROUGHPUT_CYCLES; i++) scenario.cycle();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const decisions = scenario.offers - offersBefore;

  const samples: number[] = [];
  for (let i = 0; i < LATENCY_CYCLES; i++) scenario.timedCycle(samples);
  const sorted = Float64Array.from(samples).sort();

  console.log(
    JSON.stringify({
      bench: 'routing',
      waiting,
      agents,
      queues: QUEUES,
      decisionsPerSec: Math.round(decisions / seconds),
      p50OpMicros: Number(percentile(sorted, 0.5).toFixed(2)),
      p99OpMicros: Number(percentile(sorted, 0.99).toFixed(2)),
    }),
  );
}

for (const waiting of [1_000, 10_000, 100_000]) {
  for (const agents of [100, 1_000, 10_000]) measure(waiting, agents);
}
