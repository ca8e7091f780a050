import { createHash, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Role } from '@hotline/persistence';

export interface Principal {
  userId: string;
  username: string;
  role: Role;
}

/** A principal read from a valid access token, with the moment the token stops being valid. */
export interface TokenHolder extends Principal {
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: Role;
}

/** Signs and checks short-lived bearer tokens (HS256), and mints opaque refresh tokens. */
export class TokenService {
  constructor(
    private readonly secret: string,
    readonly accessTokenSeconds: number,
  ) {}

  issueAccessToken(principal: Principal): string {
    const claims: AccessTokenClaims = {
      sub: principal.userId,
      username: principal.username,
      role: principal.role,
    };
    return jwt.sign(claims, this.secret, {
      algorithm: 'HS256',
      expiresIn: this.accessTokenSeconds,
      issuer: 'hotline',
    });
  }

  /** The principal of a valid, unexpired token; null for anything else. */
  verifyAccessToken(token: string): TokenHolder | null {
    try {
      const claims = jwt.verify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: 'hotline',
      }) as AccessTokenClaims & { exp: number };
      return {
        userId: claims.sub,
        username: claims.username,
        role: claims.role,
        expiresAt: claims.exp * 1000,
      };
    } catch {
      return null;
    }
  }

  newRefreshToken(): { token: string; tokenHash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, tokenHash: TokenService.hashRefreshToken(token) };
  }

  static hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
