import type { AgentState } from '@hotline/contracts';
import type { OfferVia } from './acd-decision';
import type { QueueSettings, TierSettings } from './engine-config';
import { OrderedSet } from './ordered-set';
import type { HeapSlot } from './timer-heap';

/** Everything the engine will do at a given time, kept in one heap so the server needs one timer. */
export type Timer = HeapSlot &
  (
    | { kind: 'ring'; of: Offer }
    | { kind: 'wrap-up'; of: Agent }
    | { kind: CallerTimerKind; of: Caller }
    | { kind: 'line-no-agents'; of: Line }
    | { kind: 'wait-reached'; of: WaitWatch }
  );

/** Deadlines of single callers; those every caller of a line reaches are kept by its WaitWatch. */
export type CallerTimerKind = 'max-wait' | 'preference' | 'reoffer' | 'no-agents';

/**
 * Where a caller is: in its line (and maybe an overflow line), held for a preferred agent,
 * ringing, or between places while the engine decides.
 */
export type CallerPlace = 'line' | 'personal' | 'offered' | 'unplaced';

export class Caller {
  place: CallerPlace = 'unplaced';
  inOverflow = false;
  overflowAnnounced = false;
  preferred: { agent: Agent; until: number } | undefined;
  /** The agent who just missed this caller, passed over until the reoffer timer fires. */
  heldBackFrom: Agent | undefined;
  offer: Offer | undefined;
  /** Only while held for a preferred agent: in a line, the line's max-wait watch stands for it. */
  maxWaitTimer: Timer | undefined;
  preferenceTimer: Timer | undefined;
  reofferTimer: Timer | undefined;
  noAgentsTimer: Timer | undefined;
  /** Time entered minus the tier's head start: lower is served first. */
  readonly score: number;

  constructor(
    readonly id: string,
    readonly seq: number,
    readonly queue: QueueState,
    readonly tier: TierSettings,
    readonly skills: readonly string[],
    readonly enteredAt: number,
    readonly line: Line,
  ) {
    this.score = enteredAt - tier.headStartMs;
  }
}

export function callerTimer(caller: Caller, kind: CallerTimerKind): Timer | undefined {
  switch (kind) {
    case 'max-wait':
      return caller.maxWaitTimer;
    case 'preference':
      return caller.preferenceTimer;
    case 'reoffer':
      return caller.reofferTimer;
    case 'no-agents':
      return caller.noAgentsTimer;
  }
}

export function setCallerTimerField(caller: Caller, kind: CallerTimerKind, timer: Timer | undefined): void {
  switch (kind) {
    case 'max-wait':
      caller.maxWaitTimer = timer;
      return;
    case 'preference':
      caller.preferenceTimer = timer;
      return;
    case 'reoffer':
      caller.reofferTimer = timer;
      return;
    case 'no-agents':
      caller.noAgentsTimer = timer;
  }
}

/** Caller order: score, then time entered, then arrival sequence. */
export function callerOrder(a: Caller, b: Caller): number {
  return a.score - b.score || a.enteredAt - b.enteredAt || a.seq - b.seq;
}

/** Order inside one tier, where the head start is the same: time entered, then sequence. */
function tierOrder(a: Caller, b: Caller): number {
  return a.enteredAt - b.enteredAt || a.seq - b.seq;
}

export interface PendingPresence {
  state: 'away' | 'offline';
  reason?: string;
}

export class Agent {
  state: AgentState = 'offline';
  reason: string | undefined;
  skills: ReadonlySet<string> = new Set();
  entries: readonly ResolvedProfileQueue[] = [];
  /** One link per line the agent can serve, sorted by profile priority. */
  links: AgentLink[] = [];
  /** Whether the agent's links are in their pools of free agents. */
  pooled = false;
  /** Callers who asked for this agent and wait for them alone. */
  readonly personal = new OrderedSet<Caller>(callerOrder);
  availableSince = 0;
  callsToday = 0;
  talkMsToday = 0;
  misses = 0;
  offer: Offer | undefined;
  /** The queue of the call in progress, and when it was answered. */
  callQueue: QueueState | undefined;
  answeredAt = 0;
  wrapUp: Timer | undefined;
  dispositionRecorded = false;
  pending: PendingPresence | undefined;

  constructor(
    readonly id: string,
    readonly seq: number,
  ) {}

  covers(skills: readonly string[]): boolean {
    return skills.every((skill) => this.skills.has(skill));
  }
}

export interface ResolvedProfileQueue {
  queue: QueueState;
  priority: number;
  delayMs: number;
  level: number;
}

/** An agent's place in one line's pool of free agents. */
export class AgentLink {
  constructor(
    readonly agent: Agent,
    readonly line: Line,
    readonly priority: number,
    readonly delayMs: number,
    readonly level: number,
    readonly pool: AgentPool,
  ) {}
}

export class Offer {
  timer: Timer | undefined;

  constructor(
    readonly caller: Caller,
    readonly agent: Agent,
    readonly via: OfferVia,
    readonly expiresAt: number,
  ) {}
}

export class QueueState {
  readonly lines: Line[] = [];
  /** The line of callers who need no skills beyond the queue's, looked up on every arrival. */
  plainLine: Line | undefined;
  /** Agents whose profile names this queue, in the order they got it. */
  readonly members = new Set<Agent>();
  overflowQueue: QueueState | undefined;
  /** Callers of this queue the engine holds, ringing or not. */
  present = 0;
  offered = 0;
  loggedIn = 0;
  staffed = 0;
  /** Sequence of the agent last offered a call, for round robin. */
  lastOffered = -1;

  constructor(readonly settings: QueueSettings) {}

  get name(): string {
    return this.settings.name;
  }
}

/** The free agents of one line who wait `delayMs` before taking a caller, ordered by the queue's strategy. */
export class AgentPool {
  /** For a delay: wakes the pool when a caller has waited long enough for its agents. */
  readonly watch: WaitWatch | undefined;

  constructor(
    readonly line: Line,
    readonly delayMs: number,
    readonly agents: OrderedSet<AgentLink>,
  ) {
    this.watch = delayMs > 0 ? new WaitWatch('delay', line, delayMs, this) : undefined;
  }
}

export type WaitWatchKind = 'delay' | 'overflow' | 'max-wait';

/**
 * Acts on a line's callers as their wait reaches `afterMs`, with one timer for the whole line
 * instead of one per caller: the timer is set for the earliest caller not yet dealt with, and
 * callers are in entry order per tier. A caller away from the line then (ringing, or held for a
 * preferred agent) is dealt with when placed back.
 */
export class WaitWatch {
  timer: Timer | undefined;
  /** Callers who entered at or before this time have been dealt with. */
  scannedThrough = Number.NEGATIVE_INFINITY;

  constructor(
    readonly kind: WaitWatchKind,
    readonly line: Line,
    readonly afterMs: number,
    readonly pool?: AgentPool,
  ) {}

  /** A delay watch only matters while its pool has free agents. */
  get active(): boolean {
    return this.pool === undefined || this.pool.agents.size > 0;
  }

  /** Overflow and max wait concern the line's own callers, not those overflowing into it. */
  concerns(caller: Caller): boolean {
    return this.kind === 'delay' || caller.line === this.line;
  }
}

/**
 * The callers of one queue who need the same skills, with the agents who can serve them. Callers
 * are kept per tier in order of entry: within a tier that is score order, and the head of each
 * tier is the caller who has waited longest, which is what profile delays ask about.
 */
export class Line {
  readonly tiers: OrderedSet<Caller>[];
  /** Ascending by delay. */
  readonly pools: AgentPool[] = [];
  /** The overflow and max-wait watches, then one per delayed pool. */
  readonly watches: WaitWatch[] = [];
  overflowLine: Line | undefined;
  readonly overflowSources: Line[] = [];
  loggedIn = 0;
  staffed = 0;
  /** Since when no agent who could take this line's callers has been logged in, if the queue cares. */
  strandedSince: number | undefined;
  strandTimer: Timer | undefined;

  constructor(
    readonly queue: QueueState,
    /** What the caller asked for beyond the queue; the overflow line keeps it. */
    readonly callerSkills: readonly string[],
    /** Everything an agent needs to serve this line. */
    readonly skills: readonly string[],
    tierCount: number,
  ) {
    this.tiers = Array.from({ length: tierCount }, () => new OrderedSet<Caller>(tierOrder));
    const { overflow, maxWait } = queue.settings;
    if (overflow !== undefined) this.watches.push(new WaitWatch('overflow', this, overflow.afterMs));
    if (maxWait !== undefined) this.watches.push(new WaitWatch('max-wait', this, maxWait.ms));
  }

  insert(caller: Caller): void {
    this.tiers[caller.tier.index].insert(caller);
  }

  remove(caller: Caller): void {
    this.tiers[caller.tier.index].remove(caller);
  }

  get waiting(): number {
    return this.tiers.reduce((sum, tier) => sum + tier.size, 0);
  }

  /** Callers of this line served before `caller`, across tiers. */
  countAhead(caller: Caller): number {
    return this.tiers.reduce((sum, tier) => sum + tier.countBefore((other) => callerOrder(other, caller)), 0);
  }

  /**
   * The best-scored caller `agent` may take: entered at or before `latestEntry` (the agent's delay)
   * and not just missed by this agent.
   */
  bestCallerFor(agent: Agent, latestEntry: number): Caller | undefined {
    let best: Caller | undefined;
    for (const tier of this.tiers) {
      let candidate = tier.first();
      while (
        candidate !== undefined &&
        candidate.enteredAt <= latestEntry &&
        candidate.heldBackFrom === agent
      ) {
        candidate = tier.after(candidate);
      }
      if (candidate === undefined || candidate.enteredAt > latestEntry) continue;
      if (best === undefined || callerOrder(candidate, best) < 0) best = candidate;
    }
    return best;
  }

  /** Callers who entered after `from` and at or before `to`, best first. */
  enteredBetween(from: number, to: number): Caller[] {
    const found: Caller[] = [];
    for (const tier of this.tiers) {
      for (
        let caller = tier.firstFrom((other) => (other.enteredAt > from ? 0 : -1));
        caller !== undefined && caller.enteredAt <= to;
        caller = tier.after(caller)
      ) {
        found.push(caller);
      }
    }
    return found.sort(callerOrder);
  }

  /** The earliest entry time after `from` among this line's callers. */
  firstEntryAfter(from: number): number | undefined {
    let earliest: number | undefined;
    for (const tier of this.tiers) {
      const caller = tier.firstFrom((other) => (other.enteredAt > from ? 0 : -1));
      if (caller !== undefined && (earliest === undefined || caller.enteredAt < earliest)) {
        earliest = caller.enteredAt;
      }
    }
    return earliest;
  }
}
