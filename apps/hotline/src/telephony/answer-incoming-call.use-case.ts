import { Injectable } from '@nestjs/common';
import { CallLedger, CallRecord, CustomerDirectory } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { Clock } from '../shared/clock';
import { IvrEngine, MAIN_FLOW } from './ivr-engine';
import { IvrStepResponder } from './ivr-step.responder';
import { VoiceRequest } from '../twilio/twilio-request';

/**
 * A call arrives (the number's Voice URL): recognise the caller by number, record the call, and
 * answer with the first IVR step — greeted by tier and in their language when they are known.
 * A retried delivery finds the call already recorded and gets the same answer, recording nothing.
 */
@Injectable()
export class AnswerIncomingCall {
  constructor(
    private readonly ledger: CallLedger,
    private readonly customers: CustomerDirectory,
    private readonly ivr: IvrEngine,
    private readonly responder: IvrStepResponder,
    private readonly settings: Settings,
    private readonly clock: Clock,
  ) {}

  async execute(request: VoiceRequest): Promise<string> {
    const now = this.clock.now();
    const customer = await this.customers.findByPhone(request.from);
    const language = customer?.language ?? this.settings.contactCenter.ivr.flows[MAIN_FLOW].defaultLanguage;
    const tier = customer?.tier ?? this.settings.contactCenter.defaultTier;
    const call: CallRecord = {
      callSid: request.callSid,
      accountSid: request.accountSid,
      direction: 'inbound',
      from: request.from,
      to: request.to,
      customerId: customer?.id ?? null,
      language,
      tier,
      ivrPath: [],
      queue: null,
      reason: null,
      agent: null,
      status: request.callStatus || 'ringing',
      statusSeq: -1,
      outcome: 'in-progress',
      receivedAt: now,
      queuedAt: null,
      answeredAt: null,
      endedAt: null,
    };
    const opened = await this.ledger.open(call, {
      type: 'call.received',
      at: now,
      key: 'received',
      data: { from: request.from, to: request.to, customerId: call.customerId, tier, language },
    });
    const outcome = this.ivr.enter(
      MAIN_FLOW,
      { known: customer !== null, name: customer?.name, tier: customer?.tier, language: customer?.language },
      opened.call.receivedAt,
    );
    return this.responder.respond(opened.call, outcome);
  }
}
