import { CallLedger } from '@hotline/persistence';
import { HotlineClient } from '../apps/twilio-sim/src/simulation/hotline-client';
import { InProcessTarget, startInProcessTarget } from '../apps/twilio-sim/src/simulation/in-process-target';
import { ReportRecords } from '../apps/twilio-sim/src/simulation/report-records';
import { runSimulation, SimulationOptions } from '../apps/twilio-sim/src/simulation/simulation-run';
import { readTunables } from '../apps/twilio-sim/src/simulation/tunables';
import { describeMysql, freshMysql, TestDatabase } from './support/test-databases';

const TIME_SCALE = 0.01;

function options(seed: number): SimulationOptions {
  const tunables = readTunables((name) => ({ 'callback-share': '0.3', 'miss-rate': '0.1' })[name as string]);
  return {
    calls: 20,
    ratePerSecond: 6,
    agents: 3,
    timeScale: TIME_SCALE,
    seed,
    mix: tunables.mix,
    behaviour: tunables.behaviour,
    drainTimeoutSeconds: 20,
  };
}

type Summary = Awaited<ReturnType<typeof runSimulation>>;

/** Every call accounted for once, the simulator and Hotline's ledger agreeing call by call. */
function expectConserved(summary: Summary, calls: number): void {
  expect(summary.run.drained).toBe(true);
  expect(summary.placed).toBe(calls);
  expect(summary.conservation).toMatchObject({
    ok: true,
    inProgress: 0,
    mismatchCount: 0,
    callsCompared: calls,
  });
  expect(summary.answered + summary.abandoned + summary.callbacks + summary.routedElsewhere).toBe(
    summary.offered,
  );
  expect(summary.agents.disposed).toBe(summary.answered);
}

describe('conservation of a small simulated run', () => {
  let own: InProcessTarget;
  beforeAll(async () => {
    own = await startInProcessTarget({ configDir: 'config', timeScale: TIME_SCALE });
  });
  afterAll(() => own.close());

  it('accounts for every call, and Hotline’s ledger agrees call by call', async () => {
    const summary = await runSimulation(own.target, options(11));

    expectConserved(summary, 20);
    const byQueue = Object.values(summary.byQueue).reduce((sum, flow) => sum + flow.offered, 0);
    const byTier = Object.values(summary.byTier).reduce((sum, flow) => sum + flow.answered, 0);
    expect(byQueue).toBe(summary.offered);
    expect(byTier).toBe(summary.answered);
    expect(summary.handleSeconds.p50).not.toBeNull();

    // Counted again here, straight from the ledger, without the simulator's comparison.
    const outcomes = await Promise.all(
      (await own.center.sim.observe.calls())
        .filter((call) => call.direction === 'inbound')
        .map(async (call) => (await own.center.hotline.get(CallLedger).find(call.sid))!.outcome),
    );
    expect(outcomes.filter((o) => o === 'answered')).toHaveLength(summary.answered);
    expect(outcomes.filter((o) => o === 'abandoned')).toHaveLength(summary.abandoned);
    expect(outcomes.filter((o) => o === 'callback')).toHaveLength(summary.callbacks);
  });

  it('agrees through Hotline’s REST alone (profiles and interval reports), as with --target', async () => {
    const summary = await runSimulation(
      { ...own.target, records: (admin, startedAt) => ReportRecords.before(admin, startedAt) },
      options(12),
    );

    expect(summary.conservation.mismatches).toEqual([]);
    expect(summary.conservation).toMatchObject({ ok: true, inProgress: 0 });
    expect(summary.conservation.method).toMatch(/^reports-rest/);
  });

  it('fails when Hotline’s records do not show the calls the callers made', async () => {
    // Records read over a range two days ahead: Hotline's report there holds none of this run's calls.
    const elsewhere = (admin: HotlineClient) => ReportRecords.before(admin, Date.now() + 48 * 3600_000);
    const summary = await runSimulation({ ...own.target, records: elsewhere }, { ...options(13), calls: 5 });

    expect(summary.conservation.ok).toBe(false);
    expect(summary.conservation.mismatches).toContainEqual({
      subject: 'all',
      field: 'offered',
      simulator: summary.offered,
      hotline: 0,
    });
  });
});

describeMysql('conservation on MySQL/MariaDB, where commits are paced', () => {
  let database: TestDatabase;
  let own: InProcessTarget;
  beforeAll(async () => {
    database = await freshMysql('conservation');
    own = await startInProcessTarget({
      configDir: 'config',
      timeScale: TIME_SCALE,
      env: { DATABASE_URL: database.url },
    });
  });
  afterAll(async () => {
    await own.close();
    await database.drop();
  });

  it('accounts for every call, and Hotline’s ledger agrees call by call', async () => {
    expectConserved(await runSimulation(own.target, options(14)), 20);
  });
});
