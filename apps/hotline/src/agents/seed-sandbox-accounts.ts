import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AgentDirectory, UserStore } from '@hotline/persistence';
import { CreateUser } from '../auth/create-user.use-case';
import { Settings } from '../config/settings';
import { CreateAgent } from './create-agent.use-case';

/** Demo accounts of the sandbox, documented in the README. Never created outside the sandbox. */
export const SANDBOX_STAFF = [
  { username: 'admin', password: 'admin-demo', role: 'admin', displayName: 'Demo Admin' },
  { username: 'supervisor', password: 'supervisor-demo', role: 'supervisor', displayName: 'Demo Supervisor' },
] as const;

export const SANDBOX_AGENTS = [
  { username: 'agent1', displayName: 'Agent One' },
  { username: 'agent2', displayName: 'Agent Two' },
  { username: 'agent3', displayName: 'Agent Three' },
];

export const SANDBOX_AGENT_PASSWORD = 'agent-demo';

/** In the sandbox: a demo admin and supervisor, and demo agents who serve every queue. */
@Injectable()
export class SeedSandboxAccounts implements OnApplicationBootstrap {
  constructor(
    private readonly users: UserStore,
    private readonly agents: AgentDirectory,
    private readonly createUser: CreateUser,
    private readonly createAgent: CreateAgent,
    private readonly settings: Settings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.env.sandbox) return;
    for (const user of SANDBOX_STAFF) {
      if (!(await this.users.findByUsername(user.username))) await this.createUser.execute(user);
    }
    const queues = [...this.settings.contactCenter.queues.keys()].map((queue) => ({ queue }));
    for (const agent of SANDBOX_AGENTS) {
      if (await this.agents.findByIdentity(agent.username)) continue;
      await this.createAgent.execute({ ...agent, password: SANDBOX_AGENT_PASSWORD, queues });
    }
  }
}
