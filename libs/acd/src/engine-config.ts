import { AGENT_STRATEGIES, QUEUE_DEFAULTS, type AcdConfig, type QueueConfig, type Route } from './acd-config';
import { AcdError } from './acd-error';
import type { AgentStrategy } from './acd-config';

/** A queue's settings with defaults applied and times in ms. */
export interface QueueSettings {
  name: string;
  skills: readonly string[];
  strategy: AgentStrategy;
  ringSeconds: number;
  ringMs: number;
  wrapUpMs: number;
  missesBeforePause: number;
  reofferMs: number;
  overflow?: { afterMs: number; queue: string };
  maxWaiting?: { callers: number; route: Route };
  maxWait?: { ms: number; route: Route };
  noAgents?: { afterMs: number; route: Route };
}

export interface TierSettings {
  name: string;
  index: number;
  headStartMs: number;
}

export interface EngineSettings {
  queues: readonly QueueSettings[];
  tiers: readonly TierSettings[];
}

const SECOND = 1000;

function invalid(message: string): AcdError {
  return new AcdError('ACD.INVALID_CONFIG', message);
}

function seconds(value: number | undefined, fallback: number, what: string, positive = false): number {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen < 0 || (positive && chosen === 0)) {
    throw invalid(`${what} must be a ${positive ? 'positive' : 'non-negative'} number of seconds`);
  }
  return chosen;
}

function count(value: number, what: string, min: number): number {
  if (!Number.isInteger(value) || value < min) throw invalid(`${what} must be an integer of at least ${min}`);
  return value;
}

const NO_SKILLS: readonly string[] = Object.freeze([]);

/** Sorted and without repeats; callers who need no skills, the usual case, share one empty list. */
export function normalizeSkills(skills: readonly string[] | undefined): readonly string[] {
  if (skills === undefined || skills.length === 0) return NO_SKILLS;
  return [...new Set(skills)].sort();
}

function queueRoutes(queue: QueueConfig): Route[] {
  return [queue.maxWaiting?.route, queue.maxWait?.route, queue.noAgents?.route].filter(
    (route): route is Route => route !== undefined,
  );
}

function resolveQueue(queue: QueueConfig): QueueSettings {
  const name = queue.name;
  const strategy = queue.strategy ?? QUEUE_DEFAULTS.strategy;
  if (!AGENT_STRATEGIES.includes(strategy)) throw invalid(`queue ${name}: unknown strategy ${strategy}`);
  const ringSeconds = seconds(
    queue.ringSeconds,
    QUEUE_DEFAULTS.ringSeconds,
    `queue ${name}: ringSeconds`,
    true,
  );
  return {
    name,
    skills: normalizeSkills(queue.skills),
    strategy,
    ringSeconds,
    ringMs: ringSeconds * SECOND,
    wrapUpMs:
      seconds(queue.wrapUpSeconds, QUEUE_DEFAULTS.wrapUpSeconds, `queue ${name}: wrapUpSeconds`) * SECOND,
    missesBeforePause: count(
      queue.missesBeforePause ?? QUEUE_DEFAULTS.missesBeforePause,
      `queue ${name}: missesBeforePause`,
      1,
    ),
    reofferMs:
      seconds(
        queue.reofferAfterSeconds,
        QUEUE_DEFAULTS.reofferAfterSeconds,
        `queue ${name}: reofferAfterSeconds`,
      ) * SECOND,
    overflow: queue.overflow && {
      afterMs: seconds(queue.overflow.afterSeconds, 0, `queue ${name}: overflow.afterSeconds`) * SECOND,
      queue: queue.overflow.queue,
    },
    maxWaiting: queue.maxWaiting && {
      callers: count(queue.maxWaiting.callers, `queue ${name}: maxWaiting.callers`, 0),
      route: queue.maxWaiting.route,
    },
    maxWait: queue.maxWait && {
      ms: seconds(queue.maxWait.seconds, 0, `queue ${name}: maxWait.seconds`, true) * SECOND,
      route: queue.maxWait.route,
    },
    noAgents: queue.noAgents && {
      afterMs: seconds(queue.noAgents.afterSeconds, 0, `queue ${name}: noAgents.afterSeconds`) * SECOND,
      route: queue.noAgents.route,
    },
  };
}

/** Queue routes must end somewhere: a cycle would pass a caller around for ever in one instant. */
function checkRouteCycles(queues: readonly QueueConfig[]): void {
  const next = new Map(queues.map((queue) => [queue.name, queueRoutes(queue)]));
  const done = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    if (path.includes(name)) throw invalid(`queue routes form a cycle: ${[...path, name].join(' -> ')}`);
    if (done.has(name)) return;
    for (const route of next.get(name) ?? []) {
      if (route.kind === 'queue') visit(route.target, [...path, name]);
    }
    done.add(name);
  };
  for (const queue of queues) visit(queue.name, []);
}

function checkReferences(queues: readonly QueueSettings[]): void {
  const names = new Set(queues.map((queue) => queue.name));
  for (const queue of queues) {
    const overflow = queue.overflow?.queue;
    if (overflow !== undefined && (overflow === queue.name || !names.has(overflow))) {
      throw invalid(`queue ${queue.name}: overflow queue ${overflow} must be another configured queue`);
    }
    for (const route of [queue.maxWaiting?.route, queue.maxWait?.route, queue.noAgents?.route]) {
      if (route?.kind === 'queue' && !names.has(route.target)) {
        throw invalid(`queue ${queue.name}: route to unknown queue ${route.target}`);
      }
    }
  }
}

/** Validates the configuration and fills in defaults; throws ACD.INVALID_CONFIG naming the problem. */
export function resolveConfig(config: AcdConfig): EngineSettings {
  if (config.queues.length === 0) throw invalid('at least one queue is required');
  if (config.tiers.length === 0) throw invalid('at least one tier is required');
  const queueNames = new Set(config.queues.map((queue) => queue.name));
  if (queueNames.size !== config.queues.length) throw invalid('queue names must be unique');
  const tierNames = new Set(config.tiers.map((tier) => tier.name));
  if (tierNames.size !== config.tiers.length) throw invalid('tier names must be unique');
  const queues = config.queues.map(resolveQueue);
  checkReferences(queues);
  checkRouteCycles(config.queues);
  const tiers = config.tiers.map((tier, index) => ({
    name: tier.name,
    index,
    headStartMs: seconds(tier.headStartSeconds, 0, `tier ${tier.name}: headStartSeconds`) * SECOND,
  }));
  return { queues, tiers };
}
