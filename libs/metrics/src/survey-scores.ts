import { ratio } from './ratio';

function answersOnScale(answers: readonly number[], lowest: number, highest: number): number[] {
  return answers.filter((answer) => Number.isInteger(answer) && answer >= lowest && answer <= highest);
}

/** CSAT: share (0–1) of answers 4 or 5 on a 1–5 scale; answers off the scale are not counted. */
export function csatScore(answers: readonly number[]): number | null {
  const valid = answersOnScale(answers, 1, 5);
  return ratio(valid.filter((answer) => answer >= 4).length, valid.length);
}

/**
 * NPS: share of promoters (9–10) minus share of detractors (0–6) on a 0–10 scale, as a ratio
 * from −1 to 1 like every ratio here (the usual NPS is this × 100).
 */
export function npsScore(answers: readonly number[]): number | null {
  const valid = answersOnScale(answers, 0, 10);
  const promoters = valid.filter((answer) => answer >= 9).length;
  const detractors = valid.filter((answer) => answer <= 6).length;
  return ratio(promoters - detractors, valid.length);
}
