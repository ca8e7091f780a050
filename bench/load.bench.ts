/**
 * Sustained Twilio webhook traffic against Hotline at rising rates: the realistic mix of one call
 * (voice, two IVR steps, four wait-loop rounds, queue exit, three status callbacks), every request
 * signed. Hotline is booted through the production bootstrap on SQLite and on MariaDB, each in a
 * fresh process of its own (load-host.ts); a bare Fastify server answering static TwiML, driven by
 * the same generator, is the ceiling. After each step every call driven must have exactly the
 * call_events rows its answered requests promised.
 * Prints one JSON line per step; on stderr, the MariaDB server's commit-related settings before its
 * steps and what the run says of the targets for each database.
 *
 *   npx nest build hotline && node dist/bench/load.bench.js
 *
 * LOAD_DBS (sqlite,mariadb), LOAD_RATES (500 to 5000 in steps of 500), LOAD_STEP_SECONDS (12),
 * LOAD_CEILING (on) and MYSQL_URL (mysql://root@127.0.0.1:3306/) narrow a run, e.g. to profile one step
 * (LOAD_HOST_ARGS, e.g. --cpu-prof, are passed to Node in Hotline's process).
 */
import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DrivenCall, GeneratorOrder, HostOrder, HostReply, StepReport } from './load-protocol';
import { BENCH_ACCOUNT, startBareServer, TargetName } from './load-targets';
import { describeVerdict, MeasuredStep, verdictOf } from './load-verdict';

const list = (value: string | undefined, fallback: string) => (value ?? fallback).split(',').filter(Boolean);

const DBS = list(process.env.LOAD_DBS, 'sqlite,mariadb') as ('sqlite' | 'mariadb')[];
const RATES = list(process.env.LOAD_RATES, '500,1000,1500,2000,2500,3000,3500,4000,4500,5000').map(Number);
const STEP_SECONDS = Number(process.env.LOAD_STEP_SECONDS ?? 12);
const MEASURE_CEILING = process.env.LOAD_CEILING !== 'off';
const MARIADB_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
/** The ceiling climbs until the bare server (or the generator) stops keeping up. */
const CEILING_RATES = [2000, 4000, 6000, 8000, 10000, 12000, 14000, 16000, 18000, 20000];
const CEILING_STEP_SECONDS = 8;
/** JIT and connection pools warm before the first measured step (V8 optimises hot code after a few seconds of it). */
const WARM_UP = { targetRps: 800, seconds: 6 };
/** Below this share of its target a step is saturated, and higher targets would only queue more. */
const SATURATED_BELOW = 0.8;
const PAUSE_BETWEEN_STEPS_MS = 1000;
/** Every step is bounded by the generator's deadline; this bounds the whole run whatever happens. */
const RUN_LIMIT_MS = 11 * 60_000;
const CONFIG_DIR = join(__dirname, '..', '..', 'config');

const runId = randomBytes(2).toString('hex');
let stepCount = 0;

/** Sends a child process an order and resolves with its next message, the answer; rejects if it exits first. */
function ask<A>(child: ChildProcess, order: { type: string }): Promise<A> {
  return new Promise<A>((resolve, reject) => {
    const onMessage = (reply: A) => {
      child.off('exit', onExit);
      resolve(reply);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(
        new Error(`a benchmark process exited (code ${code}) before answering its '${order.type}' order`),
      );
    };
    child.once('message', onMessage);
    child.once('exit', onExit);
    child.send(order);
  });
}

/** The load generator in its own process: a step order in, a step report out. */
class Generator {
  private readonly child: ChildProcess = fork(join(__dirname, 'load-generator.js'), [], { execArgv: [] });

  async step(
    origin: string,
    targetRps: number,
    seconds: number,
  ): Promise<{ report: StepReport; prefix: string }> {
    stepCount += 1;
    const prefix = runId + stepCount.toString(16).padStart(2, '0');
    const order: GeneratorOrder = {
      type: 'step',
      origin,
      account: BENCH_ACCOUNT,
      targetRps,
      seconds,
      callSidPrefix: prefix,
    };
    return { report: await ask<StepReport>(this.child, order), prefix };
  }

  async close(): Promise<void> {
    const exited = once(this.child, 'exit');
    this.child.send({ type: 'exit' } satisfies GeneratorOrder);
    await exited;
  }
}

/** Hotline under test in a process of its own (load-host.ts), one per database. */
class HotlineProcess {
  private readonly child: ChildProcess = fork(join(__dirname, 'load-host.js'), [], {
    execArgv: (process.env.LOAD_HOST_ARGS ?? '').split(' ').filter(Boolean),
  });

  private async ask<K extends HostReply['type']>(order: HostOrder): Promise<Extract<HostReply, { type: K }>> {
    return ask(this.child, order);
  }

  /** Boots Hotline on a fresh database; where it listens. */
  async start(db: 'sqlite' | 'mariadb'): Promise<string> {
    const started = await this.ask<'started'>({
      type: 'start',
      db,
      mariadbUrl: MARIADB_URL,
      configDir: CONFIG_DIR,
      account: BENCH_ACCOUNT,
    });
    if (started.server) console.error(`${db} server: ${started.server}`);
    return started.origin;
  }

  async watch(): Promise<void> {
    await this.ask<'watching'>({ type: 'watch' });
  }

  report(callSidPrefix: string) {
    return this.ask<'step'>({ type: 'report', callSidPrefix });
  }

  /** Closes Hotline and drops its database; nothing to do if the process is already gone. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return;
    const exited = once(this.child, 'exit');
    await this.ask<'closed'>({ type: 'close' });
    await exited;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls whose answered requests promised more rows than are stored, and rows no request accounts for. */
function compareEvents(calls: DrivenCall[], stored: Map<string, number>): { lost: number; extra: number } {
  let lost = 0;
  let extra = 0;
  for (const call of calls) {
    const count = stored.get(call.callSid) ?? 0;
    lost += Math.max(0, call.expectedEvents - count);
    // A failed request may have stored its events before failing: only complete calls can show extras.
    if (!call.failed) extra += Math.max(0, count - call.expectedEvents);
  }
  return { lost, extra };
}

function printStep(
  db: TargetName,
  targetRps: number,
  report: StepReport,
  extra: Record<string, unknown>,
): void {
  console.log(
    JSON.stringify({
      bench: 'load',
      db,
      targetRps,
      achievedRps: report.achievedRps,
      p50Ms: report.p50Ms,
      p99Ms: report.p99Ms,
      errors: report.errors,
      ...extra,
      p90Ms: report.p90Ms,
      maxMs: report.maxMs,
      requests: report.requests,
      calls: report.calls.length,
      ...(report.errors > 0 ? { errorKinds: report.errorKinds } : {}),
    }),
  );
}

const saturated = (report: StepReport, targetRps: number) => report.achievedRps < targetRps * SATURATED_BELOW;

/** The highest rate the bare server sustains without errors under the same generator. */
async function measureCeiling(generator: Generator): Promise<number> {
  const target = await startBareServer();
  let ceiling = 0;
  try {
    await generator.step(target.origin, WARM_UP.targetRps, WARM_UP.seconds);
    for (const targetRps of CEILING_RATES) {
      const { report } = await generator.step(target.origin, targetRps, CEILING_STEP_SECONDS);
      printStep('bare', targetRps, report, {});
      if (report.errors === 0) ceiling = Math.max(ceiling, report.achievedRps);
      if (saturated(report, targetRps)) break;
      await pause(PAUSE_BETWEEN_STEPS_MS);
    }
  } finally {
    await target.close();
  }
  return ceiling;
}

async function measureHotline(
  generator: Generator,
  db: 'sqlite' | 'mariadb',
  ceilingRps: number | null,
): Promise<void> {
  const hotline = new HotlineProcess();
  const steps: MeasuredStep[] = [];
  try {
    const origin = await hotline.start(db);
    await generator.step(origin, WARM_UP.targetRps, WARM_UP.seconds);
    for (const targetRps of RATES) {
      await pause(PAUSE_BETWEEN_STEPS_MS);
      await hotline.watch();
      const { report, prefix } = await generator.step(origin, targetRps, STEP_SECONDS);
      const watched = await hotline.report(prefix);
      const { lost, extra } = compareEvents(report.calls, new Map(watched.stored));
      const { achievedRps, p99Ms, errors } = report;
      steps.push({ targetRps, achievedRps, p99Ms, errors, lostEvents: lost });
      printStep(db, targetRps, report, {
        lostEvents: lost,
        ceilingRps,
        extraEvents: extra,
        // Hotline's CPU time per request, its process's threads (GC, I/O) included.
        cpuMsPerRequest: Math.round((watched.cpuMs / report.requests) * 1000) / 1000,
        // How late Hotline's event loop ran: a long stall shows here whatever its cause.
        loopDelayP99Ms: watched.loopDelayP99Ms,
        loopDelayMaxMs: watched.loopDelayMaxMs,
      });
      if (saturated(report, targetRps)) {
        console.error(`${db}: saturated at ${targetRps} requests/s; higher targets skipped`);
        break;
      }
    }
  } finally {
    await hotline.close();
  }
  console.error(describeVerdict(db, verdictOf(steps, ceilingRps)));
}

async function main(): Promise<void> {
  setTimeout(() => {
    console.error(`the load benchmark ran past ${RUN_LIMIT_MS / 60_000} minutes; stopping`);
    process.exit(1);
  }, RUN_LIMIT_MS).unref();
  const generator = new Generator();
  try {
    const ceilingRps = MEASURE_CEILING ? await measureCeiling(generator) : null;
    for (const db of DBS) await measureHotline(generator, db, ceilingRps);
  } finally {
    await generator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
