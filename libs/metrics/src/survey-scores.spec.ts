import { csatScore, npsScore } from './survey-scores';

describe('survey scores', () => {
  it('counts CSAT as the share of 4 and 5', () => {
    expect(csatScore([5, 4, 3, 1])).toBe(0.5);
    expect(csatScore([5, 5, 4, 2, 1])).toBe(0.6);
  });

  it('counts NPS as promoters minus detractors, from −1 to 1', () => {
    expect(npsScore([10, 9, 8, 7, 6, 0])).toBe((2 - 2) / 6);
    expect(npsScore([10, 10, 9, 3])).toBe(0.5);
    expect(npsScore([0, 1])).toBe(-1);
  });

  it('ignores answers off the scale and is null without answers', () => {
    expect(csatScore([6, 0, 4.5, 4])).toBe(1);
    expect(npsScore([11, -1])).toBeNull();
    expect(csatScore([])).toBeNull();
  });
});
