import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UserRecord, UserStore } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { TokenService } from './token.service';

export interface Session {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds the access token is valid for. */
  expiresIn: number;
  user: { id: string; username: string; role: string; displayName: string };
}

/** Opens a session for a signed-in user: a short-lived bearer token and a one-use refresh token. */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly users: UserStore,
    private readonly tokens: TokenService,
    private readonly settings: Settings,
  ) {}

  async open(user: UserRecord, now: number): Promise<Session> {
    const refresh = this.tokens.newRefreshToken();
    await this.users.saveRefreshToken({
      id: randomUUID(),
      userId: user.id,
      tokenHash: refresh.tokenHash,
      expiresAt: now + this.settings.env.auth.refreshTokenSeconds * 1000,
      revokedAt: null,
    });
    return {
      accessToken: this.tokens.issueAccessToken({
        userId: user.id,
        username: user.username,
        role: user.role,
      }),
      refreshToken: refresh.token,
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTokenSeconds,
      user: { id: user.id, username: user.username, role: user.role, displayName: user.displayName },
    };
  }
}
