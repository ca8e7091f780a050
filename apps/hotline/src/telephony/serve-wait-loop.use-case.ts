import { Injectable } from '@nestjs/common';
import { callbackOfferPrompt, composeWaitAnnouncement, LanguageTag } from '@hotline/ivr';
import { CallLedger, CallRecord } from '@hotline/persistence';
import { TwimlRenderer } from '@hotline/telephony';
import { Settings } from '../config/settings';
import { RoutingHost } from '../routing/routing-host';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { VoiceRequest } from '../twilio/twilio-request';
import { WebhookUrls } from '../twilio/webhook-urls';

/**
 * The hold loop (Enqueue waitUrl), requested whenever the previous document ran out. The first
 * request tells the routing engine the caller is in line. The caller hears their place and
 * estimated wait when either changed since they last heard it (and not more often than the
 * queue allows), then hold music, with "press 1 to be called back" when the queue offers it.
 */
@Injectable()
export class ServeWaitLoop {
  private readonly twiml = new TwimlRenderer();
  private readonly lastAnnounced = new Map<string, number>();

  constructor(
    private readonly ledger: CallLedger,
    private readonly routing: RoutingHost,
    private readonly urls: WebhookUrls,
    private readonly settings: Settings,
    private readonly clock: Clock,
  ) {}

  async execute(request: VoiceRequest, language: string | undefined): Promise<string> {
    const call = await this.ledger.find(request.callSid);
    if (!call || call.queue === null) {
      throw new DomainError('CALL.NOT_QUEUED', `Call ${request.callSid} is not queued`, 404);
    }
    await this.routing.callerEntered(call);
    const ivr = this.settings.contactCenter.ivr;
    const lang = (language && ivr.languages[language] ? language : call.language) as LanguageTag;
    const queue = this.settings.contactCenter.queues.get(call.queue);
    return this.twiml.waitLoop({
      announcements: await this.announcements(call, lang),
      holdMusicUrl: this.urls.holdMusic(),
      callbackOffer: queue?.callbackOffer
        ? { prompt: callbackOfferPrompt(ivr, lang), actionUrl: this.urls.to('callbackRequest', { lang }) }
        : undefined,
    });
  }

  private async announcements(call: CallRecord, language: LanguageTag) {
    const estimate = this.routing.waitEstimate(call.callSid);
    if (!estimate || call.queue === null) return [];
    const now = this.clock.now();
    const everyMs = (this.settings.contactCenter.queues.get(call.queue)?.announceEverySeconds ?? 30) * 1000;
    const last = this.lastAnnounced.get(call.callSid);
    if (last !== undefined && now - last < everyMs) return [];
    const minutes = estimate.ewtSeconds === null ? null : Math.max(1, Math.ceil(estimate.ewtSeconds / 60));
    const changed = await this.ledger.record(call.callSid, {
      type: 'queue.announced',
      at: now,
      key: `announced:${estimate.position}:${minutes ?? 'unknown'}`,
      data: { queue: call.queue, position: estimate.position, ewtSeconds: estimate.ewtSeconds },
    });
    if (!changed) return [];
    this.lastAnnounced.set(call.callSid, now);
    return composeWaitAnnouncement(this.settings.contactCenter.ivr, language, {
      position: estimate.position,
      ewtSeconds: estimate.ewtSeconds ?? undefined,
    });
  }
}
