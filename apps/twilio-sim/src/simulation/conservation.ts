import { TrafficSummary, SimulatedCallRecord } from './run-summary';

/** One way Hotline's records differ from what the callers lived. */
export interface Mismatch {
  /** A CallSid, or a group of calls (`all`, `tier:gold`). */
  subject: string;
  field: string;
  simulator: string | number | null;
  hotline: string | number | null;
}

/** Where Hotline's side of the comparison comes from. */
export interface HotlineRecords {
  readonly method: string;
  /** Compares Hotline's records with the simulated calls; every difference found. */
  compare(calls: readonly SimulatedCallRecord[]): Promise<Mismatch[]>;
}

export interface ConservationReport {
  ok: boolean;
  method: string;
  /** Queued calls as the stand-in saw them, and how many of them ended one of the four ways. */
  offered: number;
  accountedFor: number;
  inProgress: number;
  callsCompared: number;
  mismatchCount: number;
  /** The first differences (at most 20). */
  mismatches: Mismatch[];
  /** Calls not over when the run stopped waiting, with their last steps at the stand-in (at most 20). */
  unfinished: Array<{ callSid: string; lastSteps: string[] }>;
}

const MISMATCHES_SHOWN = 20;

/**
 * Every call is accounted for (docs/architecture.md): on the simulator's side, offered = answered
 * + abandoned + callbacks + routed elsewhere with nothing still in progress; and Hotline's own
 * records say the same as the callers lived.
 */
export async function checkConservation(
  calls: readonly SimulatedCallRecord[],
  summary: TrafficSummary,
  hotline: HotlineRecords,
): Promise<ConservationReport> {
  const accountedFor = summary.answered + summary.abandoned + summary.callbacks + summary.routedElsewhere;
  const mismatches = await hotline.compare(calls);
  const unfinished = calls.filter((call) => call.classified.outcome === 'in-progress');
  return {
    ok: unfinished.length === 0 && accountedFor === summary.offered && mismatches.length === 0,
    method: hotline.method,
    offered: summary.offered,
    accountedFor,
    inProgress: unfinished.length,
    callsCompared: calls.length,
    mismatchCount: mismatches.length,
    mismatches: mismatches.slice(0, MISMATCHES_SHOWN),
    unfinished: unfinished
      .slice(0, MISMATCHES_SHOWN)
      .map((call) => ({ callSid: call.sid, lastSteps: call.lastSteps ?? [] })),
  };
}

/** The fields both sides know of a call, for a field-by-field comparison. */
export function expectedOf(
  call: SimulatedCallRecord,
): Record<'outcome' | 'tier' | 'language' | 'reason', string> {
  return {
    outcome: call.classified.outcome,
    tier: call.profile.tier,
    language: call.profile.language,
    reason: call.profile.route.reason,
  };
}

export function differences(
  subject: string,
  simulator: Record<string, string | number | null>,
  hotline: Record<string, string | number | null>,
): Mismatch[] {
  return Object.keys(simulator)
    .filter((field) => simulator[field] !== hotline[field])
    .map((field) => ({ subject, field, simulator: simulator[field], hotline: hotline[field] ?? null }));
}
