import { SimClock } from '../core/sim-clock';
import { CallLeg } from '../calls/call-leg';
import { CallRegistry } from '../calls/call-registry';
import { DocumentSource } from '../calls/document-source';
import { ConferenceRegistry } from '../conferences/conference-registry';
import { Ringer } from '../endpoints/ringer';
import { QueueRegistry } from '../queues/queue-registry';
import { TwimlElement } from '../twiml/twiml-element';
import { DocumentMode } from '../twiml/twiml-schema';
import { NotificationLog } from '../webhooks/sim-notification';
import { HttpMethod, WebhookClient } from '../webhooks/webhook-client';

/** How long things take, in Twilio seconds (scaled by the clock). */
export interface MediaTimings {
  /** Speaking rate of `<Say>`, and of simulated callers' speech. */
  sayCharsPerSecond: number;
  /** Length of any audio file `<Play>` plays. */
  playSeconds: number;
  /** What callers hear when no wait or hold URL is given (Twilio's default music). */
  holdMusicUrl: string;
}

export type ChainOutcome = { kind: 'done' } | { kind: 'hangup' } | { kind: 'leave' };

export type VerbOutcome = ChainOutcome | { kind: 'continue' } | { kind: 'next'; source: DocumentSource };

export const CONTINUE: VerbOutcome = { kind: 'continue' };

/** Fetches and plays TwiML documents for a leg; implemented by TwimlRunner. */
export interface DocumentRunner {
  /** Plays `source` and every document it leads to (Redirect, actions) until one runs out or ends. */
  runChain(
    leg: CallLeg,
    source: DocumentSource,
    mode: DocumentMode,
    signal: AbortSignal,
  ): Promise<ChainOutcome>;
  /** A request whose TwiML is ignored (an action after hang-up or dequeue); failures are only reported. */
  notify(
    leg: CallLeg,
    url: string,
    method: HttpMethod,
    params: Record<string, string>,
    purpose: string,
  ): Promise<void>;
  /** Records a fault in the debugger and on the call. */
  report(leg: CallLeg, err: unknown): void;
}

export interface SimServices {
  accountSid: string;
  clock: SimClock;
  webhooks: WebhookClient;
  notifications: NotificationLog;
  calls: CallRegistry;
  queues: QueueRegistry;
  conferences: ConferenceRegistry;
  ringer: Ringer;
  timings: MediaTimings;
  runner: DocumentRunner;
}

export interface VerbContext {
  leg: CallLeg;
  /** URL of the document being played: base for relative URLs, default action of Gather and Record. */
  documentUrl?: string;
  mode: DocumentMode;
  /** Aborts when the call ends or is redirected. */
  signal: AbortSignal;
  services: SimServices;
}

/** Plays one TwiML verb. */
export interface VerbExecutor {
  readonly verb: string;
  execute(element: TwimlElement, ctx: VerbContext): Promise<VerbOutcome>;
}

/** `loop="0"` means "until something else happens"; Twilio stops after 1000 rounds. */
export function loopCount(raw: number): number {
  return raw === 0 ? 1000 : raw;
}
