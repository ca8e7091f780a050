import { twiml } from 'twilio';
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse';
import type {
  ConferenceJoinDocument,
  EnqueueDocument,
  GatherDocument,
  HoldDocument,
  SayPrompt,
  VoicemailDocument,
  WaitLoopDocument,
} from './twiml-document.model';

type SayAttributes = VoiceResponse.SayAttributes;
type GatherAttributes = VoiceResponse.GatherAttributes;
type Sayer = Pick<VoiceResponse, 'say'>;

const POST = 'POST';
/** Conference events the server follows to know who is in a room. */
const CONFERENCE_EVENTS: VoiceResponse.ConferenceAttributes['statusCallbackEvent'] = [
  'start',
  'end',
  'join',
  'leave',
  'mute',
  'hold',
];
/** Twilio's Play loops forever with 0: hold lasts until the call is taken off hold. */
const FOREVER = 0;

/** Rendered documents kept per renderer: IVR steps, queue entries and hold rounds repeat endlessly. */
const KEPT_DOCUMENTS = 2000;

/**
 * Builds every TwiML document Hotline answers with, through twilio's VoiceResponse. A document is
 * a pure function of its description, and the same few descriptions come back call after call
 * (the same menu in the same language, hold music without an announcement), so each rendering
 * is kept and reused for an identical description.
 */
export class TwimlRenderer {
  private readonly kept = new Map<string, string>();

  /** An IVR question; Twilio calls the action with the answer, or with nothing on a timeout. */
  gather(doc: GatherDocument): string {
    return this.rendered('gather', doc, () => {
      const response = new twiml.VoiceResponse();
      const speech = doc.input.includes('speech');
      const attributes: GatherAttributes = {
        input: [...doc.input],
        action: doc.actionUrl,
        method: POST,
        actionOnEmptyResult: true,
        timeout: doc.timeoutSeconds,
        numDigits: doc.numDigits,
      };
      if (speech && doc.speechLanguage !== undefined) {
        // Twilio's type lists the recognition languages of one release; the config names current ones.
        attributes.language = doc.speechLanguage as GatherAttributes['language'];
      }
      if (speech && doc.hints.length > 0) attributes.hints = doc.hints.join(', ');
      if (speech) attributes.speechTimeout = 'auto';
      sayAll(response.gather(attributes), doc.prompts);
      return response.toString();
    });
  }

  enqueue(doc: EnqueueDocument): string {
    return this.rendered('enqueue', doc, () => {
      const response = new twiml.VoiceResponse();
      sayAll(response, doc.prompts);
      response.enqueue(
        { action: doc.actionUrl, method: POST, waitUrl: doc.waitUrl, waitUrlMethod: POST },
        doc.queue,
      );
      return response.toString();
    });
  }

  /**
   * The document Twilio plays to a queued caller, again and again. Everything is inside the Gather
   * so that the caller may press 1 at any moment; without input the document runs out and Twilio
   * asks for the next round.
   */
  waitLoop(doc: WaitLoopDocument): string {
    return this.rendered('waitLoop', doc, () => {
      const response = new twiml.VoiceResponse();
      const offer = doc.callbackOffer;
      const body = offer
        ? response.gather({
            input: ['dtmf'],
            numDigits: 1,
            action: offer.actionUrl,
            method: POST,
            timeout: 1,
          })
        : response;
      sayAll(body, doc.announcements);
      if (offer) say(body, offer.prompt);
      body.play(doc.holdMusicUrl);
      return response.toString();
    });
  }

  voicemail(doc: VoicemailDocument): string {
    return this.rendered('voicemail', doc, () => {
      const response = new twiml.VoiceResponse();
      sayAll(response, doc.prompts);
      response.record({
        action: doc.actionUrl,
        method: POST,
        maxLength: doc.maxLengthSeconds,
        playBeep: true,
      });
      return response.toString();
    });
  }

  messageHangup(prompts: readonly SayPrompt[]): string {
    return this.rendered('messageHangup', prompts, () => {
      const response = new twiml.VoiceResponse();
      sayAll(response, prompts);
      response.hangup();
      return response.toString();
    });
  }

  /** Continues the call with the TwiML at `url` (POST). */
  redirect(url: string): string {
    const response = new twiml.VoiceResponse();
    response.redirect({ method: 'POST' }, url);
    return response.toString();
  }

  /** Takes the caller out of the queue they wait in; the Enqueue action says what comes next. */
  leave(): string {
    const response = new twiml.VoiceResponse();
    response.leave();
    return response.toString();
  }

  /** Nothing to do: for requests whose answer Twilio ignores, such as a dequeued caller's Enqueue action. */
  empty(): string {
    return new twiml.VoiceResponse().toString();
  }

  /** Said when the server cannot go on with a call: better an apology than Twilio's error voice. */
  apology(prompt: SayPrompt): string {
    return this.messageHangup([prompt]);
  }

  /**
   * Moves the caller into the room the agent is dialled into; the room ends when the caller leaves.
   * Each room is a call's own, so this document is never kept.
   */
  conferenceJoin(doc: ConferenceJoinDocument): string {
    const response = new twiml.VoiceResponse();
    sayAll(response, doc.prompts ?? []);
    response.dial().conference(
      {
        startConferenceOnEnter: true,
        endConferenceOnExit: true,
        participantLabel: doc.participantLabel,
        statusCallback: doc.statusCallbackUrl,
        statusCallbackMethod: POST,
        statusCallbackEvent: CONFERENCE_EVENTS,
        waitUrl: doc.waitUrl,
        waitMethod: POST,
      },
      doc.room,
    );
    return response.toString();
  }

  /** Played to a participant on hold (the Participants API's HoldUrl). */
  hold(doc: HoldDocument): string {
    return this.rendered('hold', doc, () => {
      const response = new twiml.VoiceResponse();
      sayAll(response, doc.prompts ?? []);
      response.play({ loop: FOREVER }, doc.holdMusicUrl);
      return response.toString();
    });
  }

  private rendered(kind: string, description: unknown, render: () => string): string {
    const key = kind + JSON.stringify(description);
    let document = this.kept.get(key);
    if (document === undefined) {
      document = render();
      if (this.kept.size >= KEPT_DOCUMENTS) this.kept.clear();
      this.kept.set(key, document);
    }
    return document;
  }
}

function sayAll(target: Sayer, prompts: readonly SayPrompt[]): void {
  for (const prompt of prompts) say(target, prompt);
}

function say(target: Sayer, prompt: SayPrompt): void {
  // Twilio's type lists the voices of one release; voices come from the validated IVR config.
  const attributes: SayAttributes = {
    voice: prompt.voice as SayAttributes['voice'],
    language: prompt.language as SayAttributes['language'],
  };
  target.say(attributes, prompt.text);
}
