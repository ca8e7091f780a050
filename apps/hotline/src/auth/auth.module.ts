import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { Settings } from '../config/settings';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { CreateUser } from './create-user.use-case';
import { LogInUser } from './log-in-user.use-case';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { RefreshSession } from './refresh-session.use-case';
import { SeedUsers } from './seed-users';
import { SessionIssuer } from './session-issuer';
import { TokenService } from './token.service';

@Module({
  controllers: [AuthController],
  providers: [
    {
      provide: TokenService,
      inject: [Settings],
      // Without AUTH_SECRET, tokens are signed with a key that lives as long as the process:
      // fine for one sandbox process, which is why production deployments must set it.
      useFactory: (settings: Settings) =>
        new TokenService(
          settings.env.auth.secret ?? randomBytes(32).toString('hex'),
          settings.env.auth.accessTokenSeconds,
        ),
    },
    {
      provide: LoginRateLimiter,
      inject: [Settings],
      useFactory: (settings: Settings) => new LoginRateLimiter(settings.env.auth.loginAttemptsPerMinute),
    },
    PasswordHasher,
    SessionIssuer,
    LogInUser,
    RefreshSession,
    CreateUser,
    SeedUsers,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, CreateUser],
})
export class AuthModule {}
