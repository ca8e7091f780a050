import { Module } from '@nestjs/common';
import { TwilioModule } from '../twilio/twilio.module';
import { ConnectCallerToRoom } from './connect-caller-to-room.use-case';
import { DecisionRecorder } from './decision-recorder';
import { FollowAgentLeg } from './follow-agent-leg.use-case';
import { FollowConference } from './follow-conference.use-case';
import { RoutingEventListener } from './routing-event.listener';
import { RoutingHost } from './routing-host';
import { RoutingWebhookController } from './routing-webhook.controller';
import { TwilioBridge } from './twilio-bridge';

/** The ACD: the routing engine, its journal, and the Twilio bridging of its decisions. */
@Module({
  imports: [TwilioModule],
  controllers: [RoutingWebhookController],
  providers: [
    RoutingHost,
    DecisionRecorder,
    TwilioBridge,
    ConnectCallerToRoom,
    FollowAgentLeg,
    FollowConference,
    RoutingEventListener,
  ],
  exports: [RoutingHost, TwilioBridge],
})
export class RoutingModule {}
