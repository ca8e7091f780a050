import { Injectable } from '@nestjs/common';
import { apologyPrompt, callbackConfirmedPrompt, LanguageTag } from '@hotline/ivr';
import { AnyNewCallEvent, CallLedger, CallRecord } from '@hotline/persistence';
import { TwimlRenderer } from '@hotline/telephony';
import { Settings } from '../config/settings';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { VoiceRequest } from '../twilio/twilio-request';

/** Outcomes of `<Enqueue>` that mean the caller hung up or could not stay: nobody will answer them. */
const CALLER_GONE = ['hangup', 'error', 'system-error'];

/**
 * Records how a caller left the queue (the Enqueue action's QueueResult) and answers with what
 * they hear next. A caller who hung up while waiting is abandoned with their wait time; a caller
 * turned away by a full queue hears an apology.
 */
@Injectable()
export class RecordQueueExit {
  constructor(
    private readonly twiml: TwimlRenderer,
    private readonly ledger: CallLedger,
    private readonly settings: Settings,
    private readonly clock: Clock,
  ) {}

  async execute(request: VoiceRequest): Promise<string> {
    const call = await this.ledger.find(request.callSid);
    if (!call || call.queue === null) {
      throw new DomainError('CALL.NOT_QUEUED', `Call ${request.callSid} was never queued`, 404);
    }
    const result = request.form.QueueResult ?? 'unknown';
    const at = this.clock.now();
    const queueTimeSeconds = Number(request.form.QueueTime ?? 0) || 0;
    const left: AnyNewCallEvent = {
      type: 'queue.left',
      at,
      key: `queue-left:${result}`,
      data: { queue: call.queue, result, queueTimeSeconds },
    };
    const language = call.language as LanguageTag;
    if (CALLER_GONE.includes(result) && call.answeredAt === null) {
      await this.ledger.recordAll(call.callSid, [left, ...this.abandon(call, at)], {
        outcome: 'abandoned',
        endedAt: at,
      });
      return this.twiml.messageHangup([]);
    }
    if (result === 'queue-full') {
      const elsewhere: AnyNewCallEvent = {
        type: 'queue.routed-elsewhere',
        at,
        key: 'queue-exit',
        data: { queue: call.queue, route: 'message', waitSeconds: 0 },
      };
      await this.ledger.recordAll(call.callSid, [left, elsewhere], { outcome: 'routed-elsewhere' });
      return this.twiml.apology(apologyPrompt(this.settings.contactCenter.ivr, language));
    }
    await this.ledger.recordAll(call.callSid, [left]);
    // A caller dequeued to an agent's room goes on with the TwiML of the dequeue's Url.
    if (result === 'redirected' || result === 'redirected-from-bridged') return this.twiml.empty();
    if (result === 'leave' && call.outcome === 'callback') {
      return this.twiml.messageHangup([callbackConfirmedPrompt(this.settings.contactCenter.ivr, language)]);
    }
    return this.twiml.messageHangup([]);
  }

  /** The caller hung up while waiting: abandoned, once, with the time they waited. */
  async recordAbandon(call: CallRecord, at: number): Promise<void> {
    await this.ledger.recordAll(call.callSid, this.abandon(call, at), { outcome: 'abandoned', endedAt: at });
  }

  private abandon(call: CallRecord, at: number): AnyNewCallEvent[] {
    if (call.queue === null || call.queuedAt === null) return [];
    return [
      {
        type: 'queue.abandoned',
        at,
        key: 'queue-exit',
        data: { queue: call.queue, waitSeconds: Math.max(0, (at - call.queuedAt) / 1000) },
      },
    ];
  }
}
