import { CallLeg } from '../calls/call-leg';
import { callParams } from '../calls/call-params';
import { DocumentSource } from '../calls/document-source';
import { TwimlElement } from '../twiml/twiml-element';
import { parseTwiml } from '../twiml/twiml-parser';
import { DocumentMode, validateTwiml } from '../twiml/twiml-schema';
import { TWILIO_ERROR, TwilioFault } from '../webhooks/sim-notification';
import { HttpMethod } from '../webhooks/webhook-client';
import { ChainOutcome, DocumentRunner, SimServices, VerbExecutor, VerbOutcome } from './verb-context';

const AUDIO_FILE = /\.(mp3|wav|ogg|aiff?|gsm|ulaw)$/i;
const TWIML_CONTENT_TYPES = ['text/xml', 'application/xml', 'text/html'];
const APPLICATION_ERROR = 'We are sorry, an application error has occurred. Goodbye.';

interface LoadedDocument {
  root: TwimlElement;
  url?: string;
}

/** Plays TwiML for call legs: fetches documents from the application, validates them and runs their verbs. */
export class TwimlRunner implements DocumentRunner {
  private readonly executors: Map<string, VerbExecutor>;
  private services!: SimServices;

  constructor(executors: VerbExecutor[]) {
    this.executors = new Map(executors.map((e) => [e.verb, e]));
  }

  bind(services: SimServices): void {
    this.services = services;
  }

  /**
   * Plays a call from `first` until it ends: when the TwiML runs out Twilio hangs up; a redirect
   * (REST update, dequeue) continues with the new document; an application fault plays the
   * application error message and hangs up.
   */
  async runCall(leg: CallLeg, first: DocumentSource): Promise<void> {
    let source: DocumentSource | undefined = first;
    while (source && !leg.isEnded) {
      const signal = leg.openDocumentScope();
      try {
        const outcome = await this.runChain(leg, source, 'call', signal);
        source = leg.takeRedirect();
        if (!source && outcome.kind !== 'hangup') leg.hangUp('twiml-ended');
      } catch (err) {
        source = leg.takeRedirect();
        if (leg.isEnded || source) continue;
        this.report(leg, err);
        await this.playApplicationError(leg);
      }
    }
  }

  async runChain(
    leg: CallLeg,
    source: DocumentSource,
    mode: DocumentMode,
    signal: AbortSignal,
  ): Promise<ChainOutcome> {
    let next: DocumentSource | undefined = source;
    while (next) {
      const document = await this.load(leg, next, mode);
      const outcome = await this.play(leg, document, mode, signal);
      if (outcome.kind !== 'next') return outcome.kind === 'continue' ? { kind: 'done' } : outcome;
      next = outcome.source;
    }
    return { kind: 'done' };
  }

  async notify(
    leg: CallLeg,
    url: string,
    method: HttpMethod,
    params: Record<string, string>,
    purpose: string,
  ): Promise<void> {
    await this.services.webhooks
      .send({ url, method, params: { ...callParams(leg), ...params }, purpose, callSid: leg.sid })
      .catch((err: unknown) => this.report(leg, err));
  }

  report(leg: CallLeg, err: unknown): void {
    const fault =
      err instanceof TwilioFault
        ? err
        : new TwilioFault(
            TWILIO_ERROR.httpRetrievalFailure,
            err instanceof Error ? err.message : String(err),
          );
    this.services.notifications.add({
      code: fault.code,
      message: fault.message,
      level: 'error',
      at: this.services.clock.now(),
      callSid: leg.sid,
      url: fault.url,
    });
    leg.record({ type: 'error', code: fault.code, message: fault.message });
  }

  private async play(
    leg: CallLeg,
    document: LoadedDocument,
    mode: DocumentMode,
    signal: AbortSignal,
  ): Promise<VerbOutcome> {
    const ctx = { leg, documentUrl: document.url, mode, signal, services: this.services };
    for (const verb of document.root.children) {
      signal.throwIfAborted();
      if (verb.name !== 'Reject') leg.answer();
      const outcome = await this.executorFor(verb).execute(verb, ctx);
      if (outcome.kind !== 'continue') return outcome;
    }
    return { kind: 'done' };
  }

  private executorFor(verb: TwimlElement): VerbExecutor {
    const executor = this.executors.get(verb.name);
    if (!executor) throw new TwilioFault(TWILIO_ERROR.schemaValidation, `no executor for <${verb.name}>`);
    return executor;
  }

  private async load(leg: CallLeg, source: DocumentSource, mode: DocumentMode): Promise<LoadedDocument> {
    if (source.kind === 'twiml') {
      const root = parseTwiml(source.twiml);
      validateTwiml(root, mode);
      return { root };
    }
    if (AUDIO_FILE.test(new URL(source.url).pathname)) return { root: playing(source.url), url: source.url };
    const params = { ...callParams(leg), ...source.params?.() };
    const response = await this.services.webhooks.send({
      url: source.url,
      method: source.method,
      params,
      purpose: source.purpose,
      callSid: leg.sid,
    });
    const contentType = response.contentType.split(';')[0].trim().toLowerCase();
    if (contentType.startsWith('audio/')) return { root: playing(source.url), url: source.url };
    if (!TWIML_CONTENT_TYPES.includes(contentType)) {
      throw new TwilioFault(
        TWILIO_ERROR.invalidContentType,
        `Invalid content type: ${contentType}`,
        source.url,
      );
    }
    const root = parseTwiml(response.body, source.url);
    validateTwiml(root, mode, source.url);
    return { root, url: source.url };
  }

  private async playApplicationError(leg: CallLeg): Promise<void> {
    leg.answer();
    leg.record({ type: 'say', text: APPLICATION_ERROR, loop: 1, context: 'call' });
    const seconds = APPLICATION_ERROR.length / this.services.timings.sayCharsPerSecond;
    await this.services.clock.sleep(seconds, leg.signal).catch(() => undefined);
    leg.end('completed', 'application-error');
  }
}

/**
 * An audio URL (a wait or hold URL may be one) plays as if it had returned `<Play>` of itself. Audio
 * files are not fetched: the stand-in runs offline and only cares how long they play.
 */
function playing(url: string): TwimlElement {
  return {
    name: 'Response',
    attributes: {},
    text: '',
    children: [{ name: 'Play', attributes: {}, text: url, children: [] }],
  };
}
