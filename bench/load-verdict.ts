/**
 * What a run of the load benchmark says about the targets for one database: the highest
 * rate held with p99 within bound, the highest rate kept up with at all, each as a share of the
 * bare ceiling, and whether the targets are met.
 */

export interface MeasuredStep {
  targetRps: number;
  achievedRps: number;
  p99Ms: number;
  errors: number;
  lostEvents: number;
}

export const TARGETS = {
  /** Webhook requests per second that must be answered with p99 within `p99Ms`. */
  rps: 2500,
  p99Ms: 50,
  /** Share of the bare ceiling Hotline must keep up with. */
  shareOfCeiling: 0.3,
};

/** A step below this share of its target rate did not keep up with it. */
export const KEPT_UP_SHARE = 0.95;

export interface Verdict {
  /** Highest achieved rate of a step that kept up with p99 within bound, no errors, no lost events. */
  withinP99Rps: number;
  /** Highest achieved rate of a step that kept up with no errors and no lost events, whatever its latency. */
  keptUpRps: number;
  ceilingRps: number | null;
  targetMet: boolean;
}

const clean = (step: MeasuredStep) =>
  step.errors === 0 && step.lostEvents === 0 && step.achievedRps >= step.targetRps * KEPT_UP_SHARE;

const highest = (steps: MeasuredStep[]) => Math.max(0, ...steps.map((step) => step.achievedRps));

export function verdictOf(steps: MeasuredStep[], ceilingRps: number | null): Verdict {
  const keptUp = steps.filter(clean);
  const withinP99 = keptUp.filter((step) => step.p99Ms <= TARGETS.p99Ms);
  const withinP99Rps = highest(withinP99);
  const keptUpRps = highest(keptUp);
  const everyStepClean = steps.every((step) => step.errors === 0 && step.lostEvents === 0);
  const ceilingShareMet = ceilingRps !== null && keptUpRps >= ceilingRps * TARGETS.shareOfCeiling;
  return {
    withinP99Rps,
    keptUpRps,
    ceilingRps,
    targetMet: everyStepClean && withinP99.some((step) => step.targetRps >= TARGETS.rps) && ceilingShareMet,
  };
}

const share = (rps: number, ceilingRps: number | null) =>
  ceilingRps ? ` (${Math.round((rps / ceilingRps) * 100)} % of the ceiling ${ceilingRps})` : '';

/** One line for a person reading the run. */
export function describeVerdict(db: string, verdict: Verdict): string {
  const { withinP99Rps, keptUpRps, ceilingRps } = verdict;
  const met =
    ceilingRps === null
      ? 'no ceiling measured, targets not judged'
      : `targets ${verdict.targetMet ? 'met' : 'not met'}`;
  return (
    `${db}: p99 ≤ ${TARGETS.p99Ms} ms up to ${withinP99Rps} req/s${share(withinP99Rps, ceilingRps)}; ` +
    `kept up without errors or lost events up to ${keptUpRps} req/s${share(keptUpRps, ceilingRps)}; ${met}`
  );
}
