import { Injectable } from '@nestjs/common';
import { AgentDirectory, AgentLog } from '@hotline/persistence';
import { RoutingHost } from '../routing/routing-host';
import { AgentStateView, toProfileView } from './agent-view';

/** Every agent with their profile and current state, as supervisors see them. */
@Injectable()
export class ListAgents {
  constructor(
    private readonly agents: AgentDirectory,
    private readonly log: AgentLog,
    private readonly routing: RoutingHost,
  ) {}

  async execute(onlyAgentId?: string): Promise<AgentStateView[]> {
    const latest = new Map((await this.log.latest()).map((event) => [event.agentId, event]));
    const agents = await this.agents.list();
    return agents
      .filter((agent) => onlyAgentId === undefined || agent.id === onlyAgentId)
      .map((agent) => {
        const view = this.routing.agent(agent.id);
        const last = latest.get(agent.id);
        return {
          ...toProfileView(agent),
          state: view?.state ?? 'offline',
          reason: view?.reason,
          since: last?.at ?? null,
          callSid: this.routing.tracker.callOf(agent.id),
        };
      });
  }
}
