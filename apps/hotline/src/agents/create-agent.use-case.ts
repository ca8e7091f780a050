import { Injectable } from '@nestjs/common';
import { AgentDirectory } from '@hotline/persistence';
import { CreateUser } from '../auth/create-user.use-case';
import { RoutingHost } from '../routing/routing-host';
import { Clock } from '../shared/clock';
import { AgentProfileFactory } from './agent-profile.factory';
import { CreateAgentRequest } from './agent.dto';
import { AgentProfileView, toProfileView } from './agent-view';

/** Opens an agent account: a user with the agent role and the routing profile that brings them calls. */
@Injectable()
export class CreateAgent {
  constructor(
    private readonly createUser: CreateUser,
    private readonly agents: AgentDirectory,
    private readonly profiles: AgentProfileFactory,
    private readonly routing: RoutingHost,
    private readonly clock: Clock,
  ) {}

  async execute(request: CreateAgentRequest): Promise<AgentProfileView> {
    const profile = this.profiles.build(request);
    const user = await this.createUser.execute({
      username: request.username,
      password: request.password,
      role: 'agent',
      displayName: request.displayName,
    });
    const now = this.clock.now();
    const agent = {
      id: user.id,
      identity: user.username,
      displayName: user.displayName,
      ...profile,
      createdAt: now,
      updatedAt: now,
    };
    await this.agents.save(agent);
    await this.routing.profileChanged(agent.id, profile);
    return toProfileView(agent);
  }
}
