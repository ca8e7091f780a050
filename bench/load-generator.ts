/**
 * The load generator of `bench/load.bench.ts`, forked into its own process so that it never
 * competes with the server under test for an event loop.
 *
 * Open loop: new calls arrive on a fixed schedule whatever the server does, and each request of a
 * call has an intended send time. A call's next request cannot go before the previous answer (its
 * URL comes from that TwiML), so when the server falls behind the request leaves late, and its
 * latency is measured from the intended time, not from when it left: a slow server is charged for
 * the wait it caused (no coordinated omission).
 */
import { performance } from 'node:perf_hooks';
import { getExpectedTwilioSignature } from 'twilio';
import { ConnectionPool } from './load-connections';
import {
  callScript,
  callSidOf,
  CallRequest,
  followLinks,
  REQUESTS_PER_CALL,
  TwimlLinks,
} from './load-call-script';
import { DrivenCall, GeneratorOrder, StepOrder, StepReport } from './load-protocol';

/** Time between two requests of a call: the call lasts about a second, all of it inside the step. */
const REQUEST_GAP_MS = 100;
/** Twilio gives up on a webhook after 15 s. */
const REQUEST_TIMEOUT_MS = 15_000;
/** A step that cannot finish its schedule this long after the last intended request is cut short. */
const DEADLINE_GRACE_MS = 20_000;
const MAX_SOCKETS = 512;
const START_DELAY_MS = 200;
/** A call is set up this long before it arrives, so that no step starts by building all of its calls at once. */
const LAUNCH_LEAD_MS = 50;

/**
 * Kept-alive connections carry over from one step to the next, as Twilio keeps its connections to
 * a busy server open: a step does not open hundreds of connections in its first second. One pool
 * per server: the bare server and each Hotline listen on origins of their own.
 */
const pools = new Map<string, ConnectionPool>();

function poolOf(origin: string): ConnectionPool {
  let pool = pools.get(origin);
  if (!pool) {
    pool = new ConnectionPool(new URL(origin), MAX_SOCKETS, REQUEST_TIMEOUT_MS);
    pools.set(origin, pool);
  }
  return pool;
}

/** Resolves at `time` or just after, never before: a timer may fire early by the event loop's stale clock. */
async function sleepUntil(time: number): Promise<void> {
  for (let wait = time - performance.now(); wait > 0; wait = time - performance.now()) {
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

const round = (value: number) => Math.round(value * 100) / 100;

interface CallProgress extends DrivenCall {
  sent: number;
  inFlight: boolean;
  done: boolean;
}

/** One step of the ladder: a fixed schedule of calls, driven until done or cut at the deadline. */
class Step {
  private readonly latencies: number[] = [];
  private readonly errorKinds: Record<string, number> = {};
  private readonly calls: CallProgress[] = [];
  private readonly start = performance.now() + START_DELAY_MS;
  private callCount = 0;
  private requests = 0;
  private answered = 0;
  private succeeded = 0;
  private lastSuccessAt = this.start;
  private closed = false;

  constructor(private readonly order: StepOrder) {}

  async run(): Promise<StepReport> {
    const { targetRps, seconds } = this.order;
    this.callCount = Math.max(1, Math.round((targetRps * seconds) / REQUESTS_PER_CALL));
    let deadline: NodeJS.Timeout | undefined;
    const deadlinePassed = new Promise<void>((resolve) => {
      deadline = setTimeout(resolve, this.start + seconds * 1000 + DEADLINE_GRACE_MS - performance.now());
    });
    await Promise.race([this.launchAll(), deadlinePassed]);
    clearTimeout(deadline);
    this.close();
    return this.report();
  }

  /** Starts each call just before it arrives; resolves when every call is done. */
  private async launchAll(): Promise<void> {
    // Calls arrive evenly over the step less one call's length, so that every intended request
    // falls inside the step: the mean intended rate over the step is exactly the target.
    const arrivalSpan = this.order.seconds * 1000 - (REQUESTS_PER_CALL - 1) * REQUEST_GAP_MS;
    const chains: Promise<void>[] = [];
    for (let index = 0; index < this.callCount; index++) {
      const arrival = this.start + (index * arrivalSpan) / this.callCount;
      await sleepUntil(arrival - LAUNCH_LEAD_MS);
      if (this.closed) return;
      chains.push(this.drive(index, arrival));
    }
    await Promise.all(chains);
  }

  private async drive(index: number, arrival: number): Promise<void> {
    const callSid = callSidOf(this.order.callSidPrefix, index);
    const call: CallProgress = {
      callSid,
      expectedEvents: 0,
      failed: false,
      sent: 0,
      inFlight: false,
      done: false,
    };
    this.calls.push(call);
    const links: TwimlLinks = {};
    const script = callScript(callSid, this.order.account.accountSid, index);
    for (const [position, step] of script.entries()) {
      const intended = arrival + position * REQUEST_GAP_MS;
      await sleepUntil(intended);
      if (this.closed) return;
      const path = 'path' in step.target ? step.target.path : links[step.target.link];
      if (path === undefined) return this.fail(call, 'no-link');
      if (step.names) delete links[step.names];
      call.sent++;
      call.inFlight = true;
      this.requests++;
      const problem = await this.send(path, step, links);
      if (this.closed) return;
      call.inFlight = false;
      this.latencies.push(performance.now() - intended);
      if (problem) return this.fail(call, problem);
      this.succeeded++;
      this.lastSuccessAt = performance.now();
      call.expectedEvents += step.events;
    }
    call.done = true;
  }

  /** Sends one signed request; what went wrong with it, or null. */
  private async send(path: string, step: CallRequest, links: TwimlLinks): Promise<string | null> {
    const { account } = this.order;
    const signature = getExpectedTwilioSignature(
      account.authToken,
      account.publicBaseUrl + path,
      step.params,
    );
    const body = new URLSearchParams(step.params).toString();
    try {
      const answer = await poolOf(this.order.origin).post(path, body, {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': signature,
        'User-Agent': 'TwilioProxy/1.1',
      });
      this.answered++;
      if (answer.status !== step.status) return `http-${answer.status}`;
      if (step.status === 200) followLinks(links, answer.body, account.publicBaseUrl);
      if (step.names && links[step.names] === undefined) return `no-${step.names}`;
      return null;
    } catch (error) {
      const kind = error instanceof Error ? error.message : '';
      // Anything else is an answer the generator could not read.
      return kind === 'timeout' || kind === 'network' ? kind : 'unreadable';
    }
  }

  private fail(call: CallProgress, kind: string, count = 1): void {
    call.failed = true;
    call.done = true;
    this.errorKinds[kind] = (this.errorKinds[kind] ?? 0) + count;
  }

  /**
   * Cuts the step at its deadline: a request still in flight has failed, and so has every request
   * of the schedule not yet sent (Twilio would have sent it and given up on the answer). The
   * connections of a step cut short are closed, so that no late answer reaches the next step.
   */
  private close(): void {
    this.closed = true;
    let cut = false;
    for (const call of this.calls) {
      if (call.done) continue;
      cut = true;
      if (call.inFlight) this.fail(call, 'unfinished');
      if (call.sent < REQUESTS_PER_CALL) this.fail(call, 'unsent', REQUESTS_PER_CALL - call.sent);
    }
    const unlaunched = this.callCount - this.calls.length;
    if (unlaunched > 0)
      this.errorKinds.unsent = (this.errorKinds.unsent ?? 0) + unlaunched * REQUESTS_PER_CALL;
    if (cut || unlaunched > 0) {
      pools.get(this.order.origin)?.close();
      pools.delete(this.order.origin);
    }
  }

  private report(): StepReport {
    const sorted = Float64Array.from(this.latencies).sort();
    return {
      type: 'report',
      requests: this.requests,
      answered: this.answered,
      errors: Object.values(this.errorKinds).reduce((sum, count) => sum + count, 0),
      errorKinds: this.errorKinds,
      achievedRps: Math.round((this.succeeded * 1000) / Math.max(1, this.lastSuccessAt - this.start)),
      p50Ms: round(percentile(sorted, 0.5)),
      p90Ms: round(percentile(sorted, 0.9)),
      p99Ms: round(percentile(sorted, 0.99)),
      maxMs: round(sorted.length > 0 ? sorted[sorted.length - 1] : 0),
      calls: this.calls.map(({ callSid, expectedEvents, failed }) => ({ callSid, expectedEvents, failed })),
    };
  }
}

process.on('message', (order: GeneratorOrder) => {
  if (order.type === 'exit') {
    for (const pool of pools.values()) pool.close();
    process.disconnect();
    return;
  }
  void new Step(order).run().then((report) => process.send?.(report));
});
