import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { AcdDecision, AgentView, CallerPosition, MissReason, RoutingEngine } from '@hotline/acd';
import { estimateWaitSeconds } from '@hotline/metrics';
import { AgentState } from '@hotline/contracts';
import { AgentDirectory, AgentLog, CallRecord, RoutingJournal } from '@hotline/persistence';
import type { Logger } from 'pino';
import { Subject } from 'rxjs';
import { Settings } from '../config/settings';
import { Clock } from '../shared/clock';
import { WriteDrains } from '../shared/write-drains';
import { LOGGER } from '../shared/logger';
import { acdConfigFrom } from './acd-config.mapper';
import { CallTracker, TimedFact } from './call-tracker';
import { RecentHandleTimes } from './recent-handle-times';
import { profileOf } from './agent-profile';
import { DecisionRecorder } from './decision-recorder';
import { PreferredAgentPolicy } from './preferred-agent.policy';
import { agentOf, applyRoutingInput, RoutingInputData } from './routing-input';

/** How long the journal is replayed after a restart: a day of routing covers every open call. */
const REPLAY_WINDOW_MS = 24 * 3600 * 1000;
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface AgentChange {
  agentId: string;
  state: AgentState;
  reason?: string;
  callSid?: string;
  queue?: string;
  at: number;
}

/**
 * Hosts the routing engine: feeds it one input at a time (journaled first, so a restart can
 * replay them), records what it decided, publishes agents' state changes, and keeps one timer
 * on the engine's next deadline. Twilio is driven from the decisions it publishes.
 */
@Injectable()
export class RoutingHost implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly decisions$ = new Subject<AcdDecision>();
  readonly agentChanges$ = new Subject<AgentChange>();

  private readonly engine: RoutingEngine;
  readonly tracker: CallTracker;
  private readonly handleTimes = new RecentHandleTimes();
  private chain: Promise<unknown> = Promise.resolve();
  /** Writes handed out by inputs and not yet durable. */
  private readonly writes = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private readonly knownStates = new Map<string, AgentState>();
  private stopped = false;

  constructor(
    private readonly settings: Settings,
    private readonly clock: Clock,
    private readonly journal: RoutingJournal,
    private readonly agentLog: AgentLog,
    private readonly agents: AgentDirectory,
    private readonly recorder: DecisionRecorder,
    @Inject(LOGGER) private readonly logger: Logger,
    drains: WriteDrains,
    @Optional() private readonly preferred?: PreferredAgentPolicy,
  ) {
    this.engine = new RoutingEngine(acdConfigFrom(settings));
    this.tracker = new CallTracker(this.engine);
    // At shutdown, once no request is running: finish the writes, then take no more inputs (a
    // caller still in line re-enters with their next wait-loop request after the restart).
    drains.register(async () => {
      await this.idle();
      this.stopped = true;
    });
  }

  /** Rebuilds lines, agent states and offers from the journal, then catches up with the clock. */
  async onApplicationBootstrap(): Promise<void> {
    const now = this.clock.now();
    const since = now - REPLAY_WINDOW_MS;
    for (const agent of await this.agents.list()) {
      applyRoutingInput(
        this.engine,
        { kind: 'agent-profile', agentId: agent.id, profile: profileOf(agent) },
        since,
      );
    }
    const inputs = await this.journal.since(since);
    for (const { at, data } of inputs) {
      const input = data as RoutingInputData;
      this.learn(this.tracker.observe(input, applyRoutingInput(this.engine, input, at), at));
    }
    for (const event of await this.agentLog.latest()) this.knownStates.set(event.agentId, event.state);
    await this.run(() => this.settle(null, this.engine.tick(this.clock.now()), [...this.knownStates.keys()]));
    if (inputs.length > 0) this.logger.info({ inputs: inputs.length }, 'routing rebuilt from its journal');
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  async callerEntered(call: CallRecord): Promise<void> {
    if (call.queue === null || this.engine.position(call.callSid)) return;
    const now = this.clock.now();
    const preferredAgent = (await this.preferred?.preferredAgentFor(call, now)) ?? undefined;
    await this.input({
      kind: 'caller-entered',
      arrival: {
        callerId: call.callSid,
        queue: call.queue,
        tier: call.tier,
        enteredAt: call.queuedAt ?? now,
        preferredAgent,
      },
    });
  }

  callerLeft(callerId: string): Promise<void> {
    return this.input({ kind: 'caller-left', callerId });
  }

  offerAnswered(callerId: string, agentId: string): Promise<void> {
    return this.input({ kind: 'offer-answered', callerId, agentId });
  }

  offerMissed(callerId: string, agentId: string, reason: MissReason): Promise<void> {
    return this.input({ kind: 'offer-missed', callerId, agentId, reason });
  }

  callEnded(agentId: string): Promise<void> {
    return this.input({ kind: 'call-ended', agentId });
  }

  dispositionRecorded(agentId: string): Promise<void> {
    return this.input({ kind: 'disposition-recorded', agentId });
  }

  presenceChanged(
    agentId: string,
    presence: 'available' | 'away' | 'offline',
    reason?: string,
  ): Promise<void> {
    return this.input({ kind: 'agent-presence', agentId, presence, reason });
  }

  profileChanged(agentId: string, profile: ReturnType<typeof profileOf>): Promise<void> {
    return this.input({ kind: 'agent-profile', agentId, profile });
  }

  position(callerId: string): CallerPosition | undefined {
    return this.engine.position(callerId);
  }

  agent(agentId: string): AgentView | undefined {
    return this.engine.agent(agentId);
  }

  /**
   * Where a waiting caller stands and how long they can expect to wait: callers ahead of them
   * by score (a VIP sees fewer), the agents who can take them and the queue's recent handle time.
   */
  waitEstimate(callerId: string): { position: number; ewtSeconds: number | null } | undefined {
    const position = this.engine.position(callerId);
    if (!position || position.state === 'offered') return undefined;
    const queue = this.settings.contactCenter.queues.get(position.queue);
    const ahtSeconds = this.handleTimes.average(
      position.queue,
      this.clock.now(),
      queue?.expectedHandleSeconds ?? 300,
    );
    const ewtSeconds = estimateWaitSeconds({
      callersAhead: position.ahead,
      agents: position.agentsServing,
      availableAgents: position.agentsFree,
      ahtSeconds,
      secondsToNextRelease: 0,
    });
    return { position: position.ahead + 1, ewtSeconds };
  }

  /** A hold or resume on an agent's call, for the call's hold time. */
  holdChanged(agentId: string, onHold: boolean): void {
    this.tracker.holdChanged(agentId, onHold, this.clock.now());
  }

  /** Resolves once every input handed in so far has been applied and its writes are durable. */
  async idle(): Promise<void> {
    await this.run(() => Promise.resolve());
    await Promise.all(this.writes);
  }

  /**
   * Journals the input and applies it. The engine's step itself never waits on disk (inputs
   * would queue behind each other's commits); the caller's promise resolves once the input's
   * journal entry and everything it led to are durable.
   */
  private input(input: RoutingInputData): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return this.run(() => {
      if (!this.concerns(input)) return Promise.resolve();
      const now = this.clock.now();
      // Applied first: an input the engine refuses (an unknown agent…) is not journaled, so a
      // replay never meets it.
      const decisions = applyRoutingInput(this.engine, input, now);
      const journaled = this.journal.append({
        at: now,
        kind: input.kind,
        data: input as unknown as Record<string, unknown>,
      });
      const agent = agentOf(input);
      const settled = this.settle(input, decisions, agent ? [agent] : []);
      return Promise.all([journaled, settled]).then(() => undefined);
    });
  }

  /**
   * Whether the input can change anything. Every end of a call tells routing its caller left,
   * most of them long gone from the lines (answered, or never queued): such an input is neither
   * applied nor journaled, which saves a journal row on most calls and changes nothing a replay
   * would rebuild.
   */
  private concerns(input: RoutingInputData): boolean {
    if (input.kind !== 'caller-left') return true;
    return this.engine.position(input.callerId) !== undefined || this.tracker.holds(input.callerId);
  }

  /**
   * One input at a time, in arrival order: the engine is a single-threaded state machine. `work`
   * changes the engine at once and hands back its pending writes, which the caller waits for while
   * the next input goes ahead.
   */
  private run(work: () => Promise<void>): Promise<void> {
    const step = this.chain.then(() => ({ writes: this.track(work()) }));
    this.chain = step.catch((error: unknown) => this.logger.error({ err: error }, 'routing input failed'));
    return step.then(({ writes }) => writes);
  }

  private track(writes: Promise<void>): Promise<void> {
    this.writes.add(writes);
    const forget = () => this.writes.delete(writes);
    writes.then(forget, forget);
    return writes;
  }

  /** Records what the decisions did to calls and agents, and publishes them; returns the writes. */
  private settle(input: RoutingInputData | null, decisions: AcdDecision[], agents: string[]): Promise<void> {
    const facts = this.tracker.observe(input, decisions, this.clock.now());
    this.learn(facts);
    const recorded = Promise.all(facts.map((fact) => this.recorder.record(fact)));
    const touched = new Set([...agents, ...decisions.flatMap((d) => ('agentId' in d ? [d.agentId] : []))]);
    const logged = [...touched].map((agentId) => this.syncAgent(agentId, recorded));
    for (const decision of decisions) this.decisions$.next(decision);
    this.schedule();
    return Promise.all([recorded, ...logged]).then(() => undefined);
  }

  /**
   * Logs an agent's new state (durably) and, when it changed, tells whoever listens once the
   * step's call events are stored as well: a desktop that reads its figures on hearing that its
   * wrap-up ended finds the call counted.
   */
  private async syncAgent(agentId: string, recorded: Promise<unknown>): Promise<void> {
    const view = this.engine.agent(agentId);
    if (!view || this.knownStates.get(agentId) === view.state) return;
    this.knownStates.set(agentId, view.state);
    // Appended now, in the order the engine changed states; the agent log keeps that order.
    const event = await this.agentLog.append({
      agentId,
      state: view.state,
      at: this.clock.now(),
      reason: view.reason,
      callSid: this.tracker.callOf(agentId),
      queue: this.tracker.queueOf(agentId),
    });
    // A fact that could not be recorded is reported by the step's own promise; the agent's
    // change is still theirs to hear.
    await recorded.catch(() => undefined);
    this.agentChanges$.next({ ...event });
  }

  private learn(facts: TimedFact[]): void {
    for (const fact of facts) {
      if (fact.type === 'wrapup-ended') this.handleTimes.add(fact.queue, fact.handleSeconds, fact.at);
    }
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const deadline = this.engine.nextDeadline();
    if (deadline === undefined || this.stopped) return;
    // Timers fire late under load; the engine handles whatever fell due by the time it ticks.
    this.timer = setTimeout(
      () => {
        void this.run(() => this.settle(null, this.engine.tick(this.clock.now()), []));
      },
      // Node's timers hold at most ~24.8 days; a later deadline is simply looked at again then.
      Math.min(MAX_TIMER_MS, Math.max(0, deadline - this.clock.now())),
    );
    this.timer.unref();
  }
}
