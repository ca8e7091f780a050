import { AgentProfile } from '@hotline/acd';
import { AgentRecord } from '@hotline/persistence';

/** The routing engine's view of an agent: skills and the queues of their routing profile. */
export function profileOf(agent: AgentRecord): AgentProfile {
  return {
    skills: agent.skills,
    queues: agent.queues.map((queue) => ({
      queue: queue.queue,
      priority: queue.priority,
      delaySeconds: queue.delaySeconds,
      level: queue.level,
    })),
  };
}
