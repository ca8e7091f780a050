import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MonitorModule } from '../monitor/monitor.module';
import { RoutingModule } from '../routing/routing.module';
import { TwilioModule } from '../twilio/twilio.module';
import { AgentCallControls } from './agent-call-controls';
import { AgentDeskAssets } from './agent-desk-assets';
import { AgentProfileFactory } from './agent-profile.factory';
import { AgentGateway } from './agent.gateway';
import { AgentsController } from './agents.controller';
import { ChangeAgentState } from './change-agent-state.use-case';
import { CreateAgent } from './create-agent.use-case';
import { ListAgents } from './list-agents.query';
import { ReadAgentToday } from './read-agent-today.query';
import { ReadDeskSettings } from './read-desk-settings.query';
import { SeedSandboxAccounts } from './seed-sandbox-accounts';
import { UpdateAgentProfile } from './update-agent-profile.use-case';
import { VoiceTokenIssuer } from './voice-token.issuer';

/** Agents: accounts and routing profiles, presence, their desktop (page, live channel, figures) and softphone tokens. */
@Module({
  imports: [AuthModule, RoutingModule, TwilioModule, MonitorModule],
  controllers: [AgentsController],
  providers: [
    AgentProfileFactory,
    CreateAgent,
    UpdateAgentProfile,
    ChangeAgentState,
    ListAgents,
    ReadDeskSettings,
    ReadAgentToday,
    AgentCallControls,
    VoiceTokenIssuer,
    AgentGateway,
    SeedSandboxAccounts,
    AgentDeskAssets,
  ],
  exports: [ListAgents],
})
export class AgentsModule {}
