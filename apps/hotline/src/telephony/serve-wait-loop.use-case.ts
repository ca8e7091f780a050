import { Injectable } from '@nestjs/common';
import { callbackOfferPrompt, composeWaitAnnouncement, LanguageTag } from '@hotline/ivr';
import { CallLedger } from '@hotline/persistence';
import { TwimlRenderer } from '@hotline/telephony';
import { Settings } from '../config/settings';
import { RoutingHost } from '../routing/routing-host';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { VoiceRequest } from '../twilio/twilio-request';
import { WebhookUrls } from '../twilio/webhook-urls';

/** What the wait loop needs of a caller in line. */
interface WaitingCall {
  callSid: string;
  queue: string;
  language: string;
}

const FORGET_AFTER_MS = 3600 * 1000;

/**
 * The hold loop (Enqueue waitUrl), requested whenever the previous document ran out. The first
 * request tells the routing engine the caller is in line. The caller hears their place and
 * estimated wait when either changed since they last heard it (and not more often than the
 * queue allows), then hold music, with "press 1 to be called back" when the queue offers it.
 */
@Injectable()
export class ServeWaitLoop {
  private readonly lastAnnounced = new Map<string, number>();
  private remembered = 0;

  constructor(
    private readonly twiml: TwimlRenderer,
    private readonly ledger: CallLedger,
    private readonly routing: RoutingHost,
    private readonly urls: WebhookUrls,
    private readonly settings: Settings,
    private readonly clock: Clock,
  ) {}

  async execute(request: VoiceRequest, language: string | undefined): Promise<string> {
    const ivr = this.settings.contactCenter.ivr;
    const known = language !== undefined && ivr.languages[language] !== undefined;
    const call = await this.waitingCall(request.callSid, known ? language : undefined);
    const lang = (known ? language : call.language) as LanguageTag;
    const queue = this.settings.contactCenter.queues.get(call.queue);
    return this.twiml.waitLoop({
      announcements: await this.announcements(call, lang),
      holdMusicUrl: this.urls.holdMusic(),
      callbackOffer: queue?.callbackOffer
        ? { prompt: callbackOfferPrompt(ivr, lang), actionUrl: this.urls.to('callbackRequest', { lang }) }
        : undefined,
    });
  }

  /**
   * The caller in line. Only the first round reads the call (and puts the caller in the routing
   * engine's line); later rounds know the queue from the engine and the language from the URL.
   */
  private async waitingCall(callSid: string, language: string | undefined): Promise<WaitingCall> {
    const position = this.routing.position(callSid);
    if (position && language) return { callSid, queue: position.queue, language };
    const call = await this.ledger.find(callSid);
    if (!call || call.queue === null)
      throw new DomainError('CALL.NOT_QUEUED', `Call ${callSid} is not queued`, 404);
    await this.routing.callerEntered(call);
    return { callSid, queue: call.queue, language: call.language };
  }

  private async announcements(call: WaitingCall, language: LanguageTag) {
    const estimate = this.routing.waitEstimate(call.callSid);
    if (!estimate) return [];
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
    this.remember(call.callSid, now);
    return composeWaitAnnouncement(this.settings.contactCenter.ivr, language, {
      position: estimate.position,
      ewtSeconds: estimate.ewtSeconds ?? undefined,
    });
  }

  /** Notes an announcement; now and then forgets callers not announced to for an hour (long gone). */
  private remember(callSid: string, now: number): void {
    this.lastAnnounced.set(callSid, now);
    if (++this.remembered % 1000 !== 0) return;
    for (const [sid, at] of this.lastAnnounced)
      if (now - at > FORGET_AFTER_MS) this.lastAnnounced.delete(sid);
  }
}
