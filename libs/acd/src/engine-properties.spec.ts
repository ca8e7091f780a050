import fc from 'fast-check';
import type { AcdConfig, AgentProfile } from './acd-config';
import type { AcdDecision } from './acd-decision';
import { RoutingEngine, type AgentPresence, type MissReason } from './routing-engine';
import { at, TIERS } from './test-support/engine-driver';

type Command =
  | { kind: 'enter'; caller: number; queue: string; tier: string; skills: string[]; preferred?: number }
  | { kind: 'leave' | 'answer'; caller: number }
  | { kind: 'miss'; caller: number; reason: MissReason }
  | { kind: 'end' | 'disposition'; agent: number }
  | { kind: 'presence'; agent: number; presence: AgentPresence }
  | { kind: 'profile'; agent: number; profile: AgentProfile }
  | { kind: 'tick' };

type Step = { gapSeconds: number; command: Command };

const AGENTS = 4;
const CALLERS = 12;

const mixedConfig: AcdConfig = {
  tiers: TIERS,
  queues: [
    {
      name: 'q1',
      ringSeconds: 15,
      wrapUpSeconds: 10,
      overflow: { afterSeconds: 30, queue: 'q2' },
      maxWait: { seconds: 300, route: { kind: 'voicemail' } },
    },
    { name: 'q2', strategy: 'round-robin', noAgents: { route: { kind: 'callback' }, afterSeconds: 20 } },
    {
      name: 'q3',
      strategy: 'fewest-calls',
      maxWaiting: { callers: 3, route: { kind: 'queue', target: 'q2' } },
    },
  ],
};

const queueName = fc.constantFrom('q1', 'q2', 'q3');

const profile: fc.Arbitrary<AgentProfile> = fc.record({
  skills: fc.subarray(['es', 'en']),
  queues: fc.uniqueArray(
    fc.record({
      queue: queueName,
      priority: fc.integer({ min: 1, max: 2 }),
      delaySeconds: fc.constantFrom(0, 0, 10),
      level: fc.integer({ min: 1, max: 3 }),
    }),
    { selector: (entry) => entry.queue, minLength: 1, maxLength: 3 },
  ),
});

const caller = fc.integer({ min: 0, max: CALLERS - 1 });
const agent = fc.integer({ min: 0, max: AGENTS - 1 });

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('enter' as const),
    caller,
    queue: queueName,
    tier: fc.constantFrom(...TIERS.map((tier) => tier.name)),
    skills: fc.subarray(['es']),
    preferred: fc.option(agent, { nil: undefined }),
  }),
  fc.record({ kind: fc.constantFrom('leave' as const, 'answer' as const), caller }),
  fc.record({
    kind: fc.constant('miss' as const),
    caller,
    reason: fc.constantFrom<MissReason>('no-answer', 'declined', 'failed'),
  }),
  fc.record({ kind: fc.constantFrom('end' as const, 'disposition' as const), agent }),
  fc.record({
    kind: fc.constant('presence' as const),
    agent,
    presence: fc.constantFrom<AgentPresence>('available', 'available', 'away', 'offline'),
  }),
  fc.record({ kind: fc.constant('profile' as const), agent, profile }),
  fc.constant({ kind: 'tick' as const }),
);

const steps = fc.array(fc.record({ gapSeconds: fc.integer({ min: 0, max: 25 }), command }), {
  maxLength: 80,
});

function apply(engine: RoutingEngine, step: Command, now: number): AcdDecision[] {
  switch (step.kind) {
    case 'enter':
      return engine.callerEntered(
        {
          callerId: `c${step.caller}`,
          queue: step.queue,
          tier: step.tier,
          skills: step.skills,
          ...(step.preferred === undefined
            ? {}
            : { preferredAgent: { agentId: `a${step.preferred}`, until: now + 40_000 } }),
        },
        now,
      );
    case 'leave':
      return engine.callerLeft(`c${step.caller}`, now);
    case 'answer':
      return engine.offerAnswered(`c${step.caller}`, now);
    case 'miss':
      return engine.offerMissed(`c${step.caller}`, step.reason, now);
    case 'end':
      return engine.callEnded(`a${step.agent}`, now);
    case 'disposition':
      return engine.dispositionRecorded(`a${step.agent}`, now);
    case 'presence':
      return engine.agentPresenceChanged(`a${step.agent}`, step.presence, now);
    case 'profile':
      return engine.agentProfileSet(`a${step.agent}`, step.profile, now);
    case 'tick':
      return engine.tick(now);
  }
}

/** Runs the steps on a fresh engine; with `tickEveryDeadline` the server ticks at each deadline. */
function run(
  config: AcdConfig,
  scenario: Step[],
  tickEveryDeadline: boolean,
  check?: (engine: RoutingEngine) => void,
): AcdDecision[] {
  const engine = new RoutingEngine(config);
  const decisions: AcdDecision[] = [];
  for (let i = 0; i < AGENTS; i++) engine.agentProfileSet(`a${i}`, { queues: [{ queue: 'q1' }] }, at(0));
  let now = at(0);
  for (const { gapSeconds, command: step } of scenario) {
    now += gapSeconds * 1000;
    if (tickEveryDeadline) {
      for (
        let deadline = engine.nextDeadline();
        deadline !== undefined && deadline <= now;
        deadline = engine.nextDeadline()
      ) {
        decisions.push(...engine.tick(deadline));
      }
    }
    if (step.kind === 'tick' && tickEveryDeadline) continue;
    decisions.push(...apply(engine, step, now));
    check?.(engine);
  }
  decisions.push(...engine.tick(now + 3_600_000));
  return decisions;
}

/** Follows offers and calls through the decision stream and fails on any double booking. */
class BookingModel {
  private readonly offerOfCaller = new Map<string, string>();
  private readonly offerOfAgent = new Map<string, string>();
  private readonly busyAgents = new Set<string>();

  follow(decision: AcdDecision): void {
    switch (decision.type) {
      case 'offer':
        expect(this.offerOfCaller.has(decision.callerId)).toBe(false);
        expect(this.offerOfAgent.has(decision.agentId)).toBe(false);
        expect(this.busyAgents.has(decision.agentId)).toBe(false);
        this.offerOfCaller.set(decision.callerId, decision.agentId);
        this.offerOfAgent.set(decision.agentId, decision.callerId);
        return;
      case 'offer-expired':
      case 'offer-withdrawn':
        this.close(decision.callerId);
        return;
      case 'route':
        expect(this.offerOfCaller.has(decision.callerId)).toBe(false);
        return;
      case 'wrapup-ended':
        this.busyAgents.delete(decision.agentId);
    }
  }

  /** Whether the answer took: only an outstanding offer can be answered. */
  answered(callerId: string): boolean {
    const agentId = this.offerOfCaller.get(callerId);
    if (agentId === undefined) return false;
    this.close(callerId);
    this.busyAgents.add(agentId);
    return true;
  }

  missed(callerId: string): void {
    this.close(callerId);
  }

  private close(callerId: string): void {
    const agentId = this.offerOfCaller.get(callerId);
    this.offerOfCaller.delete(callerId);
    if (agentId !== undefined) this.offerOfAgent.delete(agentId);
  }
}

describe('engine properties', () => {
  it('makes the same decisions for the same events', () => {
    fc.assert(
      fc.property(steps, (scenario) => {
        expect(run(mixedConfig, scenario, false)).toEqual(run(mixedConfig, scenario, false));
      }),
      { numRuns: 150 },
    );
  });

  it('makes the same decisions whether or not the server ticks at every deadline (replay needs no ticks)', () => {
    fc.assert(
      fc.property(steps, (scenario) => {
        expect(run(mixedConfig, scenario, true)).toEqual(run(mixedConfig, scenario, false));
      }),
      { numRuns: 150 },
    );
  });

  it('offers a caller to at most one agent and gives an agent at most one offer or call', () => {
    fc.assert(
      fc.property(steps, (scenario) => {
        const engine = new RoutingEngine(mixedConfig);
        for (let i = 0; i < AGENTS; i++)
          engine.agentProfileSet(`a${i}`, { queues: [{ queue: 'q1' }] }, at(0));
        const model = new BookingModel();
        const held = new Set<string>();
        let now = at(0);
        for (const { gapSeconds, command: step } of scenario) {
          now += gapSeconds * 1000;
          const follow = (decisions: AcdDecision[]) => {
            for (const decision of decisions) {
              model.follow(decision);
              if (decision.type === 'route' && decision.route.kind !== 'queue')
                held.delete(decision.callerId);
            }
          };
          // what was due comes first, so that the command's own decisions can be read after it
          follow(engine.tick(now));
          const decisions = apply(engine, step, now);
          const callerId = 'caller' in step ? `c${step.caller}` : '';
          if (step.kind === 'enter') held.add(callerId);
          if (step.kind === 'leave' || (step.kind === 'answer' && model.answered(callerId)))
            held.delete(callerId);
          if (step.kind === 'miss') model.missed(callerId);
          follow(decisions);
          const ringing = new Set<string>();
          for (let i = 0; i < AGENTS; i++) {
            const offered = engine.agent(`a${i}`)?.callerId;
            if (offered === undefined) continue;
            expect(ringing.has(offered)).toBe(false);
            ringing.add(offered);
            expect(engine.position(offered)?.state).toBe('offered');
          }
          // every caller is either still held by the engine or has left it in exactly one way
          for (let i = 0; i < CALLERS; i++)
            expect(engine.position(`c${i}`) !== undefined).toBe(held.has(`c${i}`));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never leaves an agent free while a caller they could take is waiting', () => {
    const config: AcdConfig = {
      tiers: TIERS,
      queues: [{ name: 'q1', wrapUpSeconds: 5, reofferAfterSeconds: 0 }],
    };
    const plain = steps.map((scenario) =>
      scenario.filter(
        ({ command: step }) =>
          step.kind !== 'profile' &&
          !(
            step.kind === 'enter' &&
            (step.queue !== 'q1' || step.skills.length > 0 || step.preferred !== undefined)
          ),
      ),
    );
    fc.assert(
      fc.property(plain, (scenario) => {
        run(config, scenario, false, (engine) => {
          const free = Array.from({ length: AGENTS }, (_, i) => engine.agent(`a${i}`)?.state).filter(
            (state) => state === 'available',
          );
          if (free.length > 0) expect(engine.queueStatus('q1').waiting).toBe(0);
        });
      }),
      { numRuns: 200 },
    );
  });
});
