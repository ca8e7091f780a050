import { SANDBOX_STAFF } from '../../../hotline/src/agents/seed-sandbox-accounts';
import { SimClock } from '../core/sim-clock';
import { startAgents } from '../simulation/agent-roster';
import { poissonArrivals } from '../simulation/arrivals';
import { CallerMix } from '../simulation/caller-mix';
import { HotlineClient } from '../simulation/hotline-client';
import { readMenuPaths } from '../simulation/ivr-menu-paths';
import { seededRandom } from '../simulation/random-source';
import { importCustomers } from '../simulation/simulation-run';
import { SimulatedAgent } from '../simulation/simulated-agent';
import { StandInClient } from '../simulation/stand-in-client';
import { readDefaultTier } from '../simulation/tier-config';
import { runTraffic, SIMULATED_HOTLINE_NUMBER } from '../simulation/traffic';
import { OfflineContactCenter, startOfflineContactCenter } from './offline-contact-center';
import { readSandboxOptions, SandboxOptions } from './sandbox-options';

export interface Sandbox {
  center: OfflineContactCenter;
  options: SandboxOptions;
  /** Simulated calls placed so far. */
  readonly placed: number;
  /** What to open, for the person who started it. */
  banner(): string;
  /** Stops the traffic, signs the simulated agents out, ends the calls and stops Hotline; safe twice. */
  stop(): Promise<void>;
}

const ADMIN = SANDBOX_STAFF.find((user) => user.role === 'admin')!;

/**
 * The sandbox of `npm start`: Hotline on its embedded database with the Twilio stand-in, and,
 * unless SANDBOX_TRAFFIC is off, simulated agents and a steady Poisson flow of simulated callers
 * until stopped. The demo agents (agent1…) are left free for people in the browser.
 */
export async function startSandbox(env: Record<string, string | undefined>): Promise<Sandbox> {
  const options = readSandboxOptions(env);
  const center = await startOfflineContactCenter({
    env: { LOG_LEVEL: 'warn', ...env },
    host: options.host,
    port: options.port,
    standInPort: options.standInPort,
    timeScale: options.timeScale,
  });
  const stopping = new AbortController();
  let placed = 0;
  let agents: SimulatedAgent[] = [];
  let traffic: Promise<void> = Promise.resolve();
  try {
    if (options.traffic) {
      const admin = await HotlineClient.signIn(center.hotlineUrl, ADMIN.username, ADMIN.password);
      const mix = await knownCallers(admin, options);
      agents = await startSimulatedStaff(center, admin, options);
      const { seed } = options.tunables;
      traffic = runTraffic(
        new StandInClient(center.standInUrl),
        mix,
        poissonArrivals(options.callsPerMinute / 60, seededRandom(seed + 1)),
        {
          hotlineNumber: SIMULATED_HOTLINE_NUMBER,
          signal: stopping.signal,
          onPlaced: () => (placed += 1),
          onFailed: (problem) => console.error(`sandbox: a simulated call could not be placed: ${problem}`),
        },
      );
    }
  } catch (error) {
    await center.close();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    center,
    options,
    get placed() {
      return placed;
    },
    banner: () => banner(center, options),
    stop: () =>
      (stopped ??= (async () => {
        stopping.abort();
        await traffic;
        await Promise.all(agents.map((agent) => agent.stop()));
        await center.close();
      })()),
  };
}

async function startSimulatedStaff(
  center: OfflineContactCenter,
  admin: HotlineClient,
  options: SandboxOptions,
): Promise<SimulatedAgent[]> {
  const queues = [...new Set(readMenuPaths(options.configDir).routes.map((route) => route.queue))];
  return startAgents({
    hotlineUrl: center.hotlineUrl,
    standInUrl: center.standInUrl,
    admin,
    count: options.agents,
    queues,
    behaviour: options.tunables.behaviour,
    clock: new SimClock(options.timeScale),
    random: seededRandom(options.tunables.seed + 2),
    observer: {
      handled: () => undefined,
      missed: () => undefined,
      failed: (agent, problem) => console.error(`sandbox: simulated agent ${agent}: ${problem}`),
    },
  });
}

/** The mix, with its book of regular customers imported (the same numbers on every start). */
async function knownCallers(admin: HotlineClient, options: SandboxOptions): Promise<CallerMix> {
  const mix = new CallerMix(
    { ...options.tunables.mix, defaultTier: readDefaultTier(options.configDir) },
    readMenuPaths(options.configDir),
    seededRandom(options.tunables.seed),
    { size: options.customers, numberBase: 0 },
  );
  await importCustomers(admin, mix.customers);
  return mix;
}

function banner(center: OfflineContactCenter, options: SandboxOptions): string {
  // Browsers reach loopback as localhost; Hotline and the stand-in call each other on 127.0.0.1.
  const site = center.hotlineUrl.replace(/\/\/(127\.0\.0\.1|0\.0\.0\.0)/, '//localhost');
  const traffic = options.traffic
    ? `${options.callsPerMinute} simulated calls a minute, ${options.agents} simulated agents (sim_agent_…)`
    : 'no simulated traffic (SANDBOX_TRAFFIC=off)';
  return [
    `Hotline sandbox: embedded database, Twilio played by the local stand-in, ${traffic}.`,
    `  Wallboard        ${site}/wallboard   (supervisor / supervisor-demo)`,
    `  Agent desktop    ${site}/agent       (agent1 / agent-demo: simulated calls ring in the page)`,
    `  API docs         ${site}/api/docs    (admin / admin-demo)`,
    `  Twilio stand-in  ${center.standInUrl}/sim/calls   (every call as the caller lived it)`,
    'Stop with Ctrl+C.',
  ].join('\n');
}
