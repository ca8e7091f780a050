import { AgentState } from '@hotline/contracts';
import { AgentQueue, AgentRecord } from '@hotline/persistence';

export interface AgentProfileView {
  id: string;
  identity: string;
  displayName: string;
  skills: string[];
  queues: AgentQueue[];
}

export interface AgentStateView extends AgentProfileView {
  state: AgentState;
  reason?: string;
  /** When the agent entered this state (ms since the epoch). */
  since: number | null;
  callSid?: string;
}

export function toProfileView(agent: AgentRecord): AgentProfileView {
  return {
    id: agent.id,
    identity: agent.identity,
    displayName: agent.displayName,
    skills: agent.skills,
    queues: agent.queues,
  };
}
