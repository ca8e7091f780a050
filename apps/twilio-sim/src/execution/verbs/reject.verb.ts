import { TwimlElement } from '../../twiml/twiml-element';
import { VerbContext, VerbExecutor, VerbOutcome } from '../verb-context';

/** `<Reject>`: refuses an unanswered call without answering it (no charge); the caller hears busy. */
export class RejectVerb implements VerbExecutor {
  readonly verb = 'Reject';

  async execute(_element: TwimlElement, ctx: VerbContext): Promise<VerbOutcome> {
    if (ctx.leg.isAnswered) ctx.leg.end('completed', 'twiml-reject');
    else ctx.leg.end('busy', 'twiml-reject');
    return { kind: 'hangup' };
  }
}
