import { Injectable } from '@nestjs/common';
import { CallLedger } from '@hotline/persistence';
import { TwimlRenderer } from '@hotline/telephony';
import { RoutingHost } from '../routing/routing-host';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { VoiceRequest } from '../twilio/twilio-request';
import { WebhookUrls } from '../twilio/webhook-urls';

/**
 * A waiting caller answered the call-back offer of the wait loop. With 1 the call-back is booked
 * and the caller leaves the queue (the queue exit then confirms it); anything else, back to the
 * hold music.
 */
@Injectable()
export class RequestCallback {
  constructor(
    private readonly twiml: TwimlRenderer,
    private readonly ledger: CallLedger,
    private readonly routing: RoutingHost,
    private readonly urls: WebhookUrls,
    private readonly clock: Clock,
  ) {}

  async execute(request: VoiceRequest, language: string | undefined): Promise<string> {
    const call = await this.ledger.find(request.callSid);
    if (!call || call.queue === null || call.queuedAt === null) {
      throw new DomainError('CALL.NOT_QUEUED', `Call ${request.callSid} is not queued`, 404);
    }
    // An agent is already ringing for this caller: they are about to be answered, not called back.
    const ringing = this.routing.tracker.offeredTo(call.callSid) !== undefined;
    if (request.form.Digits !== '1' || ringing) {
      return this.twiml.redirect(this.urls.to('queueWait', { lang: language ?? call.language }));
    }
    const at = this.clock.now();
    await this.ledger.record(
      call.callSid,
      {
        type: 'queue.callback-requested',
        at,
        key: 'queue-exit',
        data: { queue: call.queue, number: call.from, waitSeconds: Math.max(0, (at - call.queuedAt) / 1000) },
      },
      { outcome: 'callback' },
    );
    return this.twiml.leave();
  }
}
