import { Injectable } from '@nestjs/common';
import { parseIvrPosition, readGatherInput } from '@hotline/ivr';
import { CallLedger } from '@hotline/persistence';
import { DomainError } from '../shared/domain-error';
import { IvrEngine } from './ivr-engine';
import { IvrStepResponder } from './ivr-step.responder';
import { VoiceRequest } from '../twilio/twilio-request';

/** The caller answered an IVR question (Gather action): take them to the next step. */
@Injectable()
export class AdvanceIvr {
  constructor(
    private readonly ledger: CallLedger,
    private readonly ivr: IvrEngine,
    private readonly responder: IvrStepResponder,
  ) {}

  async execute(request: VoiceRequest, query: Record<string, string | undefined>): Promise<string> {
    const position = parseIvrPosition(query);
    if (!position) {
      throw new DomainError('IVR.BAD_POSITION', 'The IVR position in the URL is missing or malformed', 400);
    }
    const call = await this.ledger.find(request.callSid);
    if (!call) throw new DomainError('CALL.NOT_FOUND', `No call ${request.callSid}`, 404);
    return this.responder.respond(call, this.ivr.advance(position, readGatherInput(request.form)));
  }
}
