import { nextSurveyQuestion, readSurveyAnswer, surveyAnswerDigits, surveyQuestions } from './survey-flow';

describe('post-call survey', () => {
  it('asks CSAT, then resolved, then NPS only where the queue wants it', () => {
    expect(surveyQuestions(false)).toEqual(['csat', 'resolved']);
    const withNps = surveyQuestions(true);
    expect(nextSurveyQuestion(withNps, 'csat')).toBe('resolved');
    expect(nextSurveyQuestion(withNps, 'resolved')).toBe('nps');
    expect(nextSurveyQuestion(withNps, 'nps')).toBeNull();
    expect(nextSurveyQuestion(surveyQuestions(false), 'resolved')).toBeNull();
    expect(nextSurveyQuestion(surveyQuestions(false), 'nps')).toBeNull();
    expect([surveyAnswerDigits('csat'), surveyAnswerDigits('nps')]).toEqual([1, 2]);
  });

  it('reads answers on each scale and refuses anything else', () => {
    expect(readSurveyAnswer('csat', '1')).toEqual({ csat: 1 });
    expect(readSurveyAnswer('csat', '5')).toEqual({ csat: 5 });
    for (const bad of ['0', '6', '', '*', '12', '4#']) expect(readSurveyAnswer('csat', bad)).toBeNull();
    expect(readSurveyAnswer('resolved', '1')).toEqual({ resolved: true });
    expect(readSurveyAnswer('resolved', '2')).toEqual({ resolved: false });
    expect(readSurveyAnswer('resolved', '3')).toBeNull();
    expect(readSurveyAnswer('nps', '0')).toEqual({ nps: 0 });
    expect(readSurveyAnswer('nps', '10')).toEqual({ nps: 10 });
    expect(readSurveyAnswer('nps', '07')).toEqual({ nps: 7 });
    for (const bad of ['11', '99', '', '1.5']) expect(readSurveyAnswer('nps', bad)).toBeNull();
  });
});
