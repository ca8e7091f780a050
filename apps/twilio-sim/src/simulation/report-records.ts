import { CallerProfileView, IntervalReportResponse, IntervalReportRow } from '@hotline/contracts';
import { differences, expectedOf, HotlineRecords, Mismatch } from './conservation';
import { HotlineClient } from './hotline-client';
import { SimulatedCallRecord } from './run-summary';

type Counts = Record<'offered' | 'answered' | 'abandoned' | 'callbacks' | 'routedElsewhere', number>;

const COUNTED: Array<keyof Counts> = ['offered', 'answered', 'abandoned', 'callbacks', 'routedElsewhere'];
const DAY_MS = 24 * 3600_000;
/** The monitor's figures follow the call log within moments; they are read again for this long. */
const SETTLE_MS = 5000;

/**
 * Hotline's records through its REST API only, for a Hotline in another process: each call's
 * screen pop (`GET /api/calls/:sid/profile`: the call exists, with the tier, language and reason
 * the caller had), and the outcome counts of the interval report (`GET /api/reports/intervals`),
 * overall and per tier, compared with the run's as a difference from a baseline read before the
 * first call. Nothing else may call that Hotline during the run.
 */
export class ReportRecords implements HotlineRecords {
  readonly method = 'reports-rest: each call’s profile, and interval-report counts per tier';

  private constructor(
    private readonly admin: HotlineClient,
    private readonly range: string,
    private readonly baseline: Map<string, Counts>,
  ) {}

  /** Reads the baseline: call before placing the first call. */
  static async before(admin: HotlineClient, startedAt: number): Promise<ReportRecords> {
    const range = `from=${encodeURIComponent(new Date(startedAt).toISOString())}&to=${encodeURIComponent(
      new Date(startedAt + DAY_MS).toISOString(),
    )}`;
    return new ReportRecords(admin, range, await readTotals(admin, range));
  }

  async compare(calls: readonly SimulatedCallRecord[]): Promise<Mismatch[]> {
    const mismatches: Mismatch[] = [];
    for (const call of calls) {
      const profile = await this.admin
        .request<CallerProfileView>('GET', `/api/calls/${call.sid}/profile`)
        .catch(() => null);
      const { tier, language, reason } = expectedOf(call);
      mismatches.push(
        ...differences(
          call.sid,
          { tier, language, reason },
          profile ? { tier: profile.tier, language: profile.language, reason: profile.reason } : {},
        ),
      );
    }
    const deadline = Date.now() + SETTLE_MS;
    for (;;) {
      const counted = await this.countMismatches(calls);
      if (counted.length === 0 || Date.now() > deadline) return [...mismatches, ...counted];
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private async countMismatches(calls: readonly SimulatedCallRecord[]): Promise<Mismatch[]> {
    const now = await readTotals(this.admin, this.range);
    const expected = new Map<string, Counts>();
    for (const call of calls) {
      for (const group of ['all', `tier:${call.profile.tier}`]) {
        const counts = expected.get(group) ?? zero();
        add(counts, countsOfCall(call));
        expected.set(group, counts);
      }
    }
    const groups = new Set([...expected.keys(), ...now.keys()]);
    return [...groups].flatMap((group) => {
      const run = minus(now.get(group) ?? zero(), this.baseline.get(group) ?? zero());
      return differences(group, expected.get(group) ?? zero(), run);
    });
  }
}

/** The report's counts: `all` from the queue rows, `tier:<name>` from the rows of each tier. */
async function readTotals(admin: HotlineClient, range: string): Promise<Map<string, Counts>> {
  const report = await admin.request<IntervalReportResponse>('GET', `/api/reports/intervals?${range}`);
  const totals = new Map<string, Counts>();
  for (const row of report.rows) {
    const group = row.tier === null ? 'all' : `tier:${row.tier}`;
    const counts = totals.get(group) ?? zero();
    add(counts, countsOfRow(row));
    totals.set(group, counts);
  }
  return totals;
}

function zero(): Counts {
  return { offered: 0, answered: 0, abandoned: 0, callbacks: 0, routedElsewhere: 0 };
}

function add(into: Counts, more: Counts): void {
  for (const key of COUNTED) into[key] += more[key];
}

function minus(a: Counts, b: Counts): Counts {
  return Object.fromEntries(COUNTED.map((key) => [key, a[key] - b[key]])) as Counts;
}

function countsOfRow(row: IntervalReportRow): Counts {
  return Object.fromEntries(COUNTED.map((key) => [key, row[key]])) as Counts;
}

function countsOfCall(call: SimulatedCallRecord): Counts {
  const { queued, outcome } = call.classified;
  return {
    offered: queued ? 1 : 0,
    answered: outcome === 'answered' ? 1 : 0,
    abandoned: outcome === 'abandoned' ? 1 : 0,
    callbacks: outcome === 'callback' ? 1 : 0,
    routedElsewhere: outcome === 'routed-elsewhere' ? 1 : 0,
  };
}
