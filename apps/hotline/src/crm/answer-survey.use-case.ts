import { Injectable } from '@nestjs/common';
import { SURVEY_QUESTIONS, SurveyQuestion } from '@hotline/contracts';
import type { LocalizedText } from '@hotline/ivr';
import { nextSurveyQuestion, readSurveyAnswer, surveyAnswerDigits, surveyQuestions } from '@hotline/metrics';
import { CallLedger, CallRecord } from '@hotline/persistence';
import { SayPrompt, TwimlRenderer } from '@hotline/telephony';
import { Settings } from '../config/settings';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { VoiceRequest } from '../twilio/twilio-request';
import { WebhookUrls } from '../twilio/webhook-urls';

/** A question is asked at most this many times; then the survey moves on without its answer. */
const ATTEMPTS = 2;
const ANSWER_TIMEOUT_SECONDS = 6;

export interface SurveyPosition {
  /** The question the caller answers in this request; absent when the survey starts. */
  step?: string;
  attempt?: string;
}

/**
 * The post-call survey (`/twilio/survey`), one `<Gather>` per question in the caller's language:
 * CSAT 1–5, resolved 1 yes / 2 no, and NPS 0–10 where the queue asks it. The question being
 * answered travels in the action URL (`step`, `attempt`); each answer is recorded as its own
 * `call.survey` event before the next question is asked, so a caller who hangs up midway keeps
 * the answers they gave, and a retried webhook records nothing twice.
 */
@Injectable()
export class AnswerSurvey {
  constructor(
    private readonly twiml: TwimlRenderer,
    private readonly ledger: CallLedger,
    private readonly urls: WebhookUrls,
    private readonly settings: Settings,
    private readonly clock: Clock,
  ) {}

  async execute(request: VoiceRequest, position: SurveyPosition): Promise<string> {
    const call = await this.ledger.find(request.callSid);
    if (!call) throw new DomainError('CALL.NOT_FOUND', `No call ${request.callSid}`, 404);
    const { survey } = this.settings.contactCenter.crm;
    const queue = call.queue === null ? undefined : survey.queues.get(call.queue);
    if (queue === undefined || survey.prompts === null) return this.twiml.messageHangup([]);
    const questions = surveyQuestions(queue.nps);
    if (position.step === undefined) return this.ask(call, questions[0], 1, []);
    const question = this.questionOf(position.step);
    const attempt = position.attempt === '2' ? 2 : 1;
    const answer = readSurveyAnswer(question, request.form.Digits ?? '');
    if (answer === null && attempt < ATTEMPTS) {
      return this.ask(call, question, attempt + 1, [this.say(call, survey.prompts.invalid)]);
    }
    if (answer !== null) {
      await this.ledger.record(call.callSid, {
        type: 'call.survey',
        at: this.clock.now(),
        key: `survey:${question}`,
        data: answer,
      });
    }
    const next = nextSurveyQuestion(questions, question);
    return next === null
      ? this.twiml.messageHangup([this.say(call, survey.prompts.thanks)])
      : this.ask(call, next, 1, []);
  }

  private questionOf(step: string): SurveyQuestion {
    if ((SURVEY_QUESTIONS as readonly string[]).includes(step)) return step as SurveyQuestion;
    throw new DomainError('TWILIO.BAD_REQUEST', `step must be one of ${SURVEY_QUESTIONS.join(', ')}`, 400);
  }

  private ask(call: CallRecord, question: SurveyQuestion, attempt: number, before: SayPrompt[]): string {
    const prompts = this.settings.contactCenter.crm.survey.prompts as Record<SurveyQuestion, LocalizedText>;
    return this.twiml.gather({
      prompts: [...before, this.say(call, prompts[question])],
      input: ['dtmf'],
      timeoutSeconds: ANSWER_TIMEOUT_SECONDS,
      numDigits: surveyAnswerDigits(question),
      hints: [],
      actionUrl: this.urls.to('survey', { step: question, attempt: String(attempt) }),
    });
  }

  /** The text in the caller's language, or the IVR's default language when it lacks theirs. */
  private say(call: CallRecord, text: LocalizedText): SayPrompt {
    const ivr = this.settings.contactCenter.ivr;
    const language = Object.hasOwn(text, call.language) ? call.language : ivr.defaultLanguage;
    const voice = ivr.languages[language];
    return { text: text[language], voice: voice.voice, language: voice.sayLanguage };
  }
}
