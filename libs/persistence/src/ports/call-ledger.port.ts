import { AnyCallEvent, CallEventPayloads, CallEventType, CallOutcome } from '@hotline/contracts';

/** A call as Hotline keeps it: one row per Twilio call, updated as it moves through stages. */
export interface CallRecord {
  callSid: string;
  accountSid: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  customerId: string | null;
  language: string;
  tier: string;
  /** IVR nodes visited, with the input that left each one. */
  ivrPath: string[];
  queue: string | null;
  reason: string | null;
  agent: string | null;
  /** Twilio's CallStatus with the highest SequenceNumber seen so far. */
  status: string;
  statusSeq: number;
  outcome: CallOutcome;
  receivedAt: number;
  queuedAt: number | null;
  answeredAt: number | null;
  endedAt: number | null;
}

export type CallPatch = Partial<
  Pick<
    CallRecord,
    | 'customerId'
    | 'language'
    | 'tier'
    | 'ivrPath'
    | 'queue'
    | 'reason'
    | 'agent'
    | 'outcome'
    | 'queuedAt'
    | 'answeredAt'
    | 'endedAt'
  >
>;

/**
 * An event to append. `key` makes the append idempotent: Twilio retries webhooks, and a retried
 * delivery of the same step must not record it twice (e.g. `ivr:main:1:2` or `status:3`).
 */
export interface NewCallEvent<T extends CallEventType = CallEventType> {
  type: T;
  at: number;
  key: string;
  data: CallEventPayloads[T];
}

export type AnyNewCallEvent = { [T in CallEventType]: NewCallEvent<T> }[CallEventType];

export interface StatusUpdate {
  status: string;
  sequence: number;
  at: number;
  durationSeconds?: number;
}

/** The log entry of a status callback; its key makes Twilio's retries of it harmless. */
export function statusEvent(update: StatusUpdate): NewCallEvent<'call.status'> {
  return {
    type: 'call.status',
    at: update.at,
    key: `status:${update.sequence}`,
    data: { status: update.status, sequence: update.sequence, durationSeconds: update.durationSeconds },
  };
}

export type CallEventListener = (event: AnyCallEvent) => void;

/**
 * The durable record of calls and their event log. Every method resolves only once its write is
 * durable, and every write is idempotent so Twilio's retries are harmless. Listeners hear each
 * event once, after it is durable, in the order of its call's log.
 */
export abstract class CallLedger {
  private readonly listeners: CallEventListener[] = [];

  onAppended(listener: CallEventListener): void {
    this.listeners.push(listener);
  }

  protected announce(events: readonly AnyCallEvent[]): void {
    for (const event of events) for (const listener of this.listeners) listener(event);
  }

  /** Creates the call with its first event, or returns the existing call when it is a retry. */
  abstract open(call: CallRecord, event: AnyNewCallEvent): Promise<{ call: CallRecord; created: boolean }>;

  /** Appends an event and applies a patch to the call in one transaction; false when already recorded. */
  record(callSid: string, event: AnyNewCallEvent, patch?: CallPatch): Promise<boolean> {
    return this.recordAll(callSid, [event], patch).then((appended) => appended > 0);
  }

  /**
   * Appends the events not yet recorded (by key), in order, and applies the patch when at least
   * one was new, all in one transaction; resolves with how many were new. One webhook that
   * records several events costs one write.
   */
  abstract recordAll(callSid: string, events: readonly AnyNewCallEvent[], patch?: CallPatch): Promise<number>;

  /**
   * Records a status callback. The call's status follows the highest SequenceNumber, whatever
   * order the callbacks arrive in; `patch` applies only when this callback is the newest.
   */
  abstract applyStatus(
    callSid: string,
    update: StatusUpdate,
    patch?: CallPatch,
  ): Promise<{ recorded: boolean; newest: boolean }>;

  /**
   * The call with every write handed in before this read, once those are stored: a check such as
   * "has the caller hung up?" sees a hang-up still being committed.
   */
  abstract find(callSid: string): Promise<CallRecord | null>;

  abstract events(callSid: string): Promise<AnyCallEvent[]>;

  /** Events with from ≤ at < to, in time order (then by call and sequence). */
  abstract eventsBetween(from: number, to: number): Promise<AnyCallEvent[]>;

  /** Calls not yet ended, e.g. to rebuild the lines after a restart. */
  abstract openCalls(): Promise<CallRecord[]>;
}

export class CallNotFoundError extends Error {
  readonly code = 'CALL.NOT_FOUND';

  constructor(readonly callSid: string) {
    super(`No call ${callSid}`);
  }
}
