import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AgentDeskSettingsView, AgentTodayView } from '@hotline/contracts';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { DomainError } from '../shared/domain-error';
import { AgentCallControls } from './agent-call-controls';
import { AgentProfileRequest, ChangeStateRequest, CreateAgentRequest } from './agent.dto';
import { AgentProfileView, AgentStateView } from './agent-view';
import { ChangeAgentState } from './change-agent-state.use-case';
import { CreateAgent } from './create-agent.use-case';
import { ListAgents } from './list-agents.query';
import { ReadAgentToday } from './read-agent-today.query';
import { ReadDeskSettings } from './read-desk-settings.query';
import { UpdateAgentProfile } from './update-agent-profile.use-case';
import { VoiceToken, VoiceTokenIssuer } from './voice-token.issuer';

function me(request: AuthenticatedRequest): { id: string; identity: string } {
  if (!request.principal)
    throw new DomainError('AUTH.UNAUTHENTICATED', 'A valid bearer token is required', 401);
  return { id: request.principal.userId, identity: request.principal.username };
}

@ApiTags('agents')
@ApiBearerAuth()
@Controller('api/agents')
export class AgentsController {
  constructor(
    private readonly createAgent: CreateAgent,
    private readonly updateProfile: UpdateAgentProfile,
    private readonly changeState: ChangeAgentState,
    private readonly listAgents: ListAgents,
    private readonly calls: AgentCallControls,
    private readonly voiceTokens: VoiceTokenIssuer,
    private readonly deskSettings: ReadDeskSettings,
    private readonly today: ReadAgentToday,
  ) {}

  @Roles('admin')
  @Post()
  create(@Body() body: CreateAgentRequest): Promise<AgentProfileView> {
    return this.createAgent.execute(body);
  }

  @Roles('admin', 'supervisor')
  @Get()
  list(): Promise<AgentStateView[]> {
    return this.listAgents.execute();
  }

  @Roles('agent')
  @Get('me')
  async mine(@Req() request: AuthenticatedRequest): Promise<AgentStateView> {
    const [agent] = await this.listAgents.execute(me(request).id);
    if (!agent) throw new DomainError('AGENT.NOT_FOUND', 'Your account has no agent profile', 404);
    return agent;
  }

  @Roles('agent')
  @Get('me/settings')
  settings(@Req() request: AuthenticatedRequest): Promise<AgentDeskSettingsView> {
    return this.deskSettings.execute(me(request).id);
  }

  @Roles('agent')
  @Get('me/today')
  figuresToday(@Req() request: AuthenticatedRequest): Promise<AgentTodayView> {
    return this.today.execute(me(request).id);
  }

  @Roles('agent')
  @Post('me/state')
  @HttpCode(204)
  changeMine(@Req() request: AuthenticatedRequest, @Body() body: ChangeStateRequest): Promise<void> {
    return this.changeState.execute(me(request).id, body);
  }

  @Roles('admin', 'supervisor')
  @Post(':id/state')
  @HttpCode(204)
  changeOne(@Param('id', ParseUUIDPipe) id: string, @Body() body: ChangeStateRequest): Promise<void> {
    return this.changeState.execute(id, body);
  }

  @Roles('admin', 'supervisor')
  @Put(':id/profile')
  profile(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AgentProfileRequest,
  ): Promise<AgentProfileView> {
    return this.updateProfile.execute(id, body);
  }

  @Roles('agent')
  @Post('me/offer/decline')
  @HttpCode(204)
  decline(@Req() request: AuthenticatedRequest): Promise<void> {
    return this.calls.decline(me(request).id);
  }

  @Roles('agent')
  @Post('me/call/hold')
  @HttpCode(204)
  hold(@Req() request: AuthenticatedRequest): Promise<void> {
    return this.calls.hold(me(request).id, true);
  }

  @Roles('agent')
  @Post('me/call/resume')
  @HttpCode(204)
  resume(@Req() request: AuthenticatedRequest): Promise<void> {
    return this.calls.hold(me(request).id, false);
  }

  @Roles('agent')
  @Post('me/call/hangup')
  @HttpCode(204)
  hangUp(@Req() request: AuthenticatedRequest): Promise<void> {
    return this.calls.hangUp(me(request).id);
  }

  @Roles('agent')
  @Get('me/voice-token')
  voiceToken(@Req() request: AuthenticatedRequest): VoiceToken {
    return this.voiceTokens.issue(me(request).identity);
  }
}
