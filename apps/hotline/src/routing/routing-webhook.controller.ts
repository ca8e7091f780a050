import { Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { WEBHOOK_PATHS } from '@hotline/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/roles.decorator';
import { formOf, queryOf } from '../twilio/twilio-request';
import { sendTwiml } from '../twilio/twiml-reply';
import { TwilioWebhookGuard } from '../twilio/twilio-webhook.guard';
import { ConnectCallerToRoom } from './connect-caller-to-room.use-case';
import { FollowAgentLeg } from './follow-agent-leg.use-case';
import { FollowConference } from './follow-conference.use-case';

/** Webhooks of the bridged part of a call: the caller's room, the agent's leg, the conference. */
@ApiExcludeController()
@Public()
@UseGuards(TwilioWebhookGuard)
@Controller()
export class RoutingWebhookController {
  constructor(
    private readonly connectCallerToRoom: ConnectCallerToRoom,
    private readonly followAgentLeg: FollowAgentLeg,
    private readonly followConference: FollowConference,
  ) {}

  @Post(WEBHOOK_PATHS.bridge)
  async bridge(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    sendTwiml(reply, await this.connectCallerToRoom.execute(formOf(request), queryOf(request)));
  }

  @Post(WEBHOOK_PATHS.participant)
  @HttpCode(204)
  async participant(@Req() request: FastifyRequest): Promise<void> {
    await this.followAgentLeg.execute(formOf(request), queryOf(request));
  }

  @Post(WEBHOOK_PATHS.conference)
  @HttpCode(204)
  async conference(@Req() request: FastifyRequest): Promise<void> {
    await this.followConference.execute(formOf(request));
  }
}
