/**
 * Wallboard fan-out: a real Hotline (production bootstrap, SQLite in a temporary directory) with
 * 1,000 socket.io clients on /monitor, while call events are appended through the call ledger at
 * 100 a second. Measures, for every queue update every client receives, the time from the append
 * of the event it reflects (the event's time) to its arrival at the client. The clients run in a
 * child process, so the server has a core of its own. Prints one JSON line.
 *
 *   npx nest build hotline && node dist/bench/monitor.bench.js
 *
 * Load: 25 queues; every queue gets one caller a second, who enters the line (call.received +
 * queue.entered) and hangs up half a second later (queue.abandoned + call.completed): 4 events
 * per call, 100 events a second, two tile changes per queue a second. That is under the monitor's
 * limit of four updates a second per queue, so no update is held back by coalescing and every
 * tile change reaches every client as its own update (the output checks this: updatesPerClient
 * against expectedUpdatesPerClient).
 */
import type { MonitorServerToClientEvents } from '@hotline/contracts';
import { CallLedger } from '@hotline/persistence';
import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { bootstrap } from '../apps/hotline/src/bootstrap';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const QUEUES = 25;
const EVENTS_PER_SECOND = 100;
const WARM_UP_MS = 3000;
const MEASURE_MS = 20_000;
const CONNECT_BATCH = 50;
/** Steps (20 ms each) a caller waits before hanging up: half a second. */
const HOLD_STEPS = 25;
const ACCOUNT_SID = 'AC' + '1'.repeat(32);

type ToClients = { kind: 'start'; from: number; to: number };
type FromClients =
  | { kind: 'ready' }
  | {
      kind: 'result';
      latencies: { p50: number; p99: number; max: number };
      updatesPerClient: number;
      cpuPercent: number;
    };

/** Share of one core this process used over [from, to), read after `to`. */
function cpuMeter(from: number, to: number): () => number {
  let start = process.cpuUsage();
  let end = start;
  setTimeout(() => (start = process.cpuUsage()), from - Date.now());
  setTimeout(() => (end = process.cpuUsage()), to - Date.now());
  return () => Math.round(((end.user + end.system - start.user - start.system) / 1000 / (to - from)) * 100);
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Child process: opens the clients, then keeps the arrival delay of every update in the window. */
async function runClients(url: string, token: string, count: number): Promise<void> {
  const send = (message: FromClients) => process.send?.(message);
  let window = { from: Infinity, to: Infinity };
  const latencies: number[] = [];
  let updates = 0;
  const sockets: Socket<MonitorServerToClientEvents>[] = [];
  for (let first = 0; first < count; first += CONNECT_BATCH) {
    await Promise.all(
      Array.from({ length: Math.min(CONNECT_BATCH, count - first) }, () => {
        const socket: Socket<MonitorServerToClientEvents> = io(`${url}/monitor`, {
          auth: { token },
          transports: ['websocket'],
          reconnection: false,
        });
        sockets.push(socket);
        socket.on('queue', (view) => {
          const at = view.lastEventAt;
          if (at === null || at < window.from || at >= window.to) return;
          latencies.push(Date.now() - at);
          updates++;
        });
        return new Promise<void>((resolve, reject) => {
          socket.once('snapshot', () => resolve());
          socket.once('connect_error', reject);
        });
      }),
    );
  }
  process.on('message', (message: ToClients) => {
    window = { from: message.from, to: message.to };
    const cpu = cpuMeter(message.from, message.to);
    setTimeout(
      () => {
        const sorted = Float64Array.from(latencies).sort();
        send({
          kind: 'result',
          latencies: {
            p50: percentile(sorted, 0.5),
            p99: percentile(sorted, 0.99),
            max: sorted[sorted.length - 1],
          },
          updatesPerClient: updates / count,
          cpuPercent: cpu(),
        });
        for (const socket of sockets) socket.disconnect();
        process.exit(0);
      },
      message.to - Date.now() + 2000,
    );
  });
  send({ kind: 'ready' });
}

/** The repository's configuration with QUEUES queues (the four the IVR routes to, and more). */
function benchConfig(dir: string): string {
  const config = join(dir, 'config');
  mkdirSync(join(config, 'ivr'), { recursive: true });
  copyFileSync(join('config', 'tiers.yaml'), join(config, 'tiers.yaml'));
  copyFileSync(join('config', 'ivr', 'main.yaml'), join(config, 'ivr', 'main.yaml'));
  const names = ['billing', 'general', 'sales', 'support'];
  for (let i = names.length; i < QUEUES; i++) names.push(`queue-${String(i).padStart(2, '0')}`);
  const queues = names.map((name) => `  ${name}:\n    serviceLevel: { target: 0.8, thresholdSeconds: 20 }`);
  writeFileSync(join(config, 'queues.yaml'), `queues:\n${queues.join('\n')}\n`);
  return config;
}

/**
 * One caller per queue per second, on a fixed timetable of 50 steps a second: at even step 2q a
 * caller enters queue q, at odd step 2q + 25 (half a second later) that caller hangs up.
 */
async function driveCalls(
  ledger: CallLedger,
  queues: string[],
  until: number,
): Promise<{ appended: number; tileChanges: number[] }> {
  const stepsPerSecond = EVENTS_PER_SECOND / 2;
  const stepMs = 1000 / stepsPerSecond;
  const pending: Promise<unknown>[] = [];
  const tileChanges: number[] = [];
  const waiting = new Map<string, { callSid: string; queue: string; enteredAt: number }>();
  let appended = 0;
  const start = Date.now();
  for (let step = 0; Date.now() < until; step++) {
    const due = start + step * stepMs;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    const at = Date.now();
    const slot = step % stepsPerSecond;
    if (slot % 2 === 0) {
      const queue = queues[slot / 2];
      const callSid = 'CA' + step.toString(16).padStart(32, '0');
      waiting.set(queue, { callSid, queue, enteredAt: at });
      pending.push(enter(ledger, callSid, queue, at, tileChanges));
    } else {
      const queue = queues[((slot - HOLD_STEPS + stepsPerSecond) % stepsPerSecond) / 2];
      const caller = waiting.get(queue);
      if (!caller) continue;
      waiting.delete(queue);
      tileChanges.push(at);
      pending.push(abandon(ledger, caller, at));
    }
    appended += 2;
  }
  await Promise.all(pending);
  return { appended, tileChanges };
}

async function enter(
  ledger: CallLedger,
  callSid: string,
  queue: string,
  at: number,
  tileChanges: number[],
): Promise<void> {
  await ledger.open(
    {
      callSid,
      accountSid: ACCOUNT_SID,
      direction: 'inbound',
      from: '+8613800000000',
      to: '+864000000000',
      customerId: null,
      language: 'zh-CN',
      tier: 'standard',
      ivrPath: [],
      queue,
      reason: 'bench',
      agent: null,
      status: 'in-progress',
      statusSeq: 0,
      outcome: 'in-progress',
      receivedAt: at,
      queuedAt: at,
      answeredAt: null,
      endedAt: null,
    },
    {
      type: 'call.received',
      at,
      key: 'received',
      data: {
        from: '+8613800000000',
        to: '+864000000000',
        customerId: null,
        tier: 'standard',
        language: 'zh-CN',
      },
    },
  );
  // The tile changes with queue.entered, appended now that the call is on record.
  const enteredAt = Date.now();
  tileChanges.push(enteredAt);
  await ledger.record(callSid, {
    type: 'queue.entered',
    at: enteredAt,
    key: 'queue-entered',
    data: { queue, tier: 'standard', reason: 'bench', headStartSeconds: 0 },
  });
}

async function abandon(
  ledger: CallLedger,
  caller: { callSid: string; queue: string; enteredAt: number },
  at: number,
): Promise<void> {
  const waitSeconds = (at - caller.enteredAt) / 1000;
  await ledger.record(caller.callSid, {
    type: 'queue.abandoned',
    at,
    key: 'queue-exit',
    data: { queue: caller.queue, waitSeconds },
  });
  await ledger.record(
    caller.callSid,
    {
      type: 'call.completed',
      at,
      key: 'completed',
      data: { durationSeconds: waitSeconds, outcome: 'abandoned' },
    },
    { outcome: 'abandoned', endedAt: at },
  );
}

function nextMessage(child: ChildProcess, kind: FromClients['kind']): Promise<FromClients> {
  return new Promise((resolve) => {
    const listener = (message: FromClients) => {
      if (message.kind !== kind) return;
      child.off('message', listener);
      resolve(message);
    };
    child.on('message', listener);
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-bench-'));
  const app = await bootstrap({
    env: {
      DATABASE_URL: `sqlite:${join(dir, 'hotline.db')}`,
      CONFIG_DIR: benchConfig(dir),
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: 'bench-auth-token-0123456789abcdef',
      SANDBOX: 'off',
      ADMIN_USERNAME: 'bench',
      ADMIN_PASSWORD: 'bench-password-1',
      LOG_LEVEL: 'silent',
    },
  });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = await app.getUrl();
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'bench-password-1' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const child = fork(__filename, [
      'clients',
      url.replace('[::1]', '127.0.0.1'),
      accessToken,
      String(CLIENTS),
    ]);
    await nextMessage(child, 'ready');

    const ledger = app.get(CallLedger);
    const queues = (
      (await (
        await fetch(`${url}/api/monitor/queues`, { headers: { authorization: `Bearer ${accessToken}` } })
      ).json()) as {
        queues: { queue: string }[];
      }
    ).queues.map((q) => q.queue);
    const from = Date.now() + WARM_UP_MS;
    const to = from + MEASURE_MS;
    child.send({ kind: 'start', from, to } satisfies ToClients);
    const result = nextMessage(child, 'result');
    const serverCpu = cpuMeter(from, to);
    const started = Date.now();
    const { appended, tileChanges } = await driveCalls(ledger, queues, to);
    const eventsPerSec = appended / ((Date.now() - started) / 1000);
    const measured = (await result) as Extract<FromClients, { kind: 'result' }>;
    console.log(
      JSON.stringify({
        bench: 'monitor',
        clients: CLIENTS,
        eventsPerSec: Math.round(eventsPerSec),
        p50Ms: measured.latencies.p50,
        p99Ms: measured.latencies.p99,
        maxMs: measured.latencies.max,
        rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
        queues: QUEUES,
        updatesPerClient: measured.updatesPerClient,
        serverCpuPercent: serverCpu(),
        clientsCpuPercent: measured.cpuPercent,
        expectedUpdatesPerClient: tileChanges.filter((at) => at >= from && at < to).length,
      }),
    );
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'clients') {
  void runClients(process.argv[3], process.argv[4], Number(process.argv[5]));
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
