import type { CallEventPayloads } from '@hotline/contracts';
import type { ClosedReason, LanguageTag } from './ivr-config.model';

/** Who is calling, as far as the CRM knows when the call comes in. */
export interface IvrCaller {
  known: boolean;
  name?: string;
  tier?: string;
  language?: LanguageTag;
}

/**
 * Where a caller stands in a flow between two webhook requests. The server carries it in the
 * Gather action URL, so any instance can take the next request.
 */
export interface IvrPosition {
  flow: string;
  node: string;
  /** 1 for the first time the node's question is asked. */
  attempt: number;
  language: LanguageTag;
  /** Set while the caller is in the after-hours part of the flow. */
  afterHours?: ClosedReason;
}

export type IvrInput =
  | { kind: 'digits'; digits: string }
  | { kind: 'speech'; text: string; confidence: number }
  | { kind: 'none' };

/** One `<Say>`: the text and how to speak it. */
export interface IvrPrompt {
  text: string;
  voice: string;
  language: string;
}

export type GatherMode = 'dtmf' | 'speech';

interface StepBase {
  /** The caller's language from here on (wait-loop announcements, voicemail thanks…). */
  language: LanguageTag;
  prompts: readonly IvrPrompt[];
}

export interface GatherStep extends StepBase {
  kind: 'gather';
  position: IvrPosition;
  input: readonly GatherMode[];
  timeoutSeconds: number;
  numDigits: number;
  /** Recognition language; present when `input` includes speech. */
  speechLanguage?: string;
  hints: readonly string[];
}

export interface EnqueueStep extends StepBase {
  kind: 'enqueue';
  queue: string;
  reason: string;
}

export interface VoicemailStep extends StepBase {
  kind: 'voicemail';
  maxLengthSeconds: number;
}

export interface CallbackStep extends StepBase {
  kind: 'callback';
  queue: string;
  reason: string;
}

export interface MessageHangupStep extends StepBase {
  kind: 'message-hangup';
}

export type IvrStep = GatherStep | EnqueueStep | VoicemailStep | CallbackStep | MessageHangupStep;

type IvrEventType = 'ivr.step' | 'ivr.routed' | 'call.after-hours';

/** A `call_events` row the server appends for this step (it adds callSid, seq and time). */
export type IvrEvent = { [T in IvrEventType]: { type: T; data: CallEventPayloads[T] } }[IvrEventType];

export interface IvrOutcome {
  step: IvrStep;
  events: readonly IvrEvent[];
}
