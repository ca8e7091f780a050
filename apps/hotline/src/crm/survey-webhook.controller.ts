import { Controller, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { WEBHOOK_PATHS } from '@hotline/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/roles.decorator';
import { sendTwiml } from '../twilio/twiml-reply';
import { readVoiceRequest, TwilioForm } from '../twilio/twilio-request';
import { TwilioWebhookGuard } from '../twilio/twilio-webhook.guard';
import { AnswerSurvey, SurveyPosition } from './answer-survey.use-case';

/** The post-call survey's webhook: signed by Twilio instead of a bearer token. */
@ApiExcludeController()
@Public()
@UseGuards(TwilioWebhookGuard)
@Controller()
export class SurveyWebhookController {
  constructor(private readonly answerSurvey: AnswerSurvey) {}

  @Post(WEBHOOK_PATHS.survey)
  async survey(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (request.body ?? {}) as TwilioForm;
    const position = (request.query ?? {}) as SurveyPosition;
    sendTwiml(reply, await this.answerSurvey.execute(readVoiceRequest(form), position));
  }
}
