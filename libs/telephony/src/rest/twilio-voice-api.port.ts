export interface NewParticipant {
  /** `client:<identity>` for a softphone, or an E.164 number. */
  to: string;
  from: string;
  /** Names the participant in the room, so it can be updated or removed before its CallSid is known. */
  label: string;
  /** Seconds it rings before Twilio gives up. */
  timeoutSeconds: number;
  /** Receives the participant call's initiated, ringing, answered and completed callbacks (POST). */
  statusCallbackUrl: string;
  endConferenceOnExit: boolean;
  earlyMedia?: boolean;
  /** Joins without being heard: a supervisor monitoring. */
  muted?: boolean;
  /** Joins heard only by this participant: a supervisor whispering to the agent leg. */
  callSidToCoach?: string;
}

export interface ParticipantChange {
  muted?: boolean;
  hold?: boolean;
  /** TwiML played while on hold (POST); Twilio's default music without it. */
  holdUrl?: string;
  coaching?: boolean;
  callSidToCoach?: string;
}

export interface NewCall {
  to: string;
  from: string;
  /** TwiML played once the callee answers (POST). */
  url: string;
  /** Receives the call's initiated, ringing, answered and completed callbacks (POST). */
  statusCallbackUrl: string;
  timeoutSeconds: number;
}

/** Hotline's commands to Twilio's voice REST API. */
export abstract class TwilioVoiceApi {
  /** Pulls this caller out of the named Twilio queue; their call continues with the TwiML at `url` (POST). */
  abstract dequeue(queueName: string, callSid: string, url: string): Promise<void>;
  /** Dials a participant (e.g. `client:alice`) into the conference room named `room` (FriendlyName; created on demand). */
  abstract addParticipant(room: string, participant: NewParticipant): Promise<{ callSid: string }>;
  abstract updateParticipant(
    room: string,
    participantCallSidOrLabel: string,
    change: ParticipantChange,
  ): Promise<void>;
  abstract removeParticipant(room: string, participantCallSidOrLabel: string): Promise<void>;
  /** Continues a live call with the TwiML at `url`. */
  abstract redirectCall(callSid: string, url: string): Promise<void>;
  /** Ends a call: hangs up a live one, cancels a ringing one. */
  abstract endCall(callSid: string): Promise<void>;
  abstract placeCall(call: NewCall): Promise<{ callSid: string }>;
}

/**
 * A command Twilio did not carry out. `retryable` says whether the same command may succeed later
 * (network trouble, timeouts, 5xx, 429) or will fail again as sent (other 4xx).
 */
export class TwilioApiError extends Error {
  readonly code = 'TWILIO.REST_FAILED';

  constructor(
    message: string,
    /** HTTP status of Twilio's answer; undefined when none arrived. */
    readonly status: number | undefined,
    /** Twilio's error code (https://www.twilio.com/docs/errors/<code>). */
    readonly twilioCode: number | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'TwilioApiError';
  }
}
