import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AcdDecision, OfferDecision, RouteDecision } from '@hotline/acd';
import { AgentDirectory, CallLedger } from '@hotline/persistence';
import { TwilioVoiceApi } from '@hotline/telephony';
import type { Logger } from 'pino';
import { LOGGER } from '../shared/logger';
import { WebhookUrls } from '../twilio/webhook-urls';
import { RoutingHost } from './routing-host';

interface Leg {
  agentId: string;
  callSid: string;
}

/**
 * Carries out routing decisions at Twilio. An offer pulls the caller out of the Twilio queue into
 * a conference room named after their call and dials the agent's softphone into it; a missed or
 * withdrawn offer hangs up the agent's ringing leg while the caller stays in the room on hold.
 * A REST failure never loses a caller: the offer counts as failed and they keep their place.
 */
@Injectable()
export class TwilioBridge implements OnApplicationBootstrap {
  private readonly inRoom = new Set<string>();
  private readonly legs = new Map<string, Leg>();
  private failures = 0;

  constructor(
    private readonly host: RoutingHost,
    private readonly api: TwilioVoiceApi,
    private readonly ledger: CallLedger,
    private readonly agents: AgentDirectory,
    private readonly urls: WebhookUrls,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.host.decisions$.subscribe((decision) => void this.carryOut(decision));
  }

  /** REST calls to Twilio that failed for good since the start. */
  get failedRestCalls(): number {
    return this.failures;
  }

  /** The agent's leg for this caller, from the offer until it is missed or the call ends. */
  legOf(callerId: string): Leg | undefined {
    return this.legs.get(callerId);
  }

  /** The caller's call was moved into its room. */
  joinedRoom(callerId: string): void {
    this.inRoom.add(callerId);
  }

  forgetLeg(callerId: string): void {
    this.legs.delete(callerId);
  }

  private async carryOut(decision: AcdDecision): Promise<void> {
    switch (decision.type) {
      case 'offer':
        return this.offer(decision);
      case 'offer-expired':
      case 'offer-withdrawn':
        return this.hangUpLeg(decision.callerId, decision.agentId);
      case 'route':
        return this.route(decision);
      default:
        return;
    }
  }

  private async offer(decision: OfferDecision): Promise<void> {
    const { callerId, agentId } = decision;
    try {
      const [call, agent] = await Promise.all([this.ledger.find(callerId), this.agents.findById(agentId)]);
      if (!call || !agent) throw new Error(`offer for an unknown call or agent (${callerId}, ${agentId})`);
      // The caller booked a call-back or hung up while the offer was being made: they are no
      // longer waiting for an agent, so nobody is dialled.
      if (call.outcome !== 'in-progress' || call.endedAt !== null) {
        await this.host.callerLeft(callerId);
        return;
      }
      if (!(await this.isInRoom(callerId))) {
        const queue = this.host.tracker.twilioQueueOf(callerId) ?? call.queue ?? decision.queue;
        await this.api.dequeue(queue, callerId, this.urls.to('bridge', { room: callerId }));
        this.inRoom.add(callerId);
      }
      const leg = await this.api.addParticipant(callerId, {
        to: `client:${agent.identity}`,
        from: call.to,
        // Labels are unique within a conference, and a caller may ring several agents in turn.
        label: `agent-${agent.identity}-${decision.at}`,
        timeoutSeconds: decision.ringSeconds,
        statusCallbackUrl: this.urls.to('participant', { caller: callerId, agent: agentId }),
        endConferenceOnExit: false,
      });
      this.legs.set(callerId, { agentId, callSid: leg.callSid });
    } catch (error) {
      this.failed(error, callerId, 'offer');
      await this.host.offerMissed(callerId, agentId, 'failed');
    }
  }

  /**
   * Whether the caller has left the Twilio queue for their room. Remembered while the process
   * lives; after a restart, learnt from the call's log (its Enqueue action said so).
   */
  private async isInRoom(callerId: string): Promise<boolean> {
    if (this.inRoom.has(callerId)) return true;
    const events = await this.ledger.events(callerId);
    const dequeued = events.some(
      (event) => event.type === 'queue.left' && event.data.result.startsWith('redirected'),
    );
    if (dequeued) this.inRoom.add(callerId);
    return dequeued;
  }

  private async hangUpLeg(callerId: string, agentId: string): Promise<void> {
    const leg = this.legs.get(callerId);
    if (!leg || leg.agentId !== agentId) return;
    this.legs.delete(callerId);
    try {
      await this.api.endCall(leg.callSid);
    } catch (error) {
      this.failed(error, callerId, 'end agent leg');
    }
  }

  private async route(decision: RouteDecision): Promise<void> {
    if (decision.route.kind === 'queue') return;
    const call = await this.ledger.find(decision.callerId);
    const url = this.urls.to('route', { kind: decision.route.kind, lang: call?.language ?? '' });
    try {
      await this.api.redirectCall(decision.callerId, url);
    } catch (error) {
      this.failed(error, decision.callerId, `route to ${decision.route.kind}`);
    }
  }

  private failed(error: unknown, callSid: string, action: string): void {
    this.failures += 1;
    this.logger.error({ err: error, CallSid: callSid, action }, 'a Twilio REST call failed');
  }
}
