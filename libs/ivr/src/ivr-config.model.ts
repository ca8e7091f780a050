import type { Weekday } from './local-time.port';

/** A BCP 47 tag naming one of the languages declared under `languages` (e.g. 'zh-CN'). */
export type LanguageTag = string;

/** One text per language of the flow (or of the whole config, for shared announcements). */
export type LocalizedText = Readonly<Record<LanguageTag, string>>;

/** How a language is spoken and heard: `<Say voice language>` and `<Gather language>`. */
export interface LanguageVoice {
  voice: string;
  sayLanguage: string;
  speechLanguage: string;
}

/** Minutes since local midnight; `to` is exclusive and at most 1440 ('24:00'). */
export interface MinuteRange {
  from: number;
  to: number;
}

export interface Holiday {
  date: string;
  name?: string;
  /** Opening hours that replace the weekly ones on this date; empty means closed all day. */
  open: readonly MinuteRange[];
}

export interface BusinessHours {
  timeZone: string;
  weekly: Readonly<Record<Weekday, readonly MinuteRange[]>>;
  holidays: readonly Holiday[];
}

/** Where an answer leads: another node of the same flow, or straight into a queue. */
export type IvrTarget = { next: string } | { queue: string; reason: string };

export interface MenuOption {
  digit: string;
  /** Words that pick this option when spoken, per language, lower-cased. */
  keywords: Readonly<Record<LanguageTag, readonly string[]>>;
  target: IvrTarget;
}

export interface MenuNode {
  kind: 'menu';
  prompt: LocalizedText;
  options: readonly MenuOption[];
  timeoutSeconds: number;
  maxAttempts: number;
  /** Taken when the caller has not chosen after `maxAttempts` tries. */
  fallback: IvrTarget;
}

export interface LanguageOption {
  digit: string;
  language: LanguageTag;
}

/** "For English press 1, 中文服务请按 2": each language's part is said in its own voice. */
export interface LanguageMenuNode {
  kind: 'language-menu';
  prompt: LocalizedText;
  options: readonly LanguageOption[];
  timeoutSeconds: number;
  maxAttempts: number;
}

export interface MessageNode {
  kind: 'message';
  prompt: LocalizedText;
  next: IvrTarget;
}

export interface RouteNode {
  kind: 'route';
  queue: string;
  reason: string;
  prompt?: LocalizedText;
}

export interface VoicemailNode {
  kind: 'voicemail';
  prompt: LocalizedText;
  maxLengthSeconds: number;
}

export interface CallbackNode {
  kind: 'callback';
  prompt: LocalizedText;
  queue: string;
  reason: string;
}

export interface HangupNode {
  kind: 'hangup';
  prompt?: LocalizedText;
}

export type IvrNode =
  MenuNode | LanguageMenuNode | MessageNode | RouteNode | VoicemailNode | CallbackNode | HangupNode;

export type IvrNodeKind = IvrNode['kind'];

export type ClosedReason = 'closed' | 'holiday';

export interface IvrGreeting {
  unknown?: LocalizedText;
  /** By customer tier, with 'default' for known callers of any other tier. */
  known: Readonly<Record<string, LocalizedText>>;
}

export interface IvrFlow {
  id: string;
  languages: readonly LanguageTag[];
  defaultLanguage: LanguageTag;
  /** Offered to callers whose language is not known before anything else is said. */
  languageMenu?: string;
  start: string;
  /** Name of the business-hours calendar; a flow without one is always open. */
  hours?: string;
  /** Node each closed reason leads to; present whenever `hours` is. */
  afterHours?: Readonly<Record<ClosedReason, string>>;
  greeting: IvrGreeting;
  retryPrompts: { noInput: LocalizedText; invalid: LocalizedText };
  /** Speech recognised with less confidence than this counts as an invalid answer. */
  minSpeechConfidence: number;
  nodes: Readonly<Record<string, IvrNode>>;
}

/** Texts the server says outside the IVR: in the wait loop and when something goes wrong. */
export interface IvrAnnouncements {
  position: LocalizedText;
  estimate: LocalizedText;
  /** Said instead of `estimate` for a wait under two minutes. */
  estimateShort: LocalizedText;
  callbackOffer: LocalizedText;
  /** Said when a waiting caller's call-back is booked, before the line is released. */
  callbackConfirmed: LocalizedText;
  apology: LocalizedText;
}

export interface IvrConfig {
  languages: Readonly<Record<LanguageTag, LanguageVoice>>;
  defaultLanguage: LanguageTag;
  /** How `{tier}` is spoken in greetings; the tier's id is said when a tier has no name here. */
  tierNames: Readonly<Record<string, LocalizedText>>;
  announcements: IvrAnnouncements;
  businessHours: Readonly<Record<string, BusinessHours>>;
  flows: Readonly<Record<string, IvrFlow>>;
}
