import { AgentEvent } from '@hotline/contracts';

export type NewAgentEvent = Omit<AgentEvent, 'seq'>;

export type AgentEventListener = (event: AgentEvent) => void;

/**
 * Agent presence as an append-only log, one row per state change, numbered per agent. Listeners
 * hear each change once, after it is durable.
 */
export abstract class AgentLog {
  private readonly listeners: AgentEventListener[] = [];

  abstract append(event: NewAgentEvent): Promise<AgentEvent>;

  /** The latest event of every agent who has one. */
  abstract latest(): Promise<AgentEvent[]>;

  /** Events with from ≤ at < to, in time order. */
  abstract between(from: number, to: number): Promise<AgentEvent[]>;

  onAppended(listener: AgentEventListener): void {
    this.listeners.push(listener);
  }

  protected announce(event: AgentEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
