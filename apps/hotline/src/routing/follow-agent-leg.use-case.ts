import { Inject, Injectable, Optional } from '@nestjs/common';
import { MissReason } from '@hotline/acd';
import { CallLedger } from '@hotline/persistence';
import { TwilioVoiceApi } from '@hotline/telephony';
import type { Logger } from 'pino';
import { SurveyPolicy } from '../crm/survey-policy';
import { DomainError } from '../shared/domain-error';
import { LOGGER } from '../shared/logger';
import { TwilioForm, TwilioQuery } from '../twilio/twilio-request';
import { RoutingHost } from './routing-host';
import { TwilioBridge } from './twilio-bridge';

const CALL_SID = /^CA[0-9a-f]{32}$/;

/** How a leg that never connected ended, as the routing engine counts a missed offer. */
const MISSED: Record<string, MissReason> = { 'no-answer': 'no-answer', busy: 'declined', failed: 'failed' };

/**
 * Follows the agent's leg (Participants status callbacks). Answered: the caller is connected.
 * Not answered, rejected or failed: the offer is missed and the caller goes to the next agent,
 * keeping their place. Ended after talking: the call is over and the agent goes to wrap-up.
 */
@Injectable()
export class FollowAgentLeg {
  constructor(
    private readonly host: RoutingHost,
    private readonly bridge: TwilioBridge,
    private readonly api: TwilioVoiceApi,
    private readonly ledger: CallLedger,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() private readonly surveys?: SurveyPolicy,
  ) {}

  async execute(form: TwilioForm, query: TwilioQuery): Promise<void> {
    const { caller, agent } = query;
    const status = form.CallStatus;
    if (!caller || !CALL_SID.test(caller) || !agent || !status) {
      throw new DomainError('TWILIO.BAD_REQUEST', 'caller, agent and CallStatus are required', 400);
    }
    if (status === 'in-progress' || status === 'answered') {
      if (this.host.tracker.offeredTo(caller) !== agent) return;
      // The caller may have hung up just before the agent picked up: then nobody was answered.
      const call = await this.ledger.find(caller);
      if (call && (call.endedAt !== null || call.status === 'completed')) {
        await this.host.callerLeft(caller);
        return;
      }
      // The leg is kept while the agent talks: hanging up from the desktop ends it, not the caller's call.
      await this.host.offerAnswered(caller, agent);
      return;
    }
    if (status === 'completed' && this.host.tracker.talkingOn(agent) === caller) {
      this.bridge.forgetLeg(caller);
      await this.host.callEnded(agent);
      await this.releaseCaller(caller);
      return;
    }
    const reason = MISSED[status];
    if (reason && this.host.tracker.offeredTo(caller) === agent) {
      this.bridge.forgetLeg(caller);
      await this.host.offerMissed(caller, agent, reason);
    }
  }

  /**
   * The agent hung up first: the caller stays on for the post-call survey when their queue has
   * one; otherwise their call ends too (the room is theirs alone now).
   */
  private async releaseCaller(caller: string): Promise<void> {
    try {
      const call = await this.ledger.find(caller);
      const survey = call && this.surveys?.surveyUrlFor(call);
      if (survey) await this.api.redirectCall(caller, survey);
      else await this.api.endCall(caller);
    } catch (error) {
      this.logger.warn(
        { err: error, CallSid: caller },
        'could not end the caller’s call after the agent left',
      );
    }
  }
}
