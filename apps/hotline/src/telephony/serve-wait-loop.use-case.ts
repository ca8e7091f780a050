import { Injectable } from '@nestjs/common';
import { composeWaitAnnouncement, LanguageTag } from '@hotline/ivr';
import { CallLedger } from '@hotline/persistence';
import { TwimlRenderer } from '@hotline/telephony';
import { Settings } from '../config/settings';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { VoiceRequest } from './twilio-request';
import { WebhookUrls } from './webhook-urls';

/**
 * The hold loop (Enqueue waitUrl): Twilio requests it whenever the previous document ran out.
 * The caller hears their place in line when it has changed since they last heard it, then hold
 * music until the next round.
 */
@Injectable()
export class ServeWaitLoop {
  private readonly twiml = new TwimlRenderer();

  constructor(
    private readonly ledger: CallLedger,
    private readonly urls: WebhookUrls,
    private readonly settings: Settings,
    private readonly clock: Clock,
  ) {}

  async execute(request: VoiceRequest, language: string | undefined): Promise<string> {
    const position = Number(request.form.QueuePosition);
    if (!Number.isInteger(position) || position < 1) {
      throw new DomainError('TWILIO.BAD_REQUEST', 'QueuePosition must be a whole number from 1', 400);
    }
    const call = await this.ledger.find(request.callSid);
    if (!call || call.queue === null)
      throw new DomainError('CALL.NOT_QUEUED', `Call ${request.callSid} is not queued`, 404);
    const ivr = this.settings.contactCenter.ivr;
    const lang = (language && ivr.languages[language] ? language : call.language) as LanguageTag;
    const changed = await this.ledger.record(call.callSid, {
      type: 'queue.announced',
      at: this.clock.now(),
      key: `announced:${position}`,
      data: { queue: call.queue, position, ewtSeconds: null },
    });
    return this.twiml.waitLoop({
      announcements: changed ? composeWaitAnnouncement(ivr, lang, { position }) : [],
      holdMusicUrl: this.urls.holdMusic(),
    });
  }
}
