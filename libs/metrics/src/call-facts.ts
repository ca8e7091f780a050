import type { AnyCallEvent, CallOutcome } from '@hotline/contracts';
import { isVip, queueSettings, type MetricsConfig } from './config';

/** One stay of a caller in a queue's line. */
export interface Visit {
  callSid: string;
  queue: string;
  tier: string;
  vip: boolean;
  enteredAt: number;
  headStartSeconds: number;
}

/** Callers are lined up by score, lowest first: entry time less the tier's head start, in ms. */
export function visitScore(visit: Visit): number {
  return visit.enteredAt - visit.headStartSeconds * 1000;
}

/** How a caller left a queue's line: the terms of the conservation invariant besides "still waiting". */
export type QueueOutcome = 'answered' | 'abandoned' | 'routed-elsewhere' | 'callback';

/**
 * What a call event means for the figures, once the call's earlier events are known. Live and
 * batch aggregation both count facts, so they share one reading of the log and differ only in
 * how they aggregate.
 */
export type CallFact =
  | { kind: 'received'; at: number; callSid: string }
  | { kind: 'completed'; at: number; callSid: string; outcome: CallOutcome }
  | { kind: 'queued'; at: number; visit: Visit }
  | { kind: 'unqueued'; at: number; visit: Visit }
  | {
      kind: 'queue-outcome';
      at: number;
      queue: string;
      tier: string | null;
      outcome: QueueOutcome;
      waitMs: number;
      withinThreshold: boolean;
      shortAbandon: boolean;
    }
  | { kind: 'offered'; at: number; queue: string; agent: string }
  | { kind: 'offer-missed'; at: number; queue: string; agent: string }
  | {
      kind: 'handled';
      at: number;
      /** Unique per handled call, to index it. */
      id: string;
      agent: string;
      queue: string | null;
      tier: string | null;
      talkMs: number;
      holdMs: number;
      wrapMs: number;
    };

interface CallContext {
  waiting: Visit | null;
  lastTier: string | null;
  answeredIn: { queue: string; tier: string | null } | null;
  talkAndHold: { talkMs: number; holdMs: number } | null;
  awaitingWrapUpEnd: boolean;
  completed: boolean;
}

function toMs(seconds: number): number {
  return Math.round(seconds * 1000);
}

/**
 * Reads call events into facts. Feed each call's events in `seq` order; calls may interleave in
 * any way. A call's context is dropped once it has completed and its wrap-up has ended.
 */
export class CallFactReader {
  private readonly calls = new Map<string, CallContext>();

  constructor(private readonly config: MetricsConfig) {}

  read(event: AnyCallEvent): CallFact[] {
    const facts = this.factsOf(event);
    const context = this.calls.get(event.callSid);
    if (context?.completed && context.waiting === null && !context.awaitingWrapUpEnd) {
      this.calls.delete(event.callSid);
    }
    return facts;
  }

  private factsOf(event: AnyCallEvent): CallFact[] {
    const { callSid, at } = event;
    switch (event.type) {
      case 'call.received':
        return [{ kind: 'received', at, callSid }];
      case 'queue.entered': {
        const context = this.contextOf(callSid);
        const { queue, tier, headStartSeconds } = event.data;
        const visit: Visit = {
          callSid,
          queue,
          tier,
          vip: isVip(this.config, tier, headStartSeconds),
          enteredAt: at,
          headStartSeconds,
        };
        const facts = this.leaveLine(context, at);
        context.waiting = visit;
        context.lastTier = tier;
        return [...facts, { kind: 'queued', at, visit }];
      }
      case 'queue.offered':
        return [{ kind: 'offered', at, queue: event.data.queue, agent: event.data.agent }];
      case 'queue.offer-missed': {
        const { queue, agent, reason } = event.data;
        return reason === 'no-answer' || reason === 'declined'
          ? [{ kind: 'offer-missed', at, queue, agent }]
          : [];
      }
      case 'queue.answered': {
        const context = this.contextOf(callSid);
        const tier = context.waiting?.tier ?? context.lastTier;
        context.answeredIn = { queue: event.data.queue, tier };
        context.awaitingWrapUpEnd = true;
        return this.exit(context, at, event.data.queue, 'answered', event.data.waitSeconds);
      }
      case 'queue.abandoned':
        return this.exitOf(callSid, at, event.data.queue, 'abandoned', event.data.waitSeconds);
      case 'queue.routed-elsewhere': {
        const outcome = event.data.route === 'callback' ? 'callback' : 'routed-elsewhere';
        return this.exitOf(callSid, at, event.data.queue, outcome, event.data.waitSeconds);
      }
      case 'queue.callback-requested':
        return this.exitOf(callSid, at, event.data.queue, 'callback', event.data.waitSeconds);
      case 'call.wrapup-started': {
        const context = this.contextOf(callSid);
        context.talkAndHold = { talkMs: toMs(event.data.talkSeconds), holdMs: toMs(event.data.holdSeconds) };
        return [];
      }
      case 'call.wrapup-ended':
        return [this.handled(callSid, event.seq, at, event.data.agent, toMs(event.data.wrapSeconds))];
      case 'call.completed': {
        const context = this.calls.get(callSid);
        const facts = context ? this.leaveLine(context, at) : [];
        if (context) context.completed = true;
        return [...facts, { kind: 'completed', at, callSid, outcome: event.data.outcome }];
      }
      default:
        return [];
    }
  }

  private handled(callSid: string, seq: number, at: number, agent: string, wrapMs: number): CallFact {
    const context = this.calls.get(callSid);
    const talkAndHold = context?.talkAndHold ?? { talkMs: 0, holdMs: 0 };
    if (context) {
      context.talkAndHold = null;
      context.awaitingWrapUpEnd = false;
    }
    return {
      kind: 'handled',
      at,
      id: `${callSid}#${seq}`,
      agent,
      queue: context?.answeredIn?.queue ?? null,
      tier: context?.answeredIn?.tier ?? null,
      ...talkAndHold,
      wrapMs,
    };
  }

  private exitOf(
    callSid: string,
    at: number,
    queue: string,
    outcome: QueueOutcome,
    waitSeconds: number,
  ): CallFact[] {
    const context = this.calls.get(callSid);
    if (context) return this.exit(context, at, queue, outcome, waitSeconds);
    return [this.outcomeFact(at, queue, null, outcome, waitSeconds)];
  }

  private exit(
    context: CallContext,
    at: number,
    queue: string,
    outcome: QueueOutcome,
    waitSeconds: number,
  ): CallFact[] {
    const tier = context.waiting?.tier ?? context.lastTier;
    return [...this.leaveLine(context, at), this.outcomeFact(at, queue, tier, outcome, waitSeconds)];
  }

  private outcomeFact(
    at: number,
    queue: string,
    tier: string | null,
    outcome: QueueOutcome,
    waitSeconds: number,
  ): CallFact {
    const settings = queueSettings(this.config, queue);
    const waitMs = toMs(waitSeconds);
    return {
      kind: 'queue-outcome',
      at,
      queue,
      tier,
      outcome,
      waitMs,
      withinThreshold: waitMs <= settings.serviceLevelThresholdSeconds * 1000,
      shortAbandon: outcome === 'abandoned' && waitMs <= settings.shortAbandonSeconds * 1000,
    };
  }

  private leaveLine(context: CallContext, at: number): CallFact[] {
    const visit = context.waiting;
    if (visit === null) return [];
    context.waiting = null;
    return [{ kind: 'unqueued', at, visit }];
  }

  private contextOf(callSid: string): CallContext {
    let context = this.calls.get(callSid);
    if (!context) {
      context = {
        waiting: null,
        lastTier: null,
        answeredIn: null,
        talkAndHold: null,
        awaitingWrapUpEnd: false,
        completed: false,
      };
      this.calls.set(callSid, context);
    }
    return context;
  }
}
