import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Role } from '@hotline/persistence';
import { DomainError } from '../shared/domain-error';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { Principal, TokenService } from './token.service';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** Reads `Authorization: Bearer <token>`; null when absent or malformed. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : null;
}

/**
 * Deny by default: a route opens only to the roles it names with @Roles, or to everyone with
 * @Public. No valid token → 401; a valid token with another role → 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    const principal = token ? this.tokens.verifyAccessToken(token) : null;
    if (!principal) throw new DomainError('AUTH.UNAUTHENTICATED', 'A valid bearer token is required', 401);
    if (!roles.includes(principal.role)) {
      throw new DomainError('AUTH.FORBIDDEN', 'Your role may not use this', 403);
    }
    request.principal = principal;
    return true;
  }
}
