import type {
  AgentEvent,
  AgentState,
  AnyCallEvent,
  CallEvent,
  CallEventPayloads,
  CallEventType,
} from '@hotline/contracts';
import type { EventLog } from '../batch-metrics';
import type { LiveMetrics } from '../live-metrics';

/** 2025-01-06 00:00 UTC, a Monday. */
export const DAY = 1_736_121_600_000;
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export interface QueuedCall {
  queue: string;
  tier?: string;
  headStartSeconds?: number;
  enteredAt: number;
}

/** Builds call and agent logs for fixtures, numbering each call's and agent's events. */
export class EventLogBuilder implements EventLog {
  readonly calls: AnyCallEvent[] = [];
  readonly agents: AgentEvent[] = [];
  private readonly seqs = new Map<string, number>();
  private serial = 0;

  event<T extends CallEventType>(callSid: string, type: T, at: number, data: CallEventPayloads[T]): this {
    const event: CallEvent<T> = { callSid, seq: this.nextSeq(`call:${callSid}`), type, at, data };
    this.calls.push(event as AnyCallEvent);
    return this;
  }

  agent(
    agentId: string,
    state: AgentState,
    at: number,
    about: { callSid?: string; queue?: string } = {},
  ): this {
    this.agents.push({ agentId, seq: this.nextSeq(`agent:${agentId}`), state, at, ...about });
    return this;
  }

  /** A new call entering a queue; returns its CallSid. */
  queued(call: QueuedCall): string {
    const callSid = `CA${String(++this.serial).padStart(32, '0')}`;
    const tier = call.tier ?? 'standard';
    this.event(callSid, 'call.received', call.enteredAt, {
      from: '+15550000000',
      to: '+15551111111',
      customerId: null,
      tier,
      language: 'en',
    });
    this.event(callSid, 'queue.entered', call.enteredAt, {
      queue: call.queue,
      tier,
      reason: 'general',
      headStartSeconds: call.headStartSeconds ?? 0,
    });
    return callSid;
  }

  answered(call: QueuedCall, waitSeconds: number, agent = 'agent-1'): string {
    const callSid = this.queued(call);
    this.event(callSid, 'queue.answered', call.enteredAt + waitSeconds * SECOND, {
      queue: call.queue,
      agent,
      waitSeconds,
    });
    return callSid;
  }

  abandoned(call: QueuedCall, waitSeconds: number): string {
    const callSid = this.queued(call);
    const at = call.enteredAt + waitSeconds * SECOND;
    this.event(callSid, 'queue.abandoned', at, { queue: call.queue, waitSeconds });
    this.event(callSid, 'call.completed', at, { durationSeconds: waitSeconds, outcome: 'abandoned' });
    return callSid;
  }

  /** Hang-up after talk and hold, then wrap-up, for an answered call. */
  handled(
    callSid: string,
    agent: string,
    endedAt: number,
    talkSeconds: number,
    holdSeconds: number,
    wrapSeconds: number,
  ): this {
    this.event(callSid, 'call.wrapup-started', endedAt, { agent, talkSeconds, holdSeconds });
    this.event(callSid, 'call.completed', endedAt, {
      durationSeconds: talkSeconds + holdSeconds,
      outcome: 'answered',
    });
    return this.event(callSid, 'call.wrapup-ended', endedAt + wrapSeconds * SECOND, { agent, wrapSeconds });
  }

  private nextSeq(owner: string): number {
    const seq = this.seqs.get(owner) ?? 0;
    this.seqs.set(owner, seq + 1);
    return seq;
  }
}

/** Feeds a log to live metrics in time order, each call's and agent's events in log order. */
export function feed(metrics: LiveMetrics, log: EventLog): LiveMetrics {
  const steps = [
    ...log.calls.map((event) => ({ at: event.at, apply: () => metrics.applyCallEvent(event) })),
    ...log.agents.map((event) => ({ at: event.at, apply: () => metrics.applyAgentEvent(event) })),
  ].sort((a, b) => a.at - b.at);
  for (const step of steps) step.apply();
  return metrics;
}
