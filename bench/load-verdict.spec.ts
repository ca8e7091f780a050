import { describeVerdict, MeasuredStep, verdictOf } from './load-verdict';

const step = (targetRps: number, p99Ms: number, extra: Partial<MeasuredStep> = {}): MeasuredStep => ({
  targetRps,
  achievedRps: targetRps,
  p99Ms,
  errors: 0,
  lostEvents: 0,
  ...extra,
});

describe('load benchmark verdict', () => {
  it('is met when 2,500 req/s hold p99 within 50 ms and the rate kept up with reaches 30 % of the ceiling', () => {
    const verdict = verdictOf([step(2000, 12), step(2500, 14), step(3000, 48), step(3500, 120)], 10000);
    expect(verdict).toEqual({ withinP99Rps: 3000, keptUpRps: 3500, ceilingRps: 10000, targetMet: true });
  });

  it('is not met when p99 exceeds 50 ms at 2,500 req/s, even if lower rates hold it', () => {
    const verdict = verdictOf([step(2000, 40), step(2500, 51)], 6000);
    expect(verdict.withinP99Rps).toBe(2000);
    expect(verdict.targetMet).toBe(false);
  });

  it('is not met below 30 % of the ceiling', () => {
    expect(verdictOf([step(2500, 10), step(3000, 20)], 10001).targetMet).toBe(false);
    expect(verdictOf([step(2500, 10), step(3000, 20)], 10000).targetMet).toBe(true);
  });

  it('does not count a step that fell behind its target rate, and any error or lost event fails the run', () => {
    const behind = verdictOf([step(2500, 10), step(3000, 20, { achievedRps: 2400 })], 8000);
    expect(behind.keptUpRps).toBe(2500);
    expect(verdictOf([step(2500, 10), step(3000, 20, { errors: 1 })], 8000).targetMet).toBe(false);
    expect(verdictOf([step(2500, 10), step(3000, 20, { lostEvents: 2 })], 8000).targetMet).toBe(false);
  });

  it('judges nothing without a ceiling, and says so', () => {
    const verdict = verdictOf([step(2500, 10)], null);
    expect(verdict.targetMet).toBe(false);
    expect(describeVerdict('mariadb', verdict)).toBe(
      'mariadb: p99 ≤ 50 ms up to 2500 req/s; kept up without errors or lost events up to 2500 req/s; no ceiling measured, targets not judged',
    );
  });

  it('gives each rate its share of the ceiling', () => {
    expect(describeVerdict('sqlite', verdictOf([step(2500, 10), step(3000, 90)], 10000))).toBe(
      'sqlite: p99 ≤ 50 ms up to 2500 req/s (25 % of the ceiling 10000); ' +
        'kept up without errors or lost events up to 3000 req/s (30 % of the ceiling 10000); targets met',
    );
  });
});
