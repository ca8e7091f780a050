/** One `<Say>`. The IVR's prompts (`IvrPrompt` in @hotline/ivr) have this shape. */
export interface SayPrompt {
  text: string;
  voice: string;
  language: string;
}

/** URLs are absolute: the server builds them from PUBLIC_BASE_URL, the webhook path and a query. */
export interface GatherDocument {
  prompts: readonly SayPrompt[];
  input: readonly ('dtmf' | 'speech')[];
  timeoutSeconds: number;
  numDigits: number;
  /** Recognition language, needed when `input` includes speech. */
  speechLanguage?: string;
  hints: readonly string[];
  actionUrl: string;
}

export interface EnqueueDocument {
  prompts: readonly SayPrompt[];
  queue: string;
  waitUrl: string;
  actionUrl: string;
}

export interface WaitLoopDocument {
  announcements: readonly SayPrompt[];
  holdMusicUrl: string;
  /** "Press 1 to be called back and keep your place"; left out when callbacks are off. */
  callbackOffer?: { prompt: SayPrompt; actionUrl: string };
}

export interface VoicemailDocument {
  prompts: readonly SayPrompt[];
  maxLengthSeconds: number;
  actionUrl: string;
}

export interface ConferenceJoinDocument {
  /** Conference name: the call's id, never personal data. */
  room: string;
  participantLabel: string;
  statusCallbackUrl: string;
  /** What the caller hears until the conference starts; '' for silence. */
  waitUrl: string;
  prompts?: readonly SayPrompt[];
}

export interface HoldDocument {
  holdMusicUrl: string;
  prompts?: readonly SayPrompt[];
}
