import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startInProcessTarget } from './simulation/in-process-target';
import { ReportRecords } from './simulation/report-records';
import {
  runSimulation,
  SimulationOptions,
  SimulationSummary,
  SimulationTarget,
} from './simulation/simulation-run';
import { readDefaultTier } from './simulation/tier-config';
import { number, readTunables, TUNABLES, TunableName } from './simulation/tunables';

const RUN_FLAGS = {
  calls: ['100', 'calls to place'],
  rate: ['5', 'new calls per wall-clock second (Poisson arrivals)'],
  agents: ['8', 'simulated agents (accounts sim_agent_1…, created as needed)'],
  'time-scale': [
    '0.01',
    'real seconds per simulated second (with --target: the sandbox’s SANDBOX_TIME_SCALE)',
  ],
  'drain-timeout': ['120', 'wall-clock seconds to wait, after the last arrival, for every call to end'],
  json: ['', 'write the summary (JSON) to this file'],
  target: ['', 'drive this running Hotline (started by the sandbox launcher with SANDBOX_TRAFFIC=off)'],
  'stand-in': ['', 'with --target: that sandbox’s stand-in URL (printed at its start, default port 3900)'],
  'admin-user': ['admin', 'with --target: an admin of that Hotline'],
  'admin-password': ['admin-demo', 'with --target: that admin’s password'],
  'config-dir': ['config', 'the contact-center configuration the callers follow (IVR menus, tiers)'],
} as const;

function usage(): string {
  const line = (name: string, [fallback, meaning]: readonly [string, string]) =>
    `  --${name.padEnd(24)}${meaning}${fallback ? ` (default ${fallback})` : ''}`;
  return [
    'Usage: npm run simulate -- [--calls N] [--rate R] [--agents A] [--json FILE] [--target URL --stand-in URL] [mix options]',
    'Runs simulated callers and agents against Hotline through the Twilio stand-in, waits until every call',
    'ended, prints and writes the summary; exits 1 when conservation fails. Durations are simulated seconds.',
    ...Object.entries(RUN_FLAGS).map(([name, help]) => line(name, help)),
    'Mix and behaviour:',
    ...Object.entries(TUNABLES).map(([name, help]) => line(name, help)),
  ].join('\n');
}

function readArguments(argv: string[]) {
  const names = [...Object.keys(RUN_FLAGS), ...Object.keys(TUNABLES), 'help'];
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(
      names.map((name) => [name, { type: name === 'help' ? 'boolean' : 'string' }]),
    ),
    strict: true,
  }) as { values: Record<string, string | boolean | undefined> };
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const flag = (name: keyof typeof RUN_FLAGS) => text(name) ?? RUN_FLAGS[name][0];
  const whole = (name: keyof typeof RUN_FLAGS, min: number) => {
    const value = number(name, flag(name));
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return value;
  };
  const tunables = readTunables((name: TunableName) => text(name));
  const options: SimulationOptions = {
    calls: whole('calls', 1),
    ratePerSecond: number('rate', flag('rate')),
    agents: whole('agents', 1),
    timeScale: number('time-scale', flag('time-scale')),
    seed: tunables.seed,
    mix: tunables.mix,
    behaviour: tunables.behaviour,
    drainTimeoutSeconds: number('drain-timeout', flag('drain-timeout')),
  };
  return {
    help: values.help === true,
    options,
    json: text('json'),
    target: text('target'),
    standIn: text('stand-in'),
    admin: { username: flag('admin-user'), password: flag('admin-password') },
    configDir: flag('config-dir'),
  };
}

/** A running Hotline, read through its REST API only. */
function remoteTarget(args: ReturnType<typeof readArguments>, hotlineUrl: string): SimulationTarget {
  if (!args.standIn) throw new Error('--target needs --stand-in: the URL of the stand-in that Hotline uses');
  return {
    hotlineUrl: hotlineUrl.replace(/\/+$/, ''),
    standInUrl: args.standIn.replace(/\/+$/, ''),
    admin: args.admin,
    configDir: args.configDir,
    defaultTier: readDefaultTier(args.configDir),
    records: (admin, startedAt) => ReportRecords.before(admin, startedAt),
    settled: async () => undefined,
  };
}

async function simulate(args: ReturnType<typeof readArguments>): Promise<SimulationSummary> {
  if (args.target) return runSimulation(remoteTarget(args, args.target), args.options);
  const own = await startInProcessTarget({ configDir: args.configDir, timeScale: args.options.timeScale });
  try {
    return await runSimulation(own.target, args.options);
  } finally {
    await own.close();
  }
}

function report(summary: SimulationSummary): string {
  const { conservation: c, run } = summary;
  return [
    `placed ${summary.placed}, offered ${summary.offered}: answered ${summary.answered}, abandoned ${summary.abandoned}, ` +
      `callbacks ${summary.callbacks}, routed elsewhere ${summary.routedElsewhere}, in progress ${summary.inProgress}`,
    `wait p50/p90/p99 ${summary.waitSeconds.p50}/${summary.waitSeconds.p90}/${summary.waitSeconds.p99} s, ` +
      `handle p50/p90/p99 ${summary.handleSeconds.p50}/${summary.handleSeconds.p90}/${summary.handleSeconds.p99} s (simulated)`,
    `conservation ${c.ok ? 'ok' : 'FAILED'} (${c.method}; ${c.mismatchCount} mismatches), ` +
      `drained ${run.drained}, ${run.wallSeconds} s wall clock`,
  ].join('\n');
}

async function main(): Promise<void> {
  const args = readArguments(process.argv.slice(2));
  if (args.help) {
    console.log(usage());
    return;
  }
  const summary = await simulate(args);
  if (args.json) writeFileSync(args.json, JSON.stringify(summary, null, 2) + '\n');
  console.log(report(summary));
  const complete = summary.placed === args.options.calls;
  process.exit(summary.conservation.ok && complete ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(usage());
  process.exit(2);
});
