import type { AgentState, OfferMissReason } from '@hotline/contracts';
import type { AcdConfig, AgentProfile, Route } from './acd-config';
import type { AcdDecision, OfferVia, RouteWhy } from './acd-decision';
import { AcdError } from './acd-error';
import { AGENT_ORDERS, agentGoesFirst, pickAgent } from './agent-strategy';
import { normalizeSkills, resolveConfig, type TierSettings } from './engine-config';
import { OrderedSet } from './ordered-set';
import {
  Agent,
  AgentLink,
  AgentPool,
  Caller,
  callerOrder,
  callerTimer,
  Line,
  Offer,
  QueueState,
  setCallerTimerField,
  type CallerTimerKind,
  type PendingPresence,
  type ResolvedProfileQueue,
  type Timer,
  type WaitWatch,
} from './routing-model';
import { TimerHeap } from './timer-heap';

export interface CallerArrival {
  callerId: string;
  queue: string;
  tier: string;
  /** Skills the caller needs beyond the queue's, e.g. a language. */
  skills?: readonly string[];
  /**
   * Offer the caller only to this agent until `until` (ms). Ignored when that agent is not logged
   * in; if they log out later, or miss the offer, the caller joins the queue with their score.
   */
  preferredAgent?: { agentId: string; until: number };
  /** When the caller entered (ms), for a caller who keeps an earlier place. Default and latest: now. */
  enteredAt?: number;
}

/** The presence an agent (or their supervisor) chooses; the engine sets the other states. */
export type AgentPresence = 'available' | 'away' | 'offline';

export type MissReason = Exclude<OfferMissReason, 'withdrawn'>;

/** What a wait announcement needs: the caller's place and the agents who could take them. */
export interface CallerPosition {
  callerId: string;
  queue: string;
  state: 'waiting' | 'preferred' | 'offered';
  /** Callers served before this one who compete for the same agents (a VIP sees fewer). */
  ahead: number;
  /** Agents logged in and not away who can take this caller. */
  agentsServing: number;
  /** Of those, the ones free now. */
  agentsFree: number;
}

export interface QueueStatus {
  queue: string;
  waiting: number;
  offered: number;
  agentsLoggedIn: number;
  agentsServing: number;
}

export interface AgentView {
  agentId: string;
  state: AgentState;
  reason?: string;
  callerId?: string;
  callsToday: number;
  misses: number;
}

type PresenceLevel = 0 | 1 | 2;

/** 0 logged out, 1 logged in but away, 2 working (free, ringing, on a call or wrapping up). */
function presenceLevel(state: AgentState): PresenceLevel {
  if (state === 'offline') return 0;
  return state === 'away' ? 1 : 2;
}

/**
 * Hotline's automatic call distributor: a deterministic state machine. Every input is an event
 * with the time it happened (ms since the epoch); every output is a list of decisions. The engine
 * keeps no timers: `nextDeadline()` says when it next needs to act and `tick(now)` lets it.
 *
 * Each event first performs what was due up to its time, using each deadline's own time, so the
 * decisions do not depend on when or how often `tick` is called. Replaying the recorded inputs
 * with their times therefore rebuilds the same state and the same decisions, and the replay needs
 * no ticks of its own.
 */
export class RoutingEngine {
  private readonly queues = new Map<string, QueueState>();
  private readonly tiers = new Map<string, TierSettings>();
  private readonly lines = new Map<string, Line>();
  private readonly callers = new Map<string, Caller>();
  private readonly agents = new Map<string, Agent>();
  private readonly timers = new TimerHeap<Timer>();
  private clock = Number.NEGATIVE_INFINITY;
  private callerSeq = 0;
  private agentSeq = 0;
  private timerSeq = 0;
  private out: AcdDecision[] = [];

  constructor(config: AcdConfig) {
    const settings = resolveConfig(config);
    for (const queue of settings.queues) this.queues.set(queue.name, new QueueState(queue));
    for (const queue of this.queues.values()) {
      const overflow = queue.settings.overflow;
      if (overflow !== undefined) queue.overflowQueue = this.queues.get(overflow.queue);
    }
    for (const tier of settings.tiers) this.tiers.set(tier.name, tier);
  }

  callerEntered(arrival: CallerArrival, now: number): AcdDecision[] {
    const queue = this.queueNamed(arrival.queue);
    const tier = this.tiers.get(arrival.tier);
    if (tier === undefined) throw new AcdError('ACD.UNKNOWN_TIER', `unknown tier ${arrival.tier}`);
    const skills = normalizeSkills(arrival.skills);
    return this.run(now, () => {
      if (this.callers.has(arrival.callerId)) return;
      const wanted = arrival.preferredAgent;
      const agent = wanted && this.agents.get(wanted.agentId);
      const preferred = wanted && agent ? { agent, until: wanted.until } : undefined;
      const enteredAt = Math.min(arrival.enteredAt ?? this.clock, this.clock);
      this.enter(arrival.callerId, queue, tier, skills, preferred, enteredAt);
    });
  }

  /** The caller hung up or was taken out of the queue by the server (e.g. for a callback). */
  callerLeft(callerId: string, now: number): AcdDecision[] {
    return this.run(now, () => {
      const caller = this.callers.get(callerId);
      if (caller === undefined) return;
      const offer = caller.offer;
      if (offer === undefined) return this.removeCaller(caller);
      this.withdrawOffer(offer, 'caller-left');
      this.removeCaller(caller);
      offer.agent.state = 'available';
      this.agentFree(offer.agent);
    });
  }

  /** The offered agent answered. An answer after the offer expired is ignored. */
  offerAnswered(callerId: string, now: number): AcdDecision[] {
    return this.run(now, () => {
      const caller = this.callers.get(callerId);
      const offer = caller?.offer;
      if (caller === undefined || offer === undefined) return;
      const agent = offer.agent;
      this.closeOffer(offer);
      agent.state = 'on-call';
      agent.misses = 0;
      agent.callsToday++;
      agent.callQueue = caller.queue;
      agent.answeredAt = this.clock;
      agent.dispositionRecorded = false;
      this.removeCaller(caller);
    });
  }

  /** The agent declined, or the call to them failed or went unanswered, before the ring timeout. */
  offerMissed(callerId: string, _reason: MissReason, now: number): AcdDecision[] {
    return this.run(now, () => {
      const offer = this.callers.get(callerId)?.offer;
      if (offer !== undefined) this.missOffer(offer, false);
    });
  }

  /** The agent's call ended: wrap-up starts. */
  callEnded(agentId: string, now: number): AcdDecision[] {
    const agent = this.agentNamed(agentId);
    return this.run(now, () => {
      const queue = agent.callQueue;
      if (agent.state !== 'on-call' || queue === undefined) return;
      agent.callQueue = undefined;
      agent.talkMsToday += this.clock - agent.answeredAt;
      agent.state = 'wrap-up';
      const early = agent.dispositionRecorded;
      const endsAt = early ? this.clock : this.clock + queue.settings.wrapUpMs;
      this.emit({ type: 'wrapup-started', at: this.clock, agentId, queue: queue.name, endsAt });
      if (endsAt === this.clock) this.endWrapUp(agent, early ? 'disposition' : 'timer');
      else agent.wrapUp = this.schedule({ kind: 'wrap-up', of: agent }, endsAt);
    });
  }

  /** The agent recorded the call's disposition: wrap-up ends now, or as soon as the call ends. */
  dispositionRecorded(agentId: string, now: number): AcdDecision[] {
    const agent = this.agentNamed(agentId);
    return this.run(now, () => {
      if (agent.state === 'on-call') agent.dispositionRecorded = true;
      else if (agent.state === 'wrap-up') this.endWrapUp(agent, 'disposition');
    });
  }

  /**
   * Registers an agent (offline) or changes their skills and routing profile. The agent serves a
   * queue named in the profile when they have the queue's skills and those the caller needs.
   */
  agentProfileSet(agentId: string, profile: AgentProfile, now: number): AcdDecision[] {
    const entries = this.resolveProfile(agentId, profile);
    return this.run(now, () => {
      let agent = this.agents.get(agentId);
      if (agent === undefined) {
        agent = new Agent(agentId, this.agentSeq++);
        this.agents.set(agentId, agent);
      }
      if (agent.pooled) this.leavePools(agent);
      this.unlinkAll(agent);
      agent.skills = new Set(profile.skills ?? []);
      agent.entries = entries;
      this.linkAll(agent);
      if (agent.state === 'available') this.agentFree(agent);
    });
  }

  /**
   * The agent chose a presence. While ringing, going away or offline withdraws the offer; on a
   * call it takes effect when wrap-up ends; in wrap-up it ends wrap-up now.
   */
  agentPresenceChanged(
    agentId: string,
    presence: AgentPresence,
    now: number,
    reason?: string,
  ): AcdDecision[] {
    const agent = this.agentNamed(agentId);
    return this.run(now, () => {
      const offer = agent.offer;
      switch (agent.state) {
        case 'reserved':
          if (presence === 'available' || offer === undefined) return;
          this.withdrawOffer(offer, 'agent-unavailable');
          this.enterPresence(agent, presence, reason);
          return this.place(offer.caller);
        case 'on-call':
          agent.pending = presence === 'available' ? undefined : { state: presence, reason };
          return;
        case 'wrap-up':
          return this.endWrapUp(agent, 'presence', { state: presence, reason });
        default:
          if (agent.state === presence) {
            if (presence !== 'available') agent.reason = reason;
            return;
          }
          if (agent.pooled) this.leavePools(agent);
          if (presence === 'available') agent.misses = 0;
          this.enterPresence(agent, presence, reason);
      }
    });
  }

  /** Starts a new day for 'fewest-calls' and 'least-talk-time': every agent's counts go to zero. */
  dailyCountersReset(now: number): AcdDecision[] {
    return this.run(now, () => {
      for (const agent of this.agents.values()) {
        const pooled = agent.pooled;
        if (pooled) this.leavePools(agent);
        agent.callsToday = 0;
        agent.talkMsToday = 0;
        if (pooled) this.joinPools(agent);
      }
    });
  }

  /** Performs everything due up to `now`. */
  tick(now: number): AcdDecision[] {
    return this.run(now, () => undefined);
  }

  /** When the engine next needs `tick`, in ms; undefined when nothing is pending. */
  nextDeadline(): number | undefined {
    return this.timers.peek()?.at;
  }

  /** The caller's place for a wait announcement, in O(log n); undefined for an unknown caller. */
  position(callerId: string): CallerPosition | undefined {
    const caller = this.callers.get(callerId);
    if (caller === undefined) return undefined;
    const base = { callerId, queue: caller.queue.name };
    if (caller.place === 'personal' && caller.preferred !== undefined) {
      const agent = caller.preferred.agent;
      return {
        ...base,
        state: 'preferred',
        ahead: agent.personal.countBefore((other) => callerOrder(other, caller)),
        agentsServing: presenceLevel(agent.state) === 2 ? 1 : 0,
        agentsFree: agent.pooled ? 1 : 0,
      };
    }
    const lines =
      caller.inOverflow && caller.line.overflowLine ? [caller.line, caller.line.overflowLine] : [caller.line];
    const offered = caller.place === 'offered';
    return {
      ...base,
      state: offered ? 'offered' : 'waiting',
      ahead: offered ? 0 : lines.reduce((sum, line) => sum + line.countAhead(caller), 0),
      agentsServing: lines.reduce((sum, line) => sum + line.staffed, 0),
      agentsFree: lines.reduce(
        (sum, line) => sum + line.pools.reduce((free, pool) => free + pool.agents.size, 0),
        0,
      ),
    };
  }

  queueStatus(queueName: string): QueueStatus {
    const queue = this.queueNamed(queueName);
    return {
      queue: queueName,
      waiting: queue.present - queue.offered,
      offered: queue.offered,
      agentsLoggedIn: queue.loggedIn,
      agentsServing: queue.staffed,
    };
  }

  agent(agentId: string): AgentView | undefined {
    const agent = this.agents.get(agentId);
    if (agent === undefined) return undefined;
    return {
      agentId,
      state: agent.state,
      ...(agent.reason === undefined ? {} : { reason: agent.reason }),
      ...(agent.offer === undefined ? {} : { callerId: agent.offer.caller.id }),
      callsToday: agent.callsToday,
      misses: agent.misses,
    };
  }

  private run(now: number, action: () => void): AcdDecision[] {
    if (!Number.isFinite(now)) throw new RangeError(`now must be a finite time in ms, got ${now}`);
    this.out = [];
    this.advance(now);
    action();
    this.advance(this.clock);
    return this.out;
  }

  private advance(now: number): void {
    for (let timer = this.timers.peek(); timer !== undefined && timer.at <= now; timer = this.timers.peek()) {
      this.timers.pop();
      if (timer.at > this.clock) this.clock = timer.at;
      this.fire(timer);
    }
    if (now > this.clock) this.clock = now;
  }

  private emit(decision: AcdDecision): void {
    this.out.push(decision);
  }

  private schedule(job: Pick<Timer, 'kind' | 'of'>, at: number): Timer {
    const timer = {
      at: Math.max(at, this.clock),
      seq: this.timerSeq++,
      index: -1,
      kind: job.kind,
      of: job.of,
    } as Timer;
    this.timers.push(timer);
    return timer;
  }

  private fire(timer: Timer): void {
    switch (timer.kind) {
      case 'ring':
        return this.missOffer(timer.of, true);
      case 'wrap-up':
        timer.of.wrapUp = undefined;
        return this.endWrapUp(timer.of, 'timer');
      case 'wait-reached':
        return this.watchFired(timer.of);
      case 'line-no-agents':
        return this.strandLine(timer.of);
      default:
        setCallerTimerField(timer.of, timer.kind, undefined);
        return this.callerTimerFired(timer.of, timer.kind);
    }
  }

  private callerTimerFired(caller: Caller, kind: CallerTimerKind): void {
    const settings = caller.queue.settings;
    switch (kind) {
      case 'max-wait':
        if (settings.maxWait !== undefined && caller.place === 'personal') {
          this.routeAway(caller, settings.maxWait.route, 'max-wait');
        }
        return;
      case 'preference':
        if (caller.place === 'personal') this.replace(caller);
        return;
      case 'reoffer':
        caller.heldBackFrom = undefined;
        if (caller.place === 'line' || caller.place === 'personal') this.matchCaller(caller);
        return;
      case 'no-agents':
        if (caller.place === 'line' && this.noAgentsDue(caller)) {
          this.routeAway(caller, (settings.noAgents as { route: Route }).route, 'no-agents');
        }
    }
  }

  private setCallerTimer(caller: Caller, kind: CallerTimerKind, at: number): void {
    this.clearCallerTimer(caller, kind);
    setCallerTimerField(caller, kind, this.schedule({ kind, of: caller }, at));
  }

  private clearCallerTimer(caller: Caller, kind: CallerTimerKind): void {
    const timer = callerTimer(caller, kind);
    if (timer === undefined) return;
    this.timers.remove(timer);
    setCallerTimerField(caller, kind, undefined);
  }

  private queueNamed(name: string): QueueState {
    const queue = this.queues.get(name);
    if (queue === undefined) throw new AcdError('ACD.UNKNOWN_QUEUE', `unknown queue ${name}`);
    return queue;
  }

  private agentNamed(agentId: string): Agent {
    const agent = this.agents.get(agentId);
    if (agent === undefined) throw new AcdError('ACD.UNKNOWN_AGENT', `unknown agent ${agentId}`);
    return agent;
  }

  private resolveProfile(agentId: string, profile: AgentProfile): ResolvedProfileQueue[] {
    const seen = new Set<string>();
    return profile.queues.map((entry) => {
      const queue = this.queueNamed(entry.queue);
      if (seen.has(entry.queue)) {
        throw new AcdError('ACD.INVALID_PROFILE', `agent ${agentId} names queue ${entry.queue} twice`);
      }
      seen.add(entry.queue);
      const priority = entry.priority ?? 1;
      const delaySeconds = entry.delaySeconds ?? 0;
      const level = entry.level ?? 1;
      if (![priority, delaySeconds, level].every(Number.isFinite) || delaySeconds < 0) {
        throw new AcdError(
          'ACD.INVALID_PROFILE',
          `agent ${agentId}: bad priority, delay or level for ${entry.queue}`,
        );
      }
      return { queue, priority, delayMs: delaySeconds * 1000, level };
    });
  }

  // Callers

  private enter(
    id: string,
    queue: QueueState,
    tier: TierSettings,
    skills: readonly string[],
    preferred: Caller['preferred'],
    enteredAt: number,
  ): void {
    const settings = queue.settings;
    if (settings.maxWaiting !== undefined && queue.present >= settings.maxWaiting.callers) {
      return this.sendAway(id, queue, tier, skills, settings.maxWaiting.route, 'max-waiting');
    }
    const caller = new Caller(
      id,
      this.callerSeq++,
      queue,
      tier,
      skills,
      enteredAt,
      this.lineFor(queue, skills),
    );
    caller.preferred = preferred;
    this.callers.set(id, caller);
    queue.present++;
    if (preferred !== undefined && preferred.until > this.clock) {
      this.setCallerTimer(caller, 'preference', preferred.until);
    }
    this.place(caller);
  }

  /**
   * Puts an unplaced caller where they belong now (or sends them away if a limit has passed) and
   * offers them to an agent if one is free for them.
   */
  private place(caller: Caller): void {
    const settings = caller.queue.settings;
    if (settings.maxWait !== undefined && this.clock >= caller.enteredAt + settings.maxWait.ms) {
      return this.routeAway(caller, settings.maxWait.route, 'max-wait');
    }
    const preferred = caller.preferred;
    if (preferred !== undefined) {
      if (preferred.agent.state !== 'offline' && this.clock < preferred.until) {
        caller.place = 'personal';
        preferred.agent.personal.insert(caller);
        if (settings.maxWait !== undefined) {
          this.setCallerTimer(caller, 'max-wait', caller.enteredAt + settings.maxWait.ms);
        }
        return this.matchCaller(caller);
      }
      this.dropPreference(caller);
    }
    const noAgents = settings.noAgents;
    const strandedSince = caller.line.strandedSince;
    if (noAgents !== undefined && strandedSince !== undefined) {
      if (this.noAgentsDue(caller)) return this.routeAway(caller, noAgents.route, 'no-agents');
      if (caller.enteredAt > strandedSince) {
        this.setCallerTimer(caller, 'no-agents', caller.enteredAt + noAgents.afterMs);
      }
    }
    caller.place = 'line';
    this.insertIntoLine(caller.line, caller);
    if (settings.overflow !== undefined && this.clock >= caller.enteredAt + settings.overflow.afterMs) {
      this.joinOverflow(caller);
    }
    this.matchCaller(caller);
  }

  private replace(caller: Caller): void {
    this.unplace(caller);
    this.place(caller);
  }

  private unplace(caller: Caller): void {
    if (caller.place === 'line') {
      caller.line.remove(caller);
      if (caller.inOverflow) caller.line.overflowLine?.remove(caller);
      caller.inOverflow = false;
    } else if (caller.place === 'personal') {
      caller.preferred?.agent.personal.remove(caller);
      this.clearCallerTimer(caller, 'max-wait');
    }
    caller.place = 'unplaced';
  }

  private insertIntoLine(line: Line, caller: Caller): void {
    line.insert(caller);
    for (const watch of line.watches) {
      if (caller.enteredAt <= watch.scannedThrough || !watch.active || !watch.concerns(caller)) continue;
      const reached = caller.enteredAt + watch.afterMs;
      if (watch.timer === undefined || reached < watch.timer.at) this.setWatchTimer(watch, reached);
    }
  }

  private joinOverflow(caller: Caller): void {
    const overflowLine = caller.line.overflowLine;
    if (overflowLine === undefined) return;
    this.insertIntoLine(overflowLine, caller);
    caller.inOverflow = true;
    if (caller.overflowAnnounced) return;
    caller.overflowAnnounced = true;
    this.emit({
      type: 'caller-overflowed',
      at: this.clock,
      callerId: caller.id,
      queue: caller.queue.name,
      overflowQueue: overflowLine.queue.name,
    });
  }

  private dropPreference(caller: Caller): void {
    caller.preferred = undefined;
    this.clearCallerTimer(caller, 'preference');
  }

  private noAgentsDue(caller: Caller): boolean {
    const noAgents = caller.queue.settings.noAgents;
    const since = caller.line.strandedSince;
    return (
      noAgents !== undefined &&
      since !== undefined &&
      this.clock >= Math.max(caller.enteredAt, since) + noAgents.afterMs
    );
  }

  private removeCaller(caller: Caller): void {
    this.unplace(caller);
    for (const timer of [
      caller.maxWaitTimer,
      caller.preferenceTimer,
      caller.reofferTimer,
      caller.noAgentsTimer,
    ]) {
      if (timer !== undefined) this.timers.remove(timer);
    }
    caller.maxWaitTimer = caller.preferenceTimer = caller.reofferTimer = caller.noAgentsTimer = undefined;
    this.callers.delete(caller.id);
    caller.queue.present--;
  }

  private routeAway(caller: Caller, route: Route, why: RouteWhy): void {
    this.removeCaller(caller);
    this.sendAway(caller.id, caller.queue, caller.tier, caller.skills, route, why);
  }

  private sendAway(
    id: string,
    queue: QueueState,
    tier: TierSettings,
    skills: readonly string[],
    route: Route,
    why: RouteWhy,
  ): void {
    this.emit({ type: 'route', at: this.clock, callerId: id, queue: queue.name, route, why });
    if (route.kind === 'queue')
      this.enter(id, this.queueNamed(route.target), tier, skills, undefined, this.clock);
  }

  // Lines and pools

  private lineFor(queue: QueueState, callerSkills: readonly string[]): Line {
    if (callerSkills.length === 0 && queue.plainLine !== undefined) return queue.plainLine;
    const key = `${queue.name}\u0000${callerSkills.join('\u0000')}`;
    const known = this.lines.get(key);
    if (known !== undefined) return known;
    const skills = normalizeSkills([...queue.settings.skills, ...callerSkills]);
    const line = new Line(queue, callerSkills, skills, this.tiers.size);
    this.lines.set(key, line);
    queue.lines.push(line);
    if (callerSkills.length === 0) queue.plainLine = line;
    if (queue.overflowQueue !== undefined) {
      line.overflowLine = this.lineFor(queue.overflowQueue, callerSkills);
      line.overflowLine.overflowSources.push(line);
    }
    for (const agent of queue.members) {
      const entry = agent.entries.find((candidate) => candidate.queue === queue);
      if (entry === undefined || !agent.covers(skills)) continue;
      const link = this.link(agent, line, entry);
      if (agent.pooled) this.joinPool(link);
    }
    this.refreshStrand(line);
    return line;
  }

  private poolFor(line: Line, delayMs: number): AgentPool {
    const index = line.pools.findIndex((pool) => pool.delayMs >= delayMs);
    if (index >= 0 && line.pools[index].delayMs === delayMs) return line.pools[index];
    const pool = new AgentPool(line, delayMs, new OrderedSet(AGENT_ORDERS[line.queue.settings.strategy]));
    line.pools.splice(index < 0 ? line.pools.length : index, 0, pool);
    if (pool.watch !== undefined) line.watches.push(pool.watch);
    return pool;
  }

  private link(agent: Agent, line: Line, entry: ResolvedProfileQueue): AgentLink {
    const link = new AgentLink(
      agent,
      line,
      entry.priority,
      entry.delayMs,
      entry.level,
      this.poolFor(line, entry.delayMs),
    );
    const at = agent.links.findIndex((other) => other.priority > link.priority);
    agent.links.splice(at < 0 ? agent.links.length : at, 0, link);
    const level = presenceLevel(agent.state);
    this.adjustLine(line, level > 0 ? 1 : 0, level === 2 ? 1 : 0);
    return link;
  }

  private linkAll(agent: Agent): void {
    const level = presenceLevel(agent.state);
    for (const entry of agent.entries) {
      entry.queue.members.add(agent);
      entry.queue.loggedIn += level > 0 ? 1 : 0;
      entry.queue.staffed += level === 2 ? 1 : 0;
      for (const line of entry.queue.lines) {
        if (agent.covers(line.skills)) this.link(agent, line, entry);
      }
    }
  }

  private unlinkAll(agent: Agent): void {
    const level = presenceLevel(agent.state);
    for (const entry of agent.entries) {
      entry.queue.members.delete(agent);
      entry.queue.loggedIn -= level > 0 ? 1 : 0;
      entry.queue.staffed -= level === 2 ? 1 : 0;
    }
    for (const link of agent.links) this.adjustLine(link.line, level > 0 ? -1 : 0, level === 2 ? -1 : 0);
    agent.links = [];
  }

  private adjustLine(line: Line, loggedIn: number, staffed: number): void {
    const wasEmpty = line.loggedIn === 0;
    line.loggedIn += loggedIn;
    line.staffed += staffed;
    if (wasEmpty === (line.loggedIn === 0)) return;
    this.refreshStrand(line);
    for (const source of line.overflowSources) this.refreshStrand(source);
  }

  /** Starts or stops the no-agents clock of a line whose queue routes callers when nobody can serve them. */
  private refreshStrand(line: Line): void {
    const noAgents = line.queue.settings.noAgents;
    if (noAgents === undefined) return;
    const stranded =
      line.loggedIn === 0 && (line.overflowLine === undefined || line.overflowLine.loggedIn === 0);
    if (stranded && line.strandedSince === undefined) {
      line.strandedSince = this.clock;
      line.strandTimer = this.schedule({ kind: 'line-no-agents', of: line }, this.clock + noAgents.afterMs);
    } else if (!stranded && line.strandedSince !== undefined) {
      line.strandedSince = undefined;
      if (line.strandTimer !== undefined) this.timers.remove(line.strandTimer);
      line.strandTimer = undefined;
    }
  }

  /** The line's no-agents time has come for the callers who were waiting when it began. */
  private strandLine(line: Line): void {
    line.strandTimer = undefined;
    const since = line.strandedSince;
    const noAgents = line.queue.settings.noAgents;
    if (since === undefined || noAgents === undefined) return;
    for (const caller of line.enteredBetween(Number.NEGATIVE_INFINITY, since)) {
      if (caller.line === line) this.routeAway(caller, noAgents.route, 'no-agents');
    }
  }

  private joinPools(agent: Agent): void {
    agent.pooled = true;
    for (const link of agent.links) this.joinPool(link);
  }

  private joinPool(link: AgentLink): void {
    const pool = link.pool;
    pool.agents.insert(link);
    if (pool.watch === undefined || pool.agents.size > 1) return;
    pool.watch.scannedThrough = this.clock - pool.delayMs;
    this.rescheduleWatch(pool.watch);
  }

  private leavePools(agent: Agent): void {
    agent.pooled = false;
    for (const link of agent.links) {
      const pool = link.pool;
      pool.agents.remove(link);
      if (pool.agents.size === 0 && pool.watch !== undefined) this.setWatchTimer(pool.watch, undefined);
    }
  }

  /** Sets the watch for the earliest caller it has not dealt with yet, if any. */
  private rescheduleWatch(watch: WaitWatch): void {
    const entry = watch.line.firstEntryAfter(watch.scannedThrough);
    this.setWatchTimer(watch, entry === undefined ? undefined : entry + watch.afterMs);
  }

  private setWatchTimer(watch: WaitWatch, at: number | undefined): void {
    if (watch.timer !== undefined) this.timers.remove(watch.timer);
    watch.timer = at === undefined ? undefined : this.schedule({ kind: 'wait-reached', of: watch }, at);
  }

  private watchFired(watch: WaitWatch): void {
    watch.timer = undefined;
    const through = this.clock - watch.afterMs;
    const reached = watch.line.enteredBetween(watch.scannedThrough, through);
    watch.scannedThrough = through;
    for (const caller of reached) {
      if (caller.place === 'line' && watch.concerns(caller)) this.waitReached(watch, caller);
    }
    if (watch.active) this.rescheduleWatch(watch);
  }

  private waitReached(watch: WaitWatch, caller: Caller): void {
    const settings = caller.queue.settings;
    switch (watch.kind) {
      case 'delay':
        if (watch.active) this.matchCaller(caller);
        return;
      case 'overflow':
        if (caller.inOverflow) return;
        this.joinOverflow(caller);
        return this.matchCaller(caller);
      case 'max-wait':
        if (settings.maxWait !== undefined) this.routeAway(caller, settings.maxWait.route, 'max-wait');
    }
  }

  // Matching

  private matchCaller(caller: Caller): void {
    if (caller.place === 'personal') {
      const agent = caller.preferred?.agent;
      if (agent?.pooled) this.offer(caller, agent, 'preferred');
      return;
    }
    const wait = this.clock - caller.enteredAt;
    const own = this.bestLinkIn(caller.line, caller, wait);
    if (own !== undefined) return this.offer(caller, own.agent, 'queue');
    const overflowLine = caller.line.overflowLine;
    if (!caller.inOverflow || overflowLine === undefined) return;
    const other = this.bestLinkIn(overflowLine, caller, wait);
    if (other !== undefined) this.offer(caller, other.agent, 'overflow');
  }

  private bestLinkIn(line: Line, caller: Caller, wait: number): AgentLink | undefined {
    let best: AgentLink | undefined;
    for (const pool of line.pools) {
      if (pool.delayMs > wait) break;
      const candidate = pickAgent(pool.agents, line.queue, caller.heldBackFrom);
      if (candidate !== undefined && (best === undefined || agentGoesFirst(candidate, best, line.queue))) {
        best = candidate;
      }
    }
    return best;
  }

  /** Offers the free agent their best caller, or puts them in their pools to wait for one. */
  private agentFree(agent: Agent): void {
    if (!this.matchAgent(agent)) this.joinPools(agent);
  }

  /**
   * Callers waiting for this agent alone come first; then the profile's queues by priority, and
   * within a priority the best score among the callers whose wait meets the queue's delay.
   */
  private matchAgent(agent: Agent): boolean {
    const own = agent.personal.first();
    if (own !== undefined) {
      this.offer(own, agent, 'preferred');
      return true;
    }
    const links = agent.links;
    for (let i = 0; i < links.length;) {
      const priority = links[i].priority;
      let best: Caller | undefined;
      let bestLink: AgentLink | undefined;
      for (; i < links.length && links[i].priority === priority; i++) {
        const link = links[i];
        const candidate = link.line.bestCallerFor(agent, this.clock - link.delayMs);
        if (candidate !== undefined && (best === undefined || callerOrder(candidate, best) < 0)) {
          best = candidate;
          bestLink = link;
        }
      }
      if (best !== undefined && bestLink !== undefined) {
        this.offer(best, agent, best.line === bestLink.line ? 'queue' : 'overflow');
        return true;
      }
    }
    return false;
  }

  private offer(caller: Caller, agent: Agent, via: OfferVia): void {
    this.unplace(caller);
    caller.place = 'offered';
    if (agent.pooled) this.leavePools(agent);
    agent.state = 'reserved';
    if (via === 'queue') caller.queue.lastOffered = agent.seq;
    else if (via === 'overflow' && caller.queue.overflowQueue)
      caller.queue.overflowQueue.lastOffered = agent.seq;
    const settings = caller.queue.settings;
    const offer = new Offer(caller, agent, via, this.clock + settings.ringMs);
    offer.timer = this.schedule({ kind: 'ring', of: offer }, offer.expiresAt);
    caller.offer = offer;
    agent.offer = offer;
    caller.queue.offered++;
    this.emit({
      type: 'offer',
      at: this.clock,
      callerId: caller.id,
      agentId: agent.id,
      queue: caller.queue.name,
      via,
      ringSeconds: settings.ringSeconds,
      expiresAt: offer.expiresAt,
    });
  }

  /** Ends the offer on both sides; the caller is left unplaced and the agent reserved. */
  private closeOffer(offer: Offer): void {
    if (offer.timer !== undefined) this.timers.remove(offer.timer);
    offer.caller.offer = undefined;
    offer.agent.offer = undefined;
    offer.caller.place = 'unplaced';
    offer.caller.queue.offered--;
  }

  private withdrawOffer(offer: Offer, why: 'caller-left' | 'agent-unavailable'): void {
    this.closeOffer(offer);
    this.emit({
      type: 'offer-withdrawn',
      at: this.clock,
      callerId: offer.caller.id,
      agentId: offer.agent.id,
      queue: offer.caller.queue.name,
      why,
    });
  }

  /**
   * A missed offer: the caller goes back with their score and skips this agent for a while; the
   * agent is paused after enough misses in a row, otherwise free again. A preferred agent who
   * misses loses the preference, so the caller is not left waiting for them.
   */
  private missOffer(offer: Offer, expired: boolean): void {
    const { caller, agent } = offer;
    const settings = caller.queue.settings;
    this.closeOffer(offer);
    if (expired) {
      this.emit({
        type: 'offer-expired',
        at: this.clock,
        callerId: caller.id,
        agentId: agent.id,
        queue: caller.queue.name,
      });
    }
    agent.misses++;
    if (offer.via === 'preferred') this.dropPreference(caller);
    caller.heldBackFrom = agent;
    this.setCallerTimer(caller, 'reoffer', this.clock + settings.reofferMs);
    const pause = agent.misses >= settings.missesBeforePause;
    if (pause) {
      this.setState(agent, 'away');
      agent.reason = 'missed-offers';
      this.emit({
        type: 'agent-paused',
        at: this.clock,
        agentId: agent.id,
        reason: 'missed-offers',
        misses: agent.misses,
      });
    } else {
      agent.state = 'available';
    }
    this.place(caller);
    if (!pause) this.agentFree(agent);
  }

  // Agents

  private endWrapUp(
    agent: Agent,
    why: 'timer' | 'disposition' | 'presence',
    chosen?: PendingPresence | { state: 'available' },
  ): void {
    if (agent.wrapUp !== undefined) this.timers.remove(agent.wrapUp);
    agent.wrapUp = undefined;
    agent.dispositionRecorded = false;
    const next = chosen ?? agent.pending ?? { state: 'available' };
    agent.pending = undefined;
    this.emit({ type: 'wrapup-ended', at: this.clock, agentId: agent.id, why, next: next.state });
    this.enterPresence(agent, next.state, 'reason' in next ? next.reason : undefined);
  }

  /** Moves an agent who holds no offer, call or pool place into a chosen presence. */
  private enterPresence(agent: Agent, presence: AgentPresence, reason: string | undefined): void {
    agent.reason = presence === 'available' ? undefined : reason;
    this.setState(agent, presence);
    if (presence === 'available') {
      agent.availableSince = this.clock;
      this.agentFree(agent);
    } else if (presence === 'offline') {
      this.releasePersonal(agent);
    }
  }

  private setState(agent: Agent, next: AgentState): void {
    const before = presenceLevel(agent.state);
    const after = presenceLevel(next);
    agent.state = next;
    if (before === after) return;
    const loggedIn = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
    const staffed = (after === 2 ? 1 : 0) - (before === 2 ? 1 : 0);
    for (const entry of agent.entries) {
      entry.queue.loggedIn += loggedIn;
      entry.queue.staffed += staffed;
    }
    for (const link of agent.links) this.adjustLine(link.line, loggedIn, staffed);
  }

  /** A preferred agent who logs out no longer holds anyone: their callers join their queues. */
  private releasePersonal(agent: Agent): void {
    const held: Caller[] = [];
    for (let caller = agent.personal.first(); caller !== undefined; caller = agent.personal.first()) {
      agent.personal.remove(caller);
      caller.place = 'unplaced';
      held.push(caller);
    }
    for (const caller of held) {
      this.dropPreference(caller);
      this.place(caller);
    }
  }
}
