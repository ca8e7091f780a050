import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { UserStore } from '@hotline/persistence';
import type { Logger } from 'pino';
import { LOGGER } from '../shared/logger';
import { Settings } from '../config/settings';
import { CreateUser, NewUser } from './create-user.use-case';

/** Demo accounts of the sandbox, documented in the README. Never created outside the sandbox. */
export const SANDBOX_USERS: NewUser[] = [
  { username: 'admin', password: 'admin-demo', role: 'admin', displayName: 'Demo Admin' },
  { username: 'supervisor', password: 'supervisor-demo', role: 'supervisor', displayName: 'Demo Supervisor' },
  { username: 'agent1', password: 'agent-demo', role: 'agent', displayName: 'Agent One' },
  { username: 'agent2', password: 'agent-demo', role: 'agent', displayName: 'Agent Two' },
  { username: 'agent3', password: 'agent-demo', role: 'agent', displayName: 'Agent Three' },
];

/**
 * The first admin comes from ADMIN_USERNAME/ADMIN_PASSWORD when no admin exists yet; in the
 * sandbox, the demo accounts are created too.
 */
@Injectable()
export class SeedUsers implements OnApplicationBootstrap {
  constructor(
    private readonly users: UserStore,
    private readonly createUser: CreateUser,
    private readonly settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminUsername, adminPassword } = this.settings.env.auth;
    if (adminUsername && adminPassword && (await this.users.countByRole('admin')) === 0) {
      await this.createUser.execute({ username: adminUsername, password: adminPassword, role: 'admin' });
      this.logger.info({ username: adminUsername }, 'created the first admin');
    }
    if (!this.settings.env.sandbox) return;
    for (const user of SANDBOX_USERS) {
      if (!(await this.users.findByUsername(user.username))) await this.createUser.execute(user);
    }
  }
}
