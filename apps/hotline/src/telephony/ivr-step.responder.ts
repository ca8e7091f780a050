import { Injectable } from '@nestjs/common';
import { ivrPositionQuery, IvrOutcome, IvrStep } from '@hotline/ivr';
import { AnyNewCallEvent, CallLedger, CallPatch, CallRecord } from '@hotline/persistence';
import { TwimlRenderer } from '@hotline/telephony';
import { Settings } from '../config/settings';
import { Clock } from '../shared/clock';
import { WebhookUrls } from '../twilio/webhook-urls';

/** The idempotency key of an IVR event: a retried webhook for the same step produces the same key. */
function eventKey(event: IvrOutcome['events'][number]): string {
  if (event.type === 'ivr.step') return `ivr:${event.data.node}:${event.data.attempt}`;
  return event.type;
}

/**
 * Carries out an IVR step: records what happened to the call (durably, before answering) and
 * renders the TwiML that makes Twilio do it. A step into a queue records the caller as waiting.
 */
@Injectable()
export class IvrStepResponder {
  constructor(
    private readonly twiml: TwimlRenderer,
    private readonly ledger: CallLedger,
    private readonly urls: WebhookUrls,
    private readonly settings: Settings,
    private readonly clock: Clock,
  ) {}

  async respond(call: CallRecord, outcome: IvrOutcome): Promise<string> {
    const at = this.clock.now();
    const { step } = outcome;
    const events: AnyNewCallEvent[] = outcome.events.map(
      (event) => ({ ...event, at, key: eventKey(event) }) as AnyNewCallEvent,
    );
    const patch: CallPatch = { language: step.language, ivrPath: this.pathAfter(call, outcome) };
    const afterHours = outcome.events.some((event) => event.type === 'call.after-hours');
    events.push(...this.consequences(call, step, at, patch, afterHours));
    // The call's changes ride on its events, so a retried webhook (all events already
    // recorded) changes nothing a second time.
    await this.ledger.recordAll(call.callSid, events, patch);
    return this.render(step);
  }

  private pathAfter(call: CallRecord, outcome: IvrOutcome): string[] {
    const steps = outcome.events.flatMap((event) =>
      event.type === 'ivr.step' ? [`${event.data.node}:${event.data.input ?? ''}`] : [],
    );
    return [...call.ivrPath, ...steps];
  }

  /** Events and call changes that follow from where the step leads. */
  private consequences(
    call: CallRecord,
    step: IvrStep,
    at: number,
    patch: CallPatch,
    afterHours: boolean,
  ): AnyNewCallEvent[] {
    switch (step.kind) {
      case 'enqueue': {
        const tier = this.settings.contactCenter.tiers.get(call.tier);
        Object.assign(patch, { queue: step.queue, reason: step.reason, queuedAt: at });
        return [
          {
            type: 'queue.entered',
            at,
            key: 'queue-entered',
            data: {
              queue: step.queue,
              tier: call.tier,
              reason: step.reason,
              headStartSeconds: tier?.headStartSeconds ?? 0,
            },
          },
        ];
      }
      case 'callback':
        Object.assign(patch, { queue: step.queue, reason: step.reason, outcome: 'callback' });
        return [
          {
            type: 'queue.callback-requested',
            at,
            key: 'callback-requested',
            data: { queue: step.queue, number: call.from, waitSeconds: 0 },
          },
        ];
      case 'voicemail':
        Object.assign(patch, { outcome: 'routed-elsewhere' });
        return [];
      case 'message-hangup':
        if (afterHours) Object.assign(patch, { outcome: 'routed-elsewhere' });
        return [];
      case 'gather':
        return [];
    }
  }

  private render(step: IvrStep): string {
    switch (step.kind) {
      case 'gather':
        return this.twiml.gather({
          ...step,
          actionUrl: this.urls.to('ivr', ivrPositionQuery(step.position)),
        });
      case 'enqueue':
        return this.twiml.enqueue({
          prompts: step.prompts,
          queue: step.queue,
          waitUrl: this.urls.to('queueWait', { lang: step.language }),
          actionUrl: this.urls.to('queueLeft'),
        });
      case 'voicemail':
        return this.twiml.voicemail({ ...step, actionUrl: this.urls.to('voicemail') });
      case 'callback':
      case 'message-hangup':
        return this.twiml.messageHangup(step.prompts);
    }
  }
}
