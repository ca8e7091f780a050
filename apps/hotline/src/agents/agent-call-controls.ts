import { Injectable } from '@nestjs/common';
import { TwilioVoiceApi } from '@hotline/telephony';
import { RoutingHost } from '../routing/routing-host';
import { TwilioBridge } from '../routing/twilio-bridge';
import { DomainError } from '../shared/domain-error';
import { WebhookUrls } from '../twilio/webhook-urls';

/**
 * What an agent does with their own offer and call: decline the ringing offer, hold and resume
 * the caller (who hears hold music), or hang up. An agent can only act on their own call.
 */
@Injectable()
export class AgentCallControls {
  constructor(
    private readonly routing: RoutingHost,
    private readonly bridge: TwilioBridge,
    private readonly api: TwilioVoiceApi,
    private readonly urls: WebhookUrls,
  ) {}

  async decline(agentId: string): Promise<void> {
    const view = this.routing.agent(agentId);
    if (view?.state !== 'reserved' || !view.callerId) {
      throw new DomainError('AGENT.NO_OFFER', 'There is no ringing offer to decline', 409);
    }
    const leg = this.bridge.legOf(view.callerId);
    this.bridge.forgetLeg(view.callerId);
    await this.routing.offerMissed(view.callerId, agentId, 'declined');
    if (leg) await this.api.endCall(leg.callSid);
  }

  async hold(agentId: string, onHold: boolean): Promise<void> {
    const caller = this.currentCall(agentId);
    await this.api.updateParticipant(
      caller,
      'customer',
      onHold ? { hold: true, holdUrl: this.urls.holdMusic() } : { hold: false },
    );
    this.routing.holdChanged(agentId, onHold);
  }

  async hangUp(agentId: string): Promise<void> {
    const caller = this.currentCall(agentId);
    const leg = this.bridge.legOf(caller);
    await this.api.endCall(leg?.callSid ?? caller);
  }

  private currentCall(agentId: string): string {
    const call = this.routing.tracker.talkingOn(agentId);
    if (!call) throw new DomainError('AGENT.NO_CALL', 'You are not on a call', 409);
    return call;
  }
}
