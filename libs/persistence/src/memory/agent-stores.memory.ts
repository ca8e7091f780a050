import { AgentEvent } from '@hotline/contracts';
import { AgentDirectory, AgentRecord } from '../ports/agent-directory.port';
import { AgentLog, NewAgentEvent } from '../ports/agent-log.port';
import { RoutingInput, RoutingJournal } from '../ports/routing-journal.port';

export class InMemoryAgentDirectory extends AgentDirectory {
  private readonly agents = new Map<string, AgentRecord>();

  async list(): Promise<AgentRecord[]> {
    return [...this.agents.values()].map((agent) => structuredClone(agent));
  }

  async findById(id: string): Promise<AgentRecord | null> {
    const agent = this.agents.get(id);
    return agent ? structuredClone(agent) : null;
  }

  async findByIdentity(identity: string): Promise<AgentRecord | null> {
    const agent = [...this.agents.values()].find((candidate) => candidate.identity === identity);
    return agent ? structuredClone(agent) : null;
  }

  async save(agent: AgentRecord): Promise<void> {
    this.agents.set(agent.id, structuredClone(agent));
  }
}

export class InMemoryAgentLog extends AgentLog {
  private readonly events: AgentEvent[] = [];

  async append(event: NewAgentEvent): Promise<AgentEvent> {
    const seq = this.events.filter((existing) => existing.agentId === event.agentId).length;
    const stored = { ...event, seq };
    this.events.push(stored);
    this.announce(stored);
    return stored;
  }

  async latest(): Promise<AgentEvent[]> {
    const last = new Map<string, AgentEvent>();
    for (const event of this.events) last.set(event.agentId, event);
    return [...last.values()];
  }

  async between(from: number, to: number): Promise<AgentEvent[]> {
    return this.events.filter((event) => event.at >= from && event.at < to).sort((a, b) => a.at - b.at);
  }
}

export class InMemoryRoutingJournal extends RoutingJournal {
  private readonly inputs: RoutingInput[] = [];

  async append(input: RoutingInput): Promise<void> {
    this.inputs.push(structuredClone(input));
  }

  async since(from: number): Promise<RoutingInput[]> {
    return this.inputs.filter((input) => input.at >= from).map((input) => structuredClone(input));
  }
}
