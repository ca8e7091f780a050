import { TwimlAttributes } from '../../twiml/twiml-attributes';
import { TwimlElement, textContent } from '../../twiml/twiml-element';
import { CONTINUE, loopCount, VerbContext, VerbExecutor, VerbOutcome } from '../verb-context';

/** `<Say>`: the caller hears the text; it takes as long as the text takes to speak, times loop. */
export class SayVerb implements VerbExecutor {
  readonly verb = 'Say';

  async execute(element: TwimlElement, ctx: VerbContext): Promise<VerbOutcome> {
    const attributes = new TwimlAttributes(element, ctx.documentUrl);
    const loop = loopCount(attributes.number('loop', 1));
    const text = textContent(element);
    ctx.leg.record({
      type: 'say',
      text,
      voice: attributes.string('voice'),
      language: attributes.string('language'),
      loop,
      context: ctx.mode,
    });
    const seconds = Math.max(0.5, text.length / ctx.services.timings.sayCharsPerSecond);
    await ctx.services.clock.sleep(seconds * loop, ctx.signal);
    return CONTINUE;
  }
}
