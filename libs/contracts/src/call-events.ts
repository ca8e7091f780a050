/**
 * The call event log (`call_events`): everything that happens to a call, in order, one row each.
 * Every figure Hotline shows is computed from this log (see docs/metrics.md), so names and
 * payloads are a contract: add new types, never rename or repurpose one.
 */
export const CALL_EVENT_TYPES = [
  'call.received',
  'call.status',
  'ivr.step',
  'ivr.routed',
  'call.after-hours',
  'queue.entered',
  'queue.announced',
  'queue.offered',
  'queue.offer-missed',
  'queue.answered',
  'queue.abandoned',
  'queue.left',
  'queue.routed-elsewhere',
  'queue.callback-requested',
  'call.voicemail',
  'call.wrapup-started',
  'call.wrapup-ended',
  'call.disposition',
  'call.survey',
  'call.completed',
] as const;

export type CallEventType = (typeof CALL_EVENT_TYPES)[number];

/** Where a caller who did not reach an agent was sent instead. */
export type ElsewhereRoute = 'voicemail' | 'callback' | 'queue' | 'message' | 'after-hours' | 'overflow';

export type OfferMissReason = 'no-answer' | 'declined' | 'failed' | 'withdrawn';

export interface CallEventPayloads {
  'call.received': { from: string; to: string; customerId: string | null; tier: string; language: string };
  'call.status': { status: string; sequence: number; durationSeconds?: number };
  'ivr.step': { node: string; input?: string; attempt: number };
  'ivr.routed': { queue: string; reason: string };
  'call.after-hours': { route: ElsewhereRoute; reason: 'closed' | 'holiday' };
  'queue.entered': { queue: string; tier: string; reason: string; headStartSeconds: number };
  'queue.announced': { queue: string; position: number; ewtSeconds: number | null };
  'queue.offered': { queue: string; agent: string; ringSeconds: number };
  'queue.offer-missed': { queue: string; agent: string; reason: OfferMissReason };
  'queue.answered': { queue: string; agent: string; waitSeconds: number };
  'queue.abandoned': { queue: string; waitSeconds: number };
  'queue.left': { queue: string; result: string; queueTimeSeconds: number };
  'queue.routed-elsewhere': { queue: string; route: ElsewhereRoute; target?: string; waitSeconds: number };
  'queue.callback-requested': { queue: string; number: string; waitSeconds: number };
  'call.voicemail': { recordingUrl: string; durationSeconds: number };
  'call.wrapup-started': { agent: string; talkSeconds: number; holdSeconds: number };
  'call.wrapup-ended': { agent: string; wrapSeconds: number };
  'call.disposition': { agent: string; resolved: boolean; reason: string; notes: string; followUp: boolean };
  'call.survey': { csat?: number; resolved?: boolean; nps?: number };
  'call.completed': { durationSeconds: number; outcome: CallOutcome };
}

/** How a call ended, from the caller's point of view: the terms of the conservation invariant. */
export type CallOutcome =
  'answered' | 'abandoned' | 'routed-elsewhere' | 'callback' | 'ivr-hangup' | 'in-progress';

export interface CallEvent<T extends CallEventType = CallEventType> {
  callSid: string;
  /** Position of this event in its call's log, from 0; (callSid, seq) is unique. */
  seq: number;
  type: T;
  /** Milliseconds since the Unix epoch. */
  at: number;
  data: CallEventPayloads[T];
}

export type AnyCallEvent = { [T in CallEventType]: CallEvent<T> }[CallEventType];
