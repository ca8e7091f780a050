/** How a queue picks among the agents free to take a caller. */
export const AGENT_STRATEGIES = [
  'longest-idle',
  'fewest-calls',
  'least-talk-time',
  'round-robin',
  'lowest-level',
] as const;

export type AgentStrategy = (typeof AGENT_STRATEGIES)[number];

/** Where a caller goes when a queue limit sends them away. */
export type Route = { kind: 'voicemail' | 'callback'; target?: string } | { kind: 'queue'; target: string };

export interface QueueConfig {
  name: string;
  /** Skills an agent needs, on top of any the caller needs, to take this queue's callers. */
  skills?: readonly string[];
  /** Default 'longest-idle'. */
  strategy?: AgentStrategy;
  /** How long an offer rings before it counts as missed. Default 20. */
  ringSeconds?: number;
  /** After-call work after each call from this queue; a disposition ends it early. Default 30. */
  wrapUpSeconds?: number;
  /** Consecutive missed offers (no answer, declined, failed) that pause the agent. Default 2. */
  missesBeforePause?: number;
  /** How long an agent who missed a caller is passed over for that caller. Default 10. */
  reofferAfterSeconds?: number;
  /** After `afterSeconds` a caller may also be taken by the agents of `queue`, keeping their score. */
  overflow?: { afterSeconds: number; queue: string };
  /** A caller arriving when this many callers are already in the queue goes to `route`. */
  maxWaiting?: { callers: number; route: Route };
  /** A caller who has waited this long goes to `route`. */
  maxWait?: { seconds: number; route: Route };
  /**
   * When no agent who could take a caller is logged in (counting the overflow queue), the caller
   * goes to `route` after `afterSeconds` (default 0). Without it callers keep waiting.
   */
  noAgents?: { route: Route; afterSeconds?: number };
}

export interface TierConfig {
  name: string;
  /** A caller of this tier is ordered as if they had entered this much earlier. */
  headStartSeconds: number;
}

export interface AcdConfig {
  queues: readonly QueueConfig[];
  tiers: readonly TierConfig[];
}

/** One queue of an agent's routing profile. */
export interface ProfileQueue {
  queue: string;
  /** 1 is served before 2, and so on. Default 1. */
  priority?: number;
  /** Only callers who have waited at least this long are taken from this queue. Default 0. */
  delaySeconds?: number;
  /** Proficiency or penalty for 'lowest-level' queues: lower is offered first. Default 1. */
  level?: number;
}

export interface AgentProfile {
  skills?: readonly string[];
  queues: readonly ProfileQueue[];
}

export const QUEUE_DEFAULTS = {
  strategy: 'longest-idle',
  ringSeconds: 20,
  wrapUpSeconds: 30,
  missesBeforePause: 2,
  reofferAfterSeconds: 10,
} as const satisfies Partial<QueueConfig>;
