import { SimClock } from '../core/sim-clock';
import { startAgents } from './agent-roster';
import { poissonArrivals } from './arrivals';
import { classifyCall } from './call-outcome';
import { CallerMix, CallerMixOptions, SimulatedCustomer } from './caller-mix';
import { checkConservation, ConservationReport, HotlineRecords } from './conservation';
import { HotlineClient } from './hotline-client';
import { readMenuPaths } from './ivr-menu-paths';
import { seededRandom } from './random-source';
import { SimulatedCallRecord, summarizeTraffic, TrafficSummary } from './run-summary';
import { AgentBehaviour, AgentObserver } from './simulated-agent';
import { ObservedCall, StandInClient } from './stand-in-client';
import { PlacedCall, runTraffic, SIMULATED_HOTLINE_NUMBER } from './traffic';

export interface SimulationOptions {
  calls: number;
  /** New calls per wall-clock second (Poisson). */
  ratePerSecond: number;
  agents: number;
  /** Real seconds per simulated second at the stand-in: durations of the mix and behaviour scale with it. */
  timeScale: number;
  /** Seeds the callers drawn, their arrival times and the agents' choices. */
  seed: number;
  mix: Omit<CallerMixOptions, 'defaultTier'>;
  behaviour: AgentBehaviour;
  /** Wall-clock seconds to wait, after the last arrival, for every call to end. */
  drainTimeoutSeconds: number;
}

/** A Hotline wired to a stand-in, and how to read Hotline's records of the run. */
export interface SimulationTarget {
  hotlineUrl: string;
  standInUrl: string;
  admin: { username: string; password: string };
  /** Where the IVR menus and tiers are configured (the simulated callers follow them). */
  configDir: string;
  defaultTier: string;
  /** Called before the first call: a baseline may be read then. */
  records(admin: HotlineClient, startedAt: number): Promise<HotlineRecords>;
  /** Resolves once the stand-in's callbacks to Hotline about the ended calls were answered. */
  settled(): Promise<void>;
}

export interface SimulationSummary extends TrafficSummary {
  conservation: ConservationReport;
  agents: { count: number; missedOffers: number; disposed: number; problemCount: number; problems: string[] };
  run: {
    calls: number;
    ratePerSecond: number;
    timeScale: number;
    seed: number;
    drained: boolean;
    wallSeconds: number;
    placementFailures: string[];
  };
}

const DRAIN_POLL_MS = 500;
const PROBLEMS_SHOWN = 20;

/**
 * One load run: customers for the known callers (CSV import), simulated agents, Poisson arrivals
 * of simulated callers until `calls` were placed, then waits until every call ended and every
 * answered call was disposed, and compares what the callers lived with Hotline's records.
 */
export async function runSimulation(
  target: SimulationTarget,
  options: SimulationOptions,
): Promise<SimulationSummary> {
  const startedAt = Date.now();
  const admin = await HotlineClient.signIn(target.hotlineUrl, target.admin.username, target.admin.password);
  const paths = readMenuPaths(target.configDir);
  const mixRandom = seededRandom(options.seed);
  const mix = new CallerMix({ ...options.mix, defaultTier: target.defaultTier }, paths, mixRandom, {
    size: options.calls,
    numberBase: Math.floor(mixRandom() * 50_000_000),
  });
  await importCustomers(admin, mix.customers);
  const records = await target.records(admin, startedAt);
  const clock = new SimClock(options.timeScale);
  const journal = new AgentJournal();
  const agents = await startAgents({
    hotlineUrl: target.hotlineUrl,
    standInUrl: target.standInUrl,
    admin,
    count: options.agents,
    queues: [...new Set(paths.routes.map((route) => route.queue))],
    behaviour: options.behaviour,
    clock,
    random: seededRandom(options.seed + 2),
    observer: journal,
  });
  const standIn = new StandInClient(target.standInUrl);
  const placed: PlacedCall[] = [];
  const placementFailures: string[] = [];
  try {
    await runTraffic(standIn, mix, poissonArrivals(options.ratePerSecond, seededRandom(options.seed + 1)), {
      hotlineNumber: SIMULATED_HOTLINE_NUMBER,
      calls: options.calls,
      signal: new AbortController().signal,
      onPlaced: (call) => placed.push(call),
      onFailed: (problem) => placementFailures.push(problem),
    });
    const drained = await drain(standIn, placed, journal, Date.now() + options.drainTimeoutSeconds * 1000);
    await target.settled();
    const observed = new Map((await standIn.calls()).map((call) => [call.sid, call]));
    const calls = placed.map((call) => recordOf(call, observed.get(call.sid), journal));
    const summary = summarizeTraffic(calls);
    return {
      ...summary,
      conservation: await checkConservation(calls, summary, records),
      agents: journal.report(options.agents),
      run: {
        calls: options.calls,
        ratePerSecond: options.ratePerSecond,
        timeScale: options.timeScale,
        seed: options.seed,
        drained,
        wallSeconds: Math.round((Date.now() - startedAt) / 100) / 10,
        placementFailures: placementFailures.slice(0, PROBLEMS_SHOWN),
      },
    };
  } finally {
    await Promise.all(agents.map((agent) => agent.stop()));
  }
}

/** Known callers' customer records, created (or updated) in one CSV import. */
export async function importCustomers(
  admin: HotlineClient,
  customers: readonly SimulatedCustomer[],
): Promise<void> {
  if (customers.length === 0) return;
  const rows = customers.map((c) => [c.phone, c.name, c.language, c.tier].join(','));
  const csv = ['phone,name,language,tier', ...rows].join('\n');
  await admin.request('POST', '/api/customers/import?mode=all-or-nothing', { csv });
}

/** Until every placed call ended at the stand-in and every answered one was disposed, or the deadline. */
async function drain(
  standIn: StandInClient,
  placed: readonly PlacedCall[],
  journal: AgentJournal,
  deadline: number,
): Promise<boolean> {
  const sids = new Set(placed.map((call) => call.sid));
  for (;;) {
    const ours = (await standIn.calls()).filter((call) => sids.has(call.sid));
    const over = ours.length === sids.size && ours.every((call) => call.endedAt !== undefined);
    const answered = ours.filter((call) => classifyCall(call).outcome === 'answered');
    if (over && answered.every((call) => journal.handleSeconds.has(call.sid))) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  }
}

function recordOf(
  call: PlacedCall,
  observed: ObservedCall | undefined,
  journal: AgentJournal,
): SimulatedCallRecord {
  return {
    sid: call.sid,
    profile: call.profile,
    classified: observed ? classifyCall(observed) : { outcome: 'in-progress', queued: false },
    handleSeconds: journal.handleSeconds.get(call.sid),
    lastSteps: observed?.lastSteps,
  };
}

/** What the run's simulated agents did, as they report it. */
class AgentJournal implements AgentObserver {
  readonly handleSeconds = new Map<string, number>();
  private missedOffers = 0;
  private readonly problems: string[] = [];

  handled(callSid: string, _agent: string, handleSeconds: number): void {
    this.handleSeconds.set(callSid, handleSeconds);
  }

  missed(): void {
    this.missedOffers += 1;
  }

  failed(agent: string, problem: string): void {
    this.problems.push(`${agent}: ${problem}`);
  }

  report(count: number): SimulationSummary['agents'] {
    return {
      count,
      missedOffers: this.missedOffers,
      disposed: this.handleSeconds.size,
      problemCount: this.problems.length,
      problems: this.problems.slice(0, PROBLEMS_SHOWN),
    };
  }
}
