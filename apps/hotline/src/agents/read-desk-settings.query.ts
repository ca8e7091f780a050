import { Injectable } from '@nestjs/common';
import { AgentDeskSettingsView } from '@hotline/contracts';
import { AgentDirectory } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { DomainError } from '../shared/domain-error';

/** What the agent's desktop needs of the configuration: away reasons and the wrap-up time of their queues. */
@Injectable()
export class ReadDeskSettings {
  constructor(
    private readonly agents: AgentDirectory,
    private readonly settings: Settings,
  ) {}

  async execute(agentId: string): Promise<AgentDeskSettingsView> {
    const agent = await this.agents.findById(agentId);
    if (!agent) throw new DomainError('AGENT.NOT_FOUND', 'Your account has no agent profile', 404);
    const { agents, queues } = this.settings.contactCenter;
    return {
      awayReasons: agents.awayReasons,
      wrapUpSeconds: Object.fromEntries(
        agent.queues.flatMap(({ queue }) => {
          const config = queues.get(queue);
          return config ? [[queue, config.wrapUpSeconds]] : [];
        }),
      ),
    };
  }
}
