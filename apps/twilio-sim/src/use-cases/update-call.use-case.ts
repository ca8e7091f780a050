import { CallLeg } from '../calls/call-leg';
import { DocumentSource } from '../calls/document-source';
import { TwilioRestError } from '../core/twilio-rest-error';
import { TwimlRunner } from '../execution/twiml-runner';

export type CallUpdate =
  { kind: 'redirect'; source: DocumentSource } | { kind: 'status'; status: 'completed' | 'canceled' };

/**
 * `POST Calls/{sid}.json`: redirect a live call to new TwiML (whatever it was doing stops: a queued
 * caller leaves with QueueResult=redirected, a bridge is dropped), hang it up (completed) or cancel
 * it while it is still queued or ringing (canceled).
 */
export class UpdateCall {
  constructor(
    private readonly runner: TwimlRunner,
    private readonly track: (task: Promise<void>) => void,
  ) {}

  execute(leg: CallLeg, update: CallUpdate): void {
    if (update.kind === 'status') {
      if (update.status === 'completed') leg.hangUp('api');
      else if (!leg.isAnswered) leg.end('canceled', 'api');
      return;
    }
    if (leg.isEnded || !leg.isAnswered) throw TwilioRestError.notInProgress();
    const scoped = leg.isScoped;
    leg.redirect(update.source);
    if (!scoped) {
      const source = leg.takeRedirect();
      if (source) this.track(this.runner.runCall(leg, source));
    }
  }
}
