import { AcdDecision, Route, RoutingEngine } from '@hotline/acd';
import { OfferMissReason } from '@hotline/contracts';
import { RoutingInputData } from './routing-input';

/** Something that happened to a call through routing, to be written to its event log. */
export type RoutingFact =
  | { type: 'offered'; callSid: string; queue: string; agentId: string; ringSeconds: number }
  | { type: 'missed'; callSid: string; queue: string; agentId: string; reason: OfferMissReason }
  | { type: 'answered'; callSid: string; queue: string; agentId: string }
  | { type: 'routed'; callSid: string; queue: string; route: Route }
  | { type: 'wrapup-started'; callSid: string; agentId: string; talkSeconds: number; holdSeconds: number }
  | {
      type: 'wrapup-ended';
      callSid: string;
      agentId: string;
      queue: string;
      wrapSeconds: number;
      handleSeconds: number;
    };

export type TimedFact = RoutingFact & { at: number };

interface Connection {
  callSid: string;
  queue: string;
  answeredAt: number;
  holdMs: number;
  holdSince?: number;
}

/**
 * Follows offers, conversations and wrap-ups from the engine's inputs and decisions, so that
 * each can be told as a fact with its call. It is rebuilt by the same replay as the engine.
 */
export class CallTracker {
  private readonly offers = new Map<string, { agentId: string; queue: string }>();
  private readonly connections = new Map<string, Connection>();
  private readonly wrapping = new Map<
    string,
    { callSid: string; queue: string; since: number; busySeconds: number }
  >();
  /** The Twilio queue each caller waits in: where they must be dequeued from, whatever queue routes them. */
  private readonly twilioQueues = new Map<string, string>();

  constructor(private readonly engine: RoutingEngine) {}

  /** The agent a caller is being offered to, if any. */
  offeredTo(callerId: string): string | undefined {
    return this.offers.get(callerId)?.agentId;
  }

  twilioQueueOf(callerId: string): string | undefined {
    return this.twilioQueues.get(callerId);
  }

  /** Whether the tracker still follows a caller waiting for an agent. */
  holds(callerId: string): boolean {
    return this.twilioQueues.has(callerId) || this.offers.has(callerId);
  }

  /** The call an agent is talking on, if any. */
  talkingOn(agentId: string): string | undefined {
    return this.connections.get(agentId)?.callSid;
  }

  /** The queue of the call an agent is busy with. */
  queueOf(agentId: string): string | undefined {
    const callerId = this.engine.agent(agentId)?.callerId;
    const offered = callerId === undefined ? undefined : this.offers.get(callerId)?.queue;
    return offered ?? this.connections.get(agentId)?.queue ?? this.wrapping.get(agentId)?.queue;
  }

  /** The call an agent is busy with: ringing for, talking on or wrapping up. */
  callOf(agentId: string): string | undefined {
    const view = this.engine.agent(agentId);
    return view?.callerId ?? this.connections.get(agentId)?.callSid ?? this.wrapping.get(agentId)?.callSid;
  }

  holdChanged(agentId: string, onHold: boolean, now: number): void {
    const connection = this.connections.get(agentId);
    if (!connection) return;
    if (onHold && connection.holdSince === undefined) connection.holdSince = now;
    if (!onHold && connection.holdSince !== undefined) {
      connection.holdMs += now - connection.holdSince;
      connection.holdSince = undefined;
    }
  }

  /** Follows an input (null for a tick) and the decisions it led to; the facts, each with its time. */
  observe(input: RoutingInputData | null, decisions: AcdDecision[], now: number): TimedFact[] {
    const facts: TimedFact[] = input ? this.afterInput(input, now).map((fact) => ({ ...fact, at: now })) : [];
    for (const decision of decisions) {
      facts.push(...this.afterDecision(decision).map((fact) => ({ ...fact, at: decision.at })));
    }
    return facts;
  }

  private afterInput(input: RoutingInputData, now: number): RoutingFact[] {
    if (input.kind === 'caller-entered' && !this.twilioQueues.has(input.arrival.callerId)) {
      this.twilioQueues.set(input.arrival.callerId, input.arrival.queue);
    }
    if (input.kind === 'caller-left') this.twilioQueues.delete(input.callerId);
    if (input.kind !== 'offer-answered' && input.kind !== 'offer-missed') return [];
    const offer = this.offers.get(input.callerId);
    if (!offer || offer.agentId !== input.agentId) return [];
    const view = this.engine.agent(offer.agentId);
    const stillRinging = view?.state === 'reserved' && view.callerId === input.callerId;
    if (input.kind === 'offer-answered') {
      // The engine ignores an answer that came too late: the caller would still be in its lines.
      if (view?.state !== 'on-call' || this.engine.position(input.callerId) !== undefined) return [];
      this.offers.delete(input.callerId);
      // Talking to an agent, the caller is out of Twilio's queue for good.
      this.twilioQueues.delete(input.callerId);
      this.connections.set(offer.agentId, {
        callSid: input.callerId,
        queue: offer.queue,
        answeredAt: now,
        holdMs: 0,
      });
      return [{ type: 'answered', callSid: input.callerId, queue: offer.queue, agentId: offer.agentId }];
    }
    if (stillRinging) return [];
    this.offers.delete(input.callerId);
    return [
      {
        type: 'missed',
        callSid: input.callerId,
        queue: offer.queue,
        agentId: offer.agentId,
        reason: input.reason,
      },
    ];
  }

  /** Times come from the decision: a deadline handled late still counts from when it fell due. */
  private afterDecision(decision: AcdDecision): RoutingFact[] {
    const now = decision.at;
    switch (decision.type) {
      case 'offer':
        this.offers.set(decision.callerId, { agentId: decision.agentId, queue: decision.queue });
        return [
          {
            type: 'offered',
            callSid: decision.callerId,
            queue: decision.queue,
            agentId: decision.agentId,
            ringSeconds: decision.ringSeconds,
          },
        ];
      case 'offer-expired':
      case 'offer-withdrawn': {
        if (this.offers.get(decision.callerId)?.agentId !== decision.agentId) return [];
        this.offers.delete(decision.callerId);
        const reason = decision.type === 'offer-expired' ? 'no-answer' : 'withdrawn';
        return [
          {
            type: 'missed',
            callSid: decision.callerId,
            queue: decision.queue,
            agentId: decision.agentId,
            reason,
          },
        ];
      }
      case 'route':
        return [{ type: 'routed', callSid: decision.callerId, queue: decision.queue, route: decision.route }];
      case 'wrapup-started': {
        const connection = this.connections.get(decision.agentId);
        if (!connection) return [];
        this.holdChanged(decision.agentId, false, now);
        this.connections.delete(decision.agentId);
        const holdSeconds = connection.holdMs / 1000;
        const talkSeconds = Math.max(0, (now - connection.answeredAt) / 1000 - holdSeconds);
        this.wrapping.set(decision.agentId, {
          callSid: connection.callSid,
          queue: connection.queue,
          since: now,
          busySeconds: talkSeconds + holdSeconds,
        });
        return [
          {
            type: 'wrapup-started',
            callSid: connection.callSid,
            agentId: decision.agentId,
            talkSeconds,
            holdSeconds,
          },
        ];
      }
      case 'wrapup-ended': {
        const wrap = this.wrapping.get(decision.agentId);
        if (!wrap) return [];
        this.wrapping.delete(decision.agentId);
        const wrapSeconds = (now - wrap.since) / 1000;
        return [
          {
            type: 'wrapup-ended',
            callSid: wrap.callSid,
            agentId: decision.agentId,
            queue: wrap.queue,
            wrapSeconds,
            handleSeconds: wrap.busySeconds + wrapSeconds,
          },
        ];
      }
      case 'caller-overflowed':
      case 'agent-paused':
        return [];
    }
  }
}
