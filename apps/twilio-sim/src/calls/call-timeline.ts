import { DocumentMode } from '../twiml/twiml-schema';

export type CallStatus =
  | 'queued'
  | 'initiated'
  | 'ringing'
  | 'in-progress'
  | 'completed'
  | 'busy'
  | 'failed'
  | 'no-answer'
  | 'canceled';

export type TerminalStatus = 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';

export type CallDirection = 'inbound' | 'outbound-api' | 'outbound-dial';

/** Who or what ended a call, as the caller would tell it. */
export type HangupCause =
  | 'caller'
  | 'callee'
  | 'twiml-hangup'
  | 'twiml-reject'
  | 'twiml-ended'
  | 'api'
  | 'application-error'
  | 'conference-ended'
  | 'parent-ended'
  | 'not-answered'
  | 'rejected'
  | 'sim-closed';

export type QueueResult =
  | 'bridged'
  | 'bridging-in-process'
  | 'error'
  | 'hangup'
  | 'leave'
  | 'redirected'
  | 'redirected-from-bridged'
  | 'queue-full'
  | 'system-error';

/** One thing that happened on a call, in the order the caller lived it (simulated time). */
export type CallEvent =
  | { type: 'status'; status: CallStatus }
  | { type: 'say'; text: string; voice?: string; language?: string; loop: number; context: DocumentMode }
  | { type: 'play'; url: string; loop: number; context: DocumentMode }
  | { type: 'pause'; seconds: number }
  | { type: 'digits'; digits: string }
  | { type: 'speech'; speech: string; confidence: number }
  | { type: 'gather-timeout' }
  | { type: 'recorded'; recordingSid: string; recordingUrl: string; seconds: number }
  | { type: 'enqueued'; queue: string; queueSid: string }
  | { type: 'left-queue'; queue: string; queueSid: string; result: QueueResult; waitSeconds: number }
  | { type: 'dialed'; to: string[] }
  | { type: 'dial-ended'; dialCallStatus: string; dialCallSid?: string }
  | { type: 'conference-joined'; conference: string; conferenceSid: string; label?: string }
  | { type: 'conference-left'; conference: string; conferenceSid: string; reason: string }
  | { type: 'participant-updated'; muted: boolean; hold: boolean; coaching: boolean }
  | { type: 'connected'; peerCallSid: string; peer: string; via: 'dial' | 'conference' }
  | { type: 'disconnected'; peerCallSid: string; peer: string; seconds: number }
  | { type: 'error'; code: number; message: string }
  | { type: 'ended'; status: TerminalStatus; cause: HangupCause };

export type TimelineEntry = CallEvent & { at: Date };
