import { Injectable } from '@nestjs/common';
import { AgentDirectory } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { RoutingHost } from '../routing/routing-host';
import { DomainError } from '../shared/domain-error';
import { ChangeStateRequest } from './agent.dto';

/**
 * An agent (or a supervisor for them) goes available, away with a reason code, or signs out. On a
 * call the change waits for the end of wrap-up; a ringing offer is withdrawn at once.
 */
@Injectable()
export class ChangeAgentState {
  constructor(
    private readonly agents: AgentDirectory,
    private readonly routing: RoutingHost,
    private readonly settings: Settings,
  ) {}

  async execute(agentId: string, request: ChangeStateRequest): Promise<void> {
    if (!(await this.agents.findById(agentId)))
      throw new DomainError('AGENT.NOT_FOUND', `No agent ${agentId}`, 404);
    const reasons = this.settings.contactCenter.agents.awayReasons;
    if (request.state === 'away' && (!request.reason || !reasons.includes(request.reason))) {
      throw new DomainError(
        'AGENT.BAD_AWAY_REASON',
        `Away needs one of these reasons: ${reasons.join(', ')}`,
        400,
        {
          reasons,
        },
      );
    }
    await this.routing.presenceChanged(
      agentId,
      request.state,
      request.state === 'away' ? request.reason : undefined,
    );
  }
}
