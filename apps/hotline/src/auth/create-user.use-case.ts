import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Role, UserStore } from '@hotline/persistence';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { PasswordHasher } from './password-hasher';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  displayName?: string;
}

export interface UserView {
  id: string;
  username: string;
  role: Role;
  displayName: string;
}

/** Creates a user account with a hashed password; a taken username is refused. */
@Injectable()
export class CreateUser {
  constructor(
    private readonly users: UserStore,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute(user: NewUser): Promise<UserView> {
    const record = {
      id: randomUUID(),
      username: user.username,
      passwordHash: await this.hasher.hash(user.password),
      role: user.role,
      displayName: user.displayName ?? user.username,
      createdAt: this.clock.now(),
    };
    if (!(await this.users.create(record))) {
      throw new DomainError('USER.ALREADY_EXISTS', `The username "${user.username}" is taken`, 409);
    }
    return { id: record.id, username: record.username, role: record.role, displayName: record.displayName };
  }
}
