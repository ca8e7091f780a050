import { ClassifiedCall } from './call-outcome';
import { CallerProfile } from './caller-mix';
import { Percentiles, percentiles } from './percentiles';

/** One simulated call with everything the summary needs. */
export interface SimulatedCallRecord {
  sid: string;
  profile: CallerProfile;
  classified: ClassifiedCall;
  /** Pick-up to disposition, as the agent measured it; only for answered and disposed calls. */
  handleSeconds?: number;
  /** The call's last steps at the stand-in. */
  lastSteps?: string[];
}

/** Calls offered to a queue and how they left it; once drained, the four ways out add up to offered. */
export interface FlowSummary {
  offered: number;
  answered: number;
  abandoned: number;
  callbacks: number;
  routedElsewhere: number;
  inProgress: number;
  waitSeconds: Percentiles;
  handleSeconds: Percentiles;
}

export interface TrafficSummary extends FlowSummary {
  /** Calls placed, including those that never reached a queue. */
  placed: number;
  ivrHangups: number;
  byQueue: Record<string, FlowSummary>;
  byTier: Record<string, FlowSummary>;
}

/** Offered, answered, abandoned…, with wait and handle percentiles: overall, per queue and per tier. */
export function summarizeTraffic(calls: readonly SimulatedCallRecord[]): TrafficSummary {
  return {
    placed: calls.length,
    ivrHangups: calls.filter((c) => c.classified.outcome === 'ivr-hangup').length,
    ...summarizeFlow(calls),
    byQueue: groupFlows(calls, (c) => c.profile.route.queue),
    byTier: groupFlows(calls, (c) => c.profile.tier),
  };
}

function groupFlows(
  calls: readonly SimulatedCallRecord[],
  keyOf: (call: SimulatedCallRecord) => string,
): Record<string, FlowSummary> {
  const groups = new Map<string, SimulatedCallRecord[]>();
  for (const call of calls) {
    const group = groups.get(keyOf(call)) ?? [];
    group.push(call);
    groups.set(keyOf(call), group);
  }
  return Object.fromEntries(
    [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => [key, summarizeFlow(group)]),
  );
}

function summarizeFlow(calls: readonly SimulatedCallRecord[]): FlowSummary {
  const offered = calls.filter((c) => c.classified.queued);
  const count = (outcome: ClassifiedCall['outcome']) =>
    offered.filter((c) => c.classified.outcome === outcome).length;
  return {
    offered: offered.length,
    answered: count('answered'),
    abandoned: count('abandoned'),
    callbacks: count('callback'),
    routedElsewhere: count('routed-elsewhere'),
    inProgress: count('in-progress'),
    waitSeconds: percentiles(offered.flatMap((c) => c.classified.waitSeconds ?? [])),
    handleSeconds: percentiles(offered.flatMap((c) => c.handleSeconds ?? [])),
  };
}
