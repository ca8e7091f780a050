import type { AlertCleared, AlertView } from '@hotline/contracts';
import type { ContactCenterConfig, QueueSettings } from '../config/contact-center.config';
import type { BoardReading } from './live-board';

type Condition = Omit<AlertView, 'raisedAt'>;

function queueAlert(
  kind: 'service-level' | 'longest-wait' | 'vip-wait',
  queue: string,
  tier: string | null,
  value: number,
  threshold: number,
): Condition {
  const id = tier === null ? `${kind}:${queue}` : `${kind}:${queue}:${tier}`;
  return { id, kind, queue, tier, agentId: null, agentState: null, value, threshold };
}

function queueConditions(
  queue: QueueSettings,
  reading: BoardReading,
  config: ContactCenterConfig,
): Condition[] {
  const conditions: Condition[] = [];
  const { serviceLevelBelow, longestWaitSeconds } = queue.alerts;
  const serviceLevel = reading.today.queues[queue.name]?.serviceLevel.value ?? null;
  if (serviceLevel !== null && serviceLevel < serviceLevelBelow) {
    conditions.push(queueAlert('service-level', queue.name, null, serviceLevel, serviceLevelBelow));
  }
  const waiting = reading.live.queues[queue.name];
  const longest = waiting?.longestWaitSeconds ?? null;
  if (longest !== null && longest > longestWaitSeconds) {
    conditions.push(queueAlert('longest-wait', queue.name, null, longest, longestWaitSeconds));
  }
  for (const tier of config.tiers.values()) {
    const tierLongest = waiting?.tiers[tier.name]?.longestWaitSeconds ?? null;
    if (
      tier.vipWaitAlertSeconds !== undefined &&
      tierLongest !== null &&
      tierLongest > tier.vipWaitAlertSeconds
    ) {
      conditions.push(queueAlert('vip-wait', queue.name, tier.name, tierLongest, tier.vipWaitAlertSeconds));
    }
  }
  return conditions;
}

/**
 * An agent's limit in a state is the strictest of the queues concerned: the queue the state is
 * about (a reserved, on-call or wrap-up agent has one), otherwise every queue the agent serves.
 */
function agentConditions(
  reading: BoardReading,
  config: ContactCenterConfig,
  queuesOf: (agentId: string) => string[],
): Condition[] {
  const conditions: Condition[] = [];
  for (const [agentId, agent] of Object.entries(reading.live.agents)) {
    if (agent.state === 'offline' || agent.timeInStateSeconds === null) continue;
    const state = agent.state;
    const queues = agent.queue !== null && config.queues.has(agent.queue) ? [agent.queue] : queuesOf(agentId);
    const limits = queues.flatMap((queue) => config.queues.get(queue)?.alerts.agentStateSeconds[state] ?? []);
    if (limits.length === 0) continue;
    const threshold = Math.min(...limits);
    if (agent.timeInStateSeconds > threshold) {
      conditions.push({
        id: `agent-state:${agentId}:${state}`,
        kind: 'agent-state',
        queue: agent.queue,
        tier: null,
        agentId,
        agentState: state,
        value: agent.timeInStateSeconds,
        threshold,
      });
    }
  }
  return conditions;
}

/** The alerts raised now: each is raised when its condition starts and cleared when it ends. */
export class AlertBook {
  private readonly raised = new Map<string, AlertView>();

  constructor(
    private readonly config: ContactCenterConfig,
    private readonly queuesOf: (agentId: string) => string[],
  ) {}

  update(reading: BoardReading): { raised: AlertView[]; cleared: AlertCleared[] } {
    const conditions = [
      ...[...this.config.queues.values()].flatMap((queue) => queueConditions(queue, reading, this.config)),
      ...agentConditions(reading, this.config, this.queuesOf),
    ];
    const now = new Set(conditions.map((condition) => condition.id));
    const cleared: AlertCleared[] = [];
    for (const id of this.raised.keys()) {
      if (!now.has(id)) {
        this.raised.delete(id);
        cleared.push({ id, clearedAt: reading.now });
      }
    }
    const raised: AlertView[] = [];
    for (const condition of conditions) {
      if (this.raised.has(condition.id)) continue;
      const alert = { ...condition, raisedAt: reading.now };
      this.raised.set(condition.id, alert);
      raised.push(alert);
    }
    return { raised, cleared };
  }

  list(): AlertView[] {
    return [...this.raised.values()];
  }
}
