import { Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { WEBHOOK_PATHS } from '@hotline/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/roles.decorator';
import { AdvanceIvr } from './advance-ivr.use-case';
import { AnswerIncomingCall } from './answer-incoming-call.use-case';
import { ApplyCallStatus } from './apply-call-status.use-case';
import { RecordQueueExit } from './record-queue-exit.use-case';
import { RecordVoicemail } from './record-voicemail.use-case';
import { RequestCallback } from './request-callback.use-case';
import { RouteCaller } from './route-caller.use-case';
import { ServeWaitLoop } from './serve-wait-loop.use-case';
import { sendTwiml } from '../twilio/twiml-reply';
import { formOf, queryOf, readVoiceRequest } from '../twilio/twilio-request';
import { TwilioWebhookGuard } from '../twilio/twilio-webhook.guard';

/**
 * Twilio's entry points. Authenticated by signature instead of a bearer token; each translates
 * the form into a use case and answers with TwiML once what happened is durably recorded.
 */
@ApiExcludeController()
@Public()
@UseGuards(TwilioWebhookGuard)
@Controller()
export class TwilioWebhookController {
  constructor(
    private readonly answerIncomingCall: AnswerIncomingCall,
    private readonly advanceIvr: AdvanceIvr,
    private readonly serveWaitLoop: ServeWaitLoop,
    private readonly recordQueueExit: RecordQueueExit,
    private readonly recordVoicemail: RecordVoicemail,
    private readonly applyCallStatus: ApplyCallStatus,
    private readonly requestCallback: RequestCallback,
    private readonly routeCaller: RouteCaller,
  ) {}

  @Post(WEBHOOK_PATHS.callbackRequest)
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    sendTwiml(
      reply,
      await this.requestCallback.execute(readVoiceRequest(formOf(request)), queryOf(request).lang),
    );
  }

  @Post(WEBHOOK_PATHS.route)
  async route(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    sendTwiml(
      reply,
      await this.routeCaller.execute(readVoiceRequest(formOf(request)), queryOf(request).kind),
    );
  }

  @Post(WEBHOOK_PATHS.voice)
  async voice(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    sendTwiml(
      reply,
      await this.answerIncomingCall.execute(readVoiceRequest(formOf(request), ['From', 'To'])),
    );
  }

  @Post(WEBHOOK_PATHS.ivr)
  async ivr(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    sendTwiml(reply, await this.advanceIvr.execute(readVoiceRequest(formOf(request)), queryOf(request)));
  }

  @Post(WEBHOOK_PATHS.queueWait)
  async queueWait(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    sendTwiml(
      reply,
      await this.serveWaitLoop.execute(
        readVoiceRequest(formOf(request), ['QueuePosition']),
        queryOf(request).lang,
      ),
    );
  }

  @Post(WEBHOOK_PATHS.queueLeft)
  async queueLeft(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    sendTwiml(reply, await this.recordQueueExit.execute(readVoiceRequest(formOf(request), ['QueueResult'])));
  }

  @Post(WEBHOOK_PATHS.voicemail)
  async voicemail(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    sendTwiml(reply, await this.recordVoicemail.execute(readVoiceRequest(formOf(request))));
  }

  @Post(WEBHOOK_PATHS.status)
  @HttpCode(204)
  async status(@Req() request: FastifyRequest): Promise<void> {
    await this.applyCallStatus.execute(readVoiceRequest(formOf(request), ['CallStatus', 'SequenceNumber']));
  }
}
