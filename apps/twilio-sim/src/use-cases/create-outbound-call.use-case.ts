import { CallLeg, StatusCallbackConfig } from '../calls/call-leg';
import { DocumentSource } from '../calls/document-source';
import { TwimlRunner } from '../execution/twiml-runner';
import { SimServices } from '../execution/verb-context';

export interface OutboundCallRequest {
  from: string;
  to: string;
  source: DocumentSource;
  timeout: number;
  statusCallback?: StatusCallbackConfig;
}

/** `POST Calls.json`: the callee's phone rings; once answered, the TwiML at Url (or Twiml) plays to them. */
export class CreateOutboundCall {
  constructor(
    private readonly services: SimServices,
    private readonly runner: TwimlRunner,
    private readonly track: (task: Promise<void>) => void,
  ) {}

  execute(request: OutboundCallRequest): CallLeg {
    const leg = this.services.calls.create({
      accountSid: this.services.accountSid,
      from: request.from,
      to: request.to,
      direction: 'outbound-api',
      status: 'queued',
      statusCallback: request.statusCallback,
    });
    // Dialing starts after the API has answered, which shows the call still queued.
    this.track(Promise.resolve().then(() => this.connect(leg, request)));
    return leg;
  }

  private async connect(leg: CallLeg, request: OutboundCallRequest): Promise<void> {
    leg.setStatus('initiated');
    const outcome = await this.services.ringer.ring(leg, request.timeout, leg.signal);
    if (outcome !== 'answered') {
      leg.end(outcome, 'not-answered');
      return;
    }
    leg.answer();
    await this.runner.runCall(leg, request.source);
  }
}
