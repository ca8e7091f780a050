import { GatherAnswer, GatherPrompt } from '../../calls/caller-script';
import { TwimlAttributes } from '../../twiml/twiml-attributes';
import { TwimlElement, textContent } from '../../twiml/twiml-element';
import { TWILIO_ERROR, TwilioFault } from '../../webhooks/sim-notification';
import { CONTINUE, VerbContext, VerbExecutor, VerbOutcome } from '../verb-context';

type Input = 'dtmf' | 'speech';

interface GatherSettings {
  input: Input[];
  timeout: number;
  numDigits?: number;
  finishOnKey: string;
}

const KEYS = /^[0-9*#]?$/;
const DEFAULT_CONFIDENCE = 0.9;

/**
 * `<Gather>`: plays its nested Say/Play/Pause, then listens. DTMF stops at numDigits, at
 * finishOnKey (not included in Digits) or `timeout` seconds after the last key; speech is posted
 * as SpeechResult and Confidence. With no input the action is skipped (unless
 * actionOnEmptyResult) and the call goes on with the next verb.
 */
export class GatherVerb implements VerbExecutor {
  readonly verb = 'Gather';
  private readonly prompts: Map<string, VerbExecutor>;

  constructor(prompts: VerbExecutor[]) {
    this.prompts = new Map(prompts.map((p) => [p.verb, p]));
  }

  async execute(element: TwimlElement, ctx: VerbContext): Promise<VerbOutcome> {
    const attributes = new TwimlAttributes(element, ctx.documentUrl);
    const settings = this.settings(attributes, ctx.documentUrl);
    const action = attributes.url('action') ?? ctx.documentUrl;
    const method = attributes.method('method');
    const actionOnEmptyResult = attributes.boolean('actionOnEmptyResult', false);
    const heard: string[] = [];
    for (const prompt of element.children) {
      await this.prompts.get(prompt.name)?.execute(prompt, ctx);
      if (prompt.name !== 'Pause') heard.push(textContent(prompt));
    }
    const prompt: GatherPrompt = {
      callSid: ctx.leg.sid,
      heard,
      ...settings,
      whileQueued: ctx.mode === 'queue-wait',
      index: ctx.leg.gathersAsked++,
    };
    const result = await this.listen(ctx.leg.party.answerGather(prompt), settings, ctx);
    if ((!result && !actionOnEmptyResult) || !action) return CONTINUE;
    return {
      kind: 'next',
      source: { kind: 'url', url: action, method, purpose: 'gather-action', params: () => result ?? {} },
    };
  }

  private settings(attributes: TwimlAttributes, url?: string): GatherSettings {
    const input = attributes.list('input', ['dtmf']);
    if (input.some((i) => i !== 'dtmf' && i !== 'speech')) {
      throw new TwilioFault(
        TWILIO_ERROR.schemaValidation,
        `<Gather> has an invalid input="${input.join(' ')}"`,
        url,
      );
    }
    const finishOnKey = attributes.string('finishOnKey') ?? '#';
    if (!KEYS.test(finishOnKey)) {
      throw new TwilioFault(
        TWILIO_ERROR.schemaValidation,
        `<Gather> has an invalid finishOnKey="${finishOnKey}"`,
        url,
      );
    }
    return {
      input: input as Input[],
      timeout: attributes.number('timeout', 5),
      numDigits: attributes.optionalInteger('numDigits'),
      finishOnKey,
    };
  }

  private async listen(
    answer: GatherAnswer | undefined,
    settings: GatherSettings,
    ctx: VerbContext,
  ): Promise<Record<string, string> | undefined> {
    const { clock, timings } = ctx.services;
    const delay = answer?.afterSeconds ?? 0;
    const speech = settings.input.includes('speech') ? answer?.speech : undefined;
    const digits = settings.input.includes('dtmf') ? answer?.digits : undefined;
    if (delay >= settings.timeout || (speech === undefined && !digits)) {
      await clock.sleep(settings.timeout, ctx.signal);
      ctx.leg.record({ type: 'gather-timeout' });
      return undefined;
    }
    await clock.sleep(delay, ctx.signal);
    if (speech !== undefined) {
      await clock.sleep(speech.length / timings.sayCharsPerSecond, ctx.signal);
      const confidence = answer?.confidence ?? DEFAULT_CONFIDENCE;
      ctx.leg.record({ type: 'speech', speech, confidence });
      return { SpeechResult: speech, Confidence: String(confidence) };
    }
    const { collected, finishedOnKey, complete } = collect(digits ?? '', settings);
    if (!complete) await clock.sleep(settings.timeout, ctx.signal);
    ctx.leg.record({ type: 'digits', digits: collected });
    if (!collected) return undefined;
    return finishedOnKey ? { Digits: collected, FinishedOnKey: finishedOnKey } : { Digits: collected };
  }
}

/** Keys up to numDigits or finishOnKey; `complete` when Twilio need not wait for the timeout. */
function collect(keys: string, settings: GatherSettings) {
  let collected = '';
  for (const key of keys) {
    if (settings.finishOnKey && key === settings.finishOnKey) {
      return { collected, finishedOnKey: key, complete: true };
    }
    collected += key;
    if (settings.numDigits && collected.length >= settings.numDigits) return { collected, complete: true };
  }
  return { collected, complete: false };
}
