import { Injectable } from '@nestjs/common';
import { UserStore } from '@hotline/persistence';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { Session, SessionIssuer } from './session-issuer';
import { TokenService } from './token.service';

/**
 * Trades a refresh token for a new session. Each refresh token works once: a second use means it
 * was copied, so it is refused.
 */
@Injectable()
export class RefreshSession {
  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionIssuer,
    private readonly clock: Clock,
  ) {}

  async execute(refreshToken: string): Promise<Session> {
    const now = this.clock.now();
    const stored = await this.users.findRefreshToken(TokenService.hashRefreshToken(refreshToken));
    const invalid = new DomainError(
      'AUTH.INVALID_REFRESH_TOKEN',
      'The refresh token is invalid or expired',
      401,
    );
    if (!stored || stored.expiresAt <= now) throw invalid;
    if (!(await this.users.revokeRefreshToken(stored.id, now))) throw invalid;
    const user = await this.users.findById(stored.userId);
    if (!user) throw invalid;
    return this.sessions.open(user, now);
  }
}
