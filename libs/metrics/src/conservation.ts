import type { CallFlowFigures, FlowFigures, WaitingFigures } from './figures';

export interface ConservationCheck {
  offered: number;
  /** answered + abandoned + routed elsewhere + callbacks + still in progress. */
  accountedFor: number;
  balanced: boolean;
}

/**
 * Every caller offered to a scope is answered, abandoned, routed elsewhere, called back or still
 * waiting. Holds for a period that covers the whole log, with the live figures at its end.
 */
export function queueConservation(flow: FlowFigures, live: WaitingFigures): ConservationCheck {
  const accountedFor = flow.answered + flow.abandoned + flow.routedElsewhere + flow.callbacks + live.waiting;
  return { offered: flow.offered, accountedFor, balanced: accountedFor === flow.offered };
}

/**
 * Every call received has ended with an outcome (answered, abandoned, routed elsewhere including
 * after hours, callback, IVR hang-up) or is still open. Same conditions as queueConservation.
 */
export function callConservation(calls: CallFlowFigures, openCalls: number): ConservationCheck {
  const accountedFor = Object.values(calls.completed).reduce((sum, count) => sum + count, openCalls);
  return { offered: calls.received, accountedFor, balanced: accountedFor === calls.received };
}
