import { CONTINUE, VerbContext, VerbExecutor, VerbOutcome } from '../verb-context';

/** `<Leave>`: takes the caller out of the queue whose wait document is playing; elsewhere it does nothing. */
export class LeaveVerb implements VerbExecutor {
  readonly verb = 'Leave';

  async execute(_element: unknown, ctx: VerbContext): Promise<VerbOutcome> {
    return ctx.mode === 'queue-wait' ? { kind: 'leave' } : CONTINUE;
  }
}
