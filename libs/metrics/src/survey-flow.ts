import type { SurveyQuestion } from '@hotline/contracts';
import type { SurveyAnswers } from './fcr-contacts';

/** The survey's questions for a queue: CSAT and "was it resolved?", then NPS when the queue asks it. */
export function surveyQuestions(askNps: boolean): SurveyQuestion[] {
  return askNps ? ['csat', 'resolved', 'nps'] : ['csat', 'resolved'];
}

/** The question after `current`, or null when the survey is over. */
export function nextSurveyQuestion(
  questions: readonly SurveyQuestion[],
  current: SurveyQuestion,
): SurveyQuestion | null {
  const index = questions.indexOf(current);
  return index >= 0 && index + 1 < questions.length ? questions[index + 1] : null;
}

/** Keys the caller presses for an answer: NPS may be 10, so it takes up to two. */
export function surveyAnswerDigits(question: SurveyQuestion): number {
  return question === 'nps' ? 2 : 1;
}

function wholeNumber(digits: string, lowest: number, highest: number): number | null {
  if (!/^\d{1,2}$/.test(digits)) return null;
  const value = Number(digits);
  return value >= lowest && value <= highest ? value : null;
}

/**
 * The answer keyed in to a question: CSAT 1–5; resolved 1 = yes, 2 = no; NPS 0–10. Null for
 * anything else, so that the question can be asked again.
 */
export function readSurveyAnswer(question: SurveyQuestion, digits: string): SurveyAnswers | null {
  switch (question) {
    case 'csat': {
      const csat = wholeNumber(digits, 1, 5);
      return csat === null ? null : { csat };
    }
    case 'resolved':
      if (digits === '1') return { resolved: true };
      return digits === '2' ? { resolved: false } : null;
    case 'nps': {
      const nps = wholeNumber(digits, 0, 10);
      return nps === null ? null : { nps };
    }
  }
}
