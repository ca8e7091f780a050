import { Injectable } from '@nestjs/common';
import { AgentDirectory } from '@hotline/persistence';
import { RoutingHost } from '../routing/routing-host';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { AgentProfileFactory } from './agent-profile.factory';
import { AgentProfileRequest } from './agent.dto';
import { AgentProfileView, toProfileView } from './agent-view';

/** Changes the skills and queues an agent serves; the routing engine uses them from the next offer. */
@Injectable()
export class UpdateAgentProfile {
  constructor(
    private readonly agents: AgentDirectory,
    private readonly profiles: AgentProfileFactory,
    private readonly routing: RoutingHost,
    private readonly clock: Clock,
  ) {}

  async execute(agentId: string, request: AgentProfileRequest): Promise<AgentProfileView> {
    const agent = await this.agents.findById(agentId);
    if (!agent) throw new DomainError('AGENT.NOT_FOUND', `No agent ${agentId}`, 404);
    const profile = this.profiles.build(request);
    const updated = { ...agent, ...profile, updatedAt: this.clock.now() };
    await this.agents.save(updated);
    await this.routing.profileChanged(agentId, profile);
    return toProfileView(updated);
  }
}
