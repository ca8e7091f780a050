/** What the simulated person hears when a `<Gather>` asks for input. */
export interface GatherPrompt {
  callSid: string;
  /** Texts of the nested `<Say>`s and URLs of the nested `<Play>`s, in order. */
  heard: string[];
  input: Array<'dtmf' | 'speech'>;
  numDigits?: number;
  finishOnKey: string;
  timeout: number;
  /** True when the Gather is part of a queue's wait document (hold loop). */
  whileQueued: boolean;
  /** How many Gathers this call has been asked before this one. */
  index: number;
}

/** Keys pressed or words spoken in answer to a Gather, `afterSeconds` after the prompt ended. */
export interface GatherAnswer {
  digits?: string;
  speech?: string;
  confidence?: number;
  afterSeconds?: number;
}

/** A message left at `<Record>`: spoken for `seconds`, then silence, a key or a hang-up. */
export interface RecordedMessage {
  seconds: number;
  endWith?: 'silence' | 'key' | 'hangup';
  key?: string;
}

/** A string answer is shorthand for digits; `undefined` stays silent. */
export type ScriptedGatherAnswer = GatherAnswer | string | undefined;

/**
 * How a simulated person behaves on a call. Everything is optional: an empty script stays on the
 * line silently until the other side hangs up.
 */
export interface CallerScript {
  /** Answers to successive Gathers, or a function of the prompt. */
  gather?: ScriptedGatherAnswer[] | ((prompt: GatherPrompt) => ScriptedGatherAnswer);
  /** Seconds the caller holds (in a queue or an empty conference) before hanging up, if never connected. */
  patience?: number;
  /** Seconds the caller talks once connected to someone, then hangs up. */
  talkSeconds?: number;
  /** Seconds after the call is answered at which the caller hangs up whatever happens. */
  maxDurationSeconds?: number;
  /** What the caller says at a `<Record>`; without it the caller stays silent. */
  voicemail?: RecordedMessage;
}

/** The person on one leg, as the TwiML verbs ask them for input. */
export interface Party {
  answerGather(prompt: GatherPrompt): GatherAnswer | undefined;
  recordMessage(): RecordedMessage | undefined;
}

export const SILENT_PARTY: Party = {
  answerGather: () => undefined,
  recordMessage: () => undefined,
};
