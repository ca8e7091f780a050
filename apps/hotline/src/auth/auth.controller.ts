import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CreateUserRequest, LoginRequest, RefreshRequest } from './auth.dto';
import type { AuthenticatedRequest } from './auth.guard';
import { CreateUser, UserView } from './create-user.use-case';
import { LogInUser } from './log-in-user.use-case';
import { RefreshSession } from './refresh-session.use-case';
import { Public, Roles } from './roles.decorator';
import { Session } from './session-issuer';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(
    private readonly logIn: LogInUser,
    private readonly refresh: RefreshSession,
    private readonly createUser: CreateUser,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() body: LoginRequest, @Req() request: FastifyRequest): Promise<Session> {
    return this.logIn.execute(body.username, body.password, request.ip);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  refreshSession(@Body() body: RefreshRequest): Promise<Session> {
    return this.refresh.execute(body.refreshToken);
  }

  @ApiBearerAuth()
  @Roles('admin', 'supervisor', 'agent')
  @Get('auth/me')
  me(@Req() request: AuthenticatedRequest) {
    return request.principal;
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Post('users')
  create(@Body() body: CreateUserRequest): Promise<UserView> {
    return this.createUser.execute(body);
  }
}
