import { ratio } from './ratio';

/** A queue as Erlang C sees it: Poisson arrivals, exponential handle times, infinite patience. */
export interface ErlangInput {
  arrivalsPerSecond: number;
  ahtSeconds: number;
  agents: number;
}

export interface StaffingFigures {
  agents: number;
  /** Offered traffic A in Erlangs. */
  trafficErlangs: number;
  /** P(wait): the share of callers who wait at all. */
  waitProbability: number;
  /** Share answered within the threshold, 0–1. */
  serviceLevel: number;
  /** Null when agents ≤ traffic: the line then grows without end. */
  asaSeconds: number | null;
  /** A / N, at most 1. */
  occupancy: number | null;
}

export function trafficErlangs(arrivalsPerSecond: number, ahtSeconds: number): number {
  return arrivalsPerSecond * ahtSeconds;
}

/** Erlang B blocking probability by the recursion B₀ = 1, B_k = A·B_{k−1} / (k + A·B_{k−1}), stable for large N. */
export function erlangB(traffic: number, agents: number): number {
  let blocking = 1;
  for (let k = 1; k <= agents; k++) blocking = (traffic * blocking) / (k + traffic * blocking);
  return blocking;
}

function erlangCFromB(traffic: number, agents: number, blocking: number): number {
  if (agents <= traffic) return 1;
  return (agents * blocking) / (agents - traffic * (1 - blocking));
}

/** Erlang C: the probability that a caller has to wait. 1 when agents ≤ traffic. */
export function erlangC(traffic: number, agents: number): number {
  return erlangCFromB(traffic, agents, erlangB(traffic, agents));
}

function staffingFigures(
  input: ErlangInput,
  thresholdSeconds: number,
  waitProbability: number,
): StaffingFigures {
  const traffic = trafficErlangs(input.arrivalsPerSecond, input.ahtSeconds);
  const spare = input.agents - traffic;
  const stable = spare > 0;
  return {
    agents: input.agents,
    trafficErlangs: traffic,
    waitProbability,
    serviceLevel: stable ? 1 - waitProbability * Math.exp((-spare * thresholdSeconds) / input.ahtSeconds) : 0,
    asaSeconds: stable ? (waitProbability * input.ahtSeconds) / spare : null,
    occupancy: stable ? ratio(traffic, input.agents) : input.agents > 0 ? 1 : null,
  };
}

/** P(wait), SL(t) and ASA of docs/metrics.md for a given number of agents. */
export function erlangCStaffing(input: ErlangInput, thresholdSeconds: number): StaffingFigures {
  const traffic = trafficErlangs(input.arrivalsPerSecond, input.ahtSeconds);
  return staffingFigures(input, thresholdSeconds, erlangC(traffic, input.agents));
}

export interface StaffingTarget {
  arrivalsPerSecond: number;
  ahtSeconds: number;
  thresholdSeconds: number;
  /** Wanted service level, 0 < target < 1. */
  serviceLevel: number;
}

/** The fewest agents whose Erlang C service level reaches the target, with their figures. */
export function agentsForServiceLevel(target: StaffingTarget): StaffingFigures {
  if (!(target.serviceLevel > 0 && target.serviceLevel < 1)) {
    throw new RangeError(`target service level must be between 0 and 1, got ${target.serviceLevel}`);
  }
  const traffic = trafficErlangs(target.arrivalsPerSecond, target.ahtSeconds);
  const { arrivalsPerSecond, ahtSeconds, thresholdSeconds } = target;
  // One pass of the Erlang B recursion serves every candidate N, so the search is linear in N.
  let blocking = 1;
  for (let agents = 1; ; agents++) {
    blocking = (traffic * blocking) / (agents + traffic * blocking);
    if (agents <= traffic) continue;
    const figures = staffingFigures(
      { arrivalsPerSecond, ahtSeconds, agents },
      thresholdSeconds,
      erlangCFromB(traffic, agents, blocking),
    );
    if (figures.serviceLevel >= target.serviceLevel) return figures;
  }
}
