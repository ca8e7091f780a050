import { CallerScript } from '../calls/caller-script';
import { CallLeg, StatusCallbackConfig } from '../calls/call-leg';
import { urlSource } from '../calls/document-source';
import { ScriptAttacher } from '../endpoints/ringer';
import { TwimlRunner } from '../execution/twiml-runner';
import { SimServices } from '../execution/verb-context';
import { HttpMethod } from '../webhooks/webhook-client';

export interface PlaceCallRequest {
  /** The caller's number (E.164) or any caller id, e.g. `client:alice` for a browser call. */
  from: string;
  /** The Twilio number dialed (E.164). */
  to: string;
  callerScript?: CallerScript;
}

/** The phone number's configuration in the Twilio console. */
export interface PhoneNumberConfig {
  sid: string;
  voiceUrl: string;
  voiceMethod: HttpMethod;
  statusCallback?: StatusCallbackConfig;
}

/** A person dials the Twilio number: the call rings in, Twilio asks the voice URL what to do. */
export class PlaceInboundCall {
  constructor(
    private readonly services: SimServices,
    private readonly runner: TwimlRunner,
    private readonly number: PhoneNumberConfig,
    private readonly attachScript: ScriptAttacher,
    private readonly track: (task: Promise<void>) => void,
  ) {}

  execute(request: PlaceCallRequest): CallLeg {
    const leg = this.services.calls.create({
      accountSid: this.services.accountSid,
      from: request.from,
      to: request.to,
      direction: 'inbound',
      status: 'queued',
      phoneNumberSid: this.number.sid,
      statusCallback: this.number.statusCallback,
    });
    this.attachScript(leg, request.callerScript ?? {});
    leg.setStatus('initiated');
    leg.setStatus('ringing');
    this.track(this.runner.runCall(leg, urlSource(this.number.voiceUrl, this.number.voiceMethod, 'voice')));
    return leg;
  }
}
