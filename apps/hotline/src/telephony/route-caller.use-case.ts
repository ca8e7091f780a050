import { Injectable } from '@nestjs/common';
import { apologyPrompt, callbackConfirmedPrompt, LanguageTag } from '@hotline/ivr';
import { CallLedger } from '@hotline/persistence';
import { TwimlRenderer } from '@hotline/telephony';
import { MAIN_FLOW } from '../config/contact-center.config';
import { Settings } from '../config/settings';
import { DomainError } from '../shared/domain-error';
import { VoiceRequest } from '../twilio/twilio-request';
import { IvrEngine } from './ivr-engine';
import { IvrStepResponder } from './ivr-step.responder';

/**
 * A queue limit sent a waiting caller elsewhere (the routing engine decided; the call was
 * redirected here): to leave a voicemail, through the main flow's voicemail step, or told their
 * call-back is booked.
 */
@Injectable()
export class RouteCaller {
  constructor(
    private readonly twiml: TwimlRenderer,
    private readonly ledger: CallLedger,
    private readonly ivr: IvrEngine,
    private readonly responder: IvrStepResponder,
    private readonly settings: Settings,
  ) {}

  async execute(request: VoiceRequest, kind: string | undefined): Promise<string> {
    if (kind !== 'voicemail' && kind !== 'callback') {
      throw new DomainError('ROUTING.BAD_ROUTE', 'kind must be voicemail or callback', 400);
    }
    const call = await this.ledger.find(request.callSid);
    if (!call) throw new DomainError('CALL.NOT_FOUND', `No call ${request.callSid}`, 404);
    const config = this.settings.contactCenter.ivr;
    const language = call.language as LanguageTag;
    if (kind === 'callback') return this.twiml.messageHangup([callbackConfirmedPrompt(config, language)]);
    const flow = config.flows[MAIN_FLOW];
    const node = Object.entries(flow.nodes).find(([, candidate]) => candidate.kind === 'voicemail')?.[0];
    if (node === undefined) return this.twiml.apology(apologyPrompt(config, language));
    const outcome = this.ivr.advance({ flow: MAIN_FLOW, node, attempt: 1, language }, { kind: 'none' });
    return this.responder.respond(call, outcome);
  }
}
