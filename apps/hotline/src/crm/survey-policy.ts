import { Injectable } from '@nestjs/common';
import { CallRecord } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { WebhookUrls } from '../twilio/webhook-urls';

/**
 * Whether a caller gets the post-call survey: asked by the routing when the agent leaves the call
 * first. The URL is where to redirect the caller's leg (Twilio REST, Calls/{CallSid} Url).
 */
@Injectable()
export class SurveyPolicy {
  constructor(
    private readonly settings: Settings,
    private readonly urls: WebhookUrls,
  ) {}

  surveyUrlFor(call: CallRecord): string | null {
    const { survey } = this.settings.contactCenter.crm;
    return call.queue !== null && survey.queues.has(call.queue) && survey.prompts !== null
      ? this.urls.to('survey')
      : null;
  }
}
