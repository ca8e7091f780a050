/** One queue an agent serves, as in their routing profile. */
export interface AgentQueue {
  queue: string;
  /** 1 is served first; larger numbers only when no caller of a smaller one waits. */
  priority: number;
  /** The agent takes this queue's callers only after they have waited this long. */
  delaySeconds: number;
  /** Proficiency: 1 is the best; strategies such as lowest-level prefer smaller levels. */
  level: number;
}

/** An agent: a user with the agent role, with the skills and queues that route callers to them. */
export interface AgentRecord {
  /** The user's id. */
  id: string;
  /** Softphone identity (`client:<identity>`): the username. */
  identity: string;
  displayName: string;
  skills: string[];
  queues: AgentQueue[];
  createdAt: number;
  updatedAt: number;
}

export abstract class AgentDirectory {
  abstract list(): Promise<AgentRecord[]>;

  abstract findById(id: string): Promise<AgentRecord | null>;

  abstract findByIdentity(identity: string): Promise<AgentRecord | null>;

  abstract save(agent: AgentRecord): Promise<void>;
}
