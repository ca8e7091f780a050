import { resolveUrl, TwimlAttributes } from '../../twiml/twiml-attributes';
import { TwimlElement } from '../../twiml/twiml-element';
import { CONTINUE, loopCount, VerbContext, VerbExecutor, VerbOutcome } from '../verb-context';

const SECONDS_PER_DIGIT = 0.5;

/** `<Play>`: every audio file lasts the configured play length; `digits` sends DTMF tones instead. */
export class PlayVerb implements VerbExecutor {
  readonly verb = 'Play';

  async execute(element: TwimlElement, ctx: VerbContext): Promise<VerbOutcome> {
    const attributes = new TwimlAttributes(element, ctx.documentUrl);
    const digits = attributes.string('digits');
    if (digits !== undefined && !element.text) {
      ctx.leg.record({ type: 'play', url: `dtmf:${digits}`, loop: 1, context: ctx.mode });
      await ctx.services.clock.sleep(digits.length * SECONDS_PER_DIGIT, ctx.signal);
      return CONTINUE;
    }
    const loop = loopCount(attributes.number('loop', 1));
    const url = resolveUrl(element.text, ctx.documentUrl);
    ctx.leg.record({ type: 'play', url, loop, context: ctx.mode });
    await ctx.services.clock.sleep(ctx.services.timings.playSeconds * loop, ctx.signal);
    return CONTINUE;
  }
}
