import { Injectable } from '@nestjs/common';
import { UserStore } from '@hotline/persistence';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { Session, SessionIssuer } from './session-issuer';

/** Checks a username and password and opens a session. */
@Injectable()
export class LogInUser {
  constructor(
    private readonly users: UserStore,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly sessions: SessionIssuer,
    private readonly clock: Clock,
  ) {}

  async execute(username: string, password: string, clientAddress: string): Promise<Session> {
    const now = this.clock.now();
    const keys = [`user:${username.toLowerCase()}`, `ip:${clientAddress}`];
    const wait = this.limiter.retryAfterSeconds(keys, now);
    if (wait > 0) {
      throw new DomainError('AUTH.TOO_MANY_ATTEMPTS', 'Too many failed sign-ins; try again later', 429, {
        retryAfterSeconds: wait,
      });
    }
    const user = await this.users.findByUsername(username);
    if (!user || !(await this.hasher.matches(user.passwordHash, password))) {
      this.limiter.recordFailure(keys, now);
      throw new DomainError('AUTH.INVALID_CREDENTIALS', 'Wrong username or password', 401);
    }
    this.limiter.recordSuccess(keys);
    return this.sessions.open(user, now);
  }
}
