import { VerbContext, VerbExecutor, VerbOutcome } from '../verb-context';

/** `<Hangup>`: ends the call (and, in a wait document, leaves the queue with QueueResult=hangup). */
export class HangupVerb implements VerbExecutor {
  readonly verb = 'Hangup';

  async execute(_element: unknown, ctx: VerbContext): Promise<VerbOutcome> {
    ctx.leg.end('completed', 'twiml-hangup');
    return { kind: 'hangup' };
  }
}
