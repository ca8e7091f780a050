import { TwimlAttributes } from '../../twiml/twiml-attributes';
import { TwimlElement } from '../../twiml/twiml-element';
import { CONTINUE, VerbContext, VerbExecutor, VerbOutcome } from '../verb-context';

/** `<Pause length>`: silence, one second by default. */
export class PauseVerb implements VerbExecutor {
  readonly verb = 'Pause';

  async execute(element: TwimlElement, ctx: VerbContext): Promise<VerbOutcome> {
    const seconds = new TwimlAttributes(element, ctx.documentUrl).number('length', 1);
    ctx.leg.record({ type: 'pause', seconds });
    await ctx.services.clock.sleep(seconds, ctx.signal);
    return CONTINUE;
  }
}
