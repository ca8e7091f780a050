import type { AgentStrategy } from './acd-config';
import type { Compare, OrderedSet } from './ordered-set';
import type { AgentLink, QueueState } from './routing-model';

/** Longest idle first; the agent's registration sequence settles ties for good. */
function longestIdle(a: AgentLink, b: AgentLink): number {
  return a.agent.availableSince - b.agent.availableSince || a.agent.seq - b.agent.seq;
}

/** How free agents of a queue are ordered; each key is fixed while the agent is free. */
export const AGENT_ORDERS: Record<AgentStrategy, Compare<AgentLink>> = {
  'longest-idle': longestIdle,
  'fewest-calls': (a, b) => a.agent.callsToday - b.agent.callsToday || longestIdle(a, b),
  'least-talk-time': (a, b) => a.agent.talkMsToday - b.agent.talkMsToday || longestIdle(a, b),
  'round-robin': (a, b) => a.agent.seq - b.agent.seq,
  'lowest-level': (a, b) => a.level - b.level || longestIdle(a, b),
};

/** Round robin continues after the agent last offered a call, wrapping round to the start. */
function roundRobinRank(link: AgentLink, queue: QueueState): number {
  return link.agent.seq > queue.lastOffered ? link.agent.seq : link.agent.seq + 2 ** 40;
}

/** Whether `a` should be offered before `b`, for the same queue's strategy. */
export function agentGoesFirst(a: AgentLink, b: AgentLink, queue: QueueState): boolean {
  const strategy = queue.settings.strategy;
  if (strategy === 'round-robin') return roundRobinRank(a, queue) < roundRobinRank(b, queue);
  return AGENT_ORDERS[strategy](a, b) < 0;
}

/** The agent of `agents` the queue's strategy offers next, passing over `skip`. */
export function pickAgent(
  agents: OrderedSet<AgentLink>,
  queue: QueueState,
  skip: AgentLink['agent'] | undefined,
): AgentLink | undefined {
  if (queue.settings.strategy !== 'round-robin') {
    const first = agents.first();
    return first !== undefined && first.agent === skip ? agents.after(first) : first;
  }
  const last = queue.lastOffered;
  const next = agents.firstFrom((link) => (link.agent.seq > last ? 0 : -1)) ?? agents.first();
  if (next === undefined || next.agent !== skip) return next;
  const following = agents.after(next) ?? agents.first();
  return following === next ? undefined : following;
}
