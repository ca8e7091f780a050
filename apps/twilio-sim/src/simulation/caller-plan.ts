import { CallerScript } from '../calls/caller-script';

/**
 * What a simulated caller means to do, as plain data: it crosses HTTP (`POST /sim/calls` with
 * `callerPlan`) so that a simulator in another process can place calls at a running stand-in.
 */
export interface CallerPlan {
  /** Keys pressed at the IVR, one per menu in the order they come (the language menu first, if heard). */
  ivrDigits: string[];
  /** Seconds the caller waits for an agent before hanging up; without it they wait indefinitely. */
  patienceSeconds?: number;
  /** The caller presses 1 at this "press 1 to be called back" offer of the wait loop (1 = the first). */
  callbackAtOffer?: number;
  /** Keys for the post-call survey's questions in order (CSAT, resolved, NPS followed by #). */
  surveyDigits?: string[];
}

/**
 * The plan as the stand-in plays it. Gathers outside the queue's wait loop are the IVR's menus
 * until the planned keys are used up (every key given is valid, so no menu is asked twice), and
 * the survey's questions after that.
 */
export function scriptForPlan(plan: CallerPlan): CallerScript {
  let ivrAnswers = 0;
  let surveyAnswers = 0;
  let offersHeard = 0;
  return {
    patience: plan.patienceSeconds,
    gather: (prompt) => {
      if (prompt.whileQueued) {
        offersHeard += 1;
        return offersHeard === plan.callbackAtOffer ? '1' : undefined;
      }
      if (ivrAnswers < plan.ivrDigits.length) return plan.ivrDigits[ivrAnswers++];
      return plan.surveyDigits?.[surveyAnswers++];
    },
  };
}

/** Checks a plan that came over HTTP; returns what is wrong with it, or null. */
export function callerPlanProblem(plan: unknown): string | null {
  if (typeof plan !== 'object' || plan === null) return 'callerPlan must be an object';
  const { ivrDigits, patienceSeconds, callbackAtOffer, surveyDigits } = plan as Record<string, unknown>;
  const keys = (value: unknown) => Array.isArray(value) && value.every((k) => typeof k === 'string');
  if (!keys(ivrDigits)) return 'callerPlan.ivrDigits must be a list of strings';
  if (surveyDigits !== undefined && !keys(surveyDigits))
    return 'callerPlan.surveyDigits must be a list of strings';
  if (patienceSeconds !== undefined && !(typeof patienceSeconds === 'number' && patienceSeconds >= 0)) {
    return 'callerPlan.patienceSeconds must be a number ≥ 0';
  }
  if (
    callbackAtOffer !== undefined &&
    !(Number.isInteger(callbackAtOffer) && (callbackAtOffer as number) >= 1)
  ) {
    return 'callerPlan.callbackAtOffer must be a whole number ≥ 1';
  }
  return null;
}
