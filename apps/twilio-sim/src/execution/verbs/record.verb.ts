import { newSid } from '../../core/sid';
import { CallLeg } from '../../calls/call-leg';
import { TwimlAttributes } from '../../twiml/twiml-attributes';
import { TwimlElement } from '../../twiml/twiml-element';
import { HttpMethod } from '../../webhooks/webhook-client';
import { CONTINUE, VerbContext, VerbExecutor, VerbOutcome } from '../verb-context';

/**
 * `<Record>` (voicemail): the caller speaks the scripted message; the recording ends on silence
 * (`timeout`), on a finishOnKey key, at maxLength or at hang-up. The action gets RecordingUrl,
 * RecordingSid, RecordingDuration and Digits; a silent caller leaves no recording and no action.
 */
export class RecordVerb implements VerbExecutor {
  readonly verb = 'Record';

  constructor(private readonly recordingBaseUrl: () => string) {}

  async execute(element: TwimlElement, ctx: VerbContext): Promise<VerbOutcome> {
    const attributes = new TwimlAttributes(element, ctx.documentUrl);
    const action = attributes.url('action') ?? ctx.documentUrl;
    const method = attributes.method('method');
    const timeout = attributes.number('timeout', 5);
    const finishOnKey = attributes.string('finishOnKey') ?? '1234567890*#';
    const maxLength = attributes.number('maxLength', 3600, 1);
    const { clock } = ctx.services;
    const message = ctx.leg.party.recordMessage();
    if (!message || message.seconds <= 0) {
      await clock.sleep(timeout, ctx.signal);
      return CONTINUE;
    }
    const spoken = Math.min(message.seconds, maxLength);
    const started = clock.now();
    try {
      await clock.sleep(spoken, ctx.signal);
    } catch (err) {
      if (ctx.leg.isEnded && action) {
        const seconds = Math.round(clock.secondsSince(started));
        await this.notifyHangup(ctx, ctx.leg, action, method, seconds);
      }
      throw err;
    }
    const params = this.recorded(ctx.leg, spoken);
    if (message.endWith === 'hangup') {
      ctx.leg.hangUp('caller');
      if (action)
        await ctx.services.runner.notify(
          ctx.leg,
          action,
          method,
          { ...params, Digits: 'hangup' },
          'record-action',
        );
      return { kind: 'hangup' };
    }
    if (message.endWith === 'key' && message.key && finishOnKey.includes(message.key)) {
      params.Digits = message.key;
    } else if (spoken < maxLength) {
      await clock.sleep(timeout, ctx.signal);
    }
    if (!action) return CONTINUE;
    return {
      kind: 'next',
      source: { kind: 'url', url: action, method, purpose: 'record-action', params: () => params },
    };
  }

  private recorded(leg: CallLeg, seconds: number): Record<string, string> {
    const recordingSid = newSid('RE');
    const recordingUrl = `${this.recordingBaseUrl()}/2010-04-01/Accounts/${leg.accountSid}/Recordings/${recordingSid}`;
    leg.record({ type: 'recorded', recordingSid, recordingUrl, seconds });
    return {
      RecordingSid: recordingSid,
      RecordingUrl: recordingUrl,
      RecordingDuration: String(Math.round(seconds)),
    };
  }

  private async notifyHangup(
    ctx: VerbContext,
    leg: CallLeg,
    action: string,
    method: HttpMethod,
    seconds: number,
  ) {
    if (seconds <= 0) return;
    const params = { ...this.recorded(leg, seconds), Digits: 'hangup' };
    await ctx.services.runner.notify(leg, action, method, params, 'record-action');
  }
}
