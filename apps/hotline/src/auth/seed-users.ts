import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { UserStore } from '@hotline/persistence';
import type { Logger } from 'pino';
import { LOGGER } from '../shared/logger';
import { Settings } from '../config/settings';
import { CreateUser } from './create-user.use-case';

/** The first admin comes from ADMIN_USERNAME/ADMIN_PASSWORD when no admin exists yet. */
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
  }
}
