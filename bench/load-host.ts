/**
 * Hosts Hotline under test in a process of its own, so that each database's run starts from a
 * fresh heap and fresh JIT state, as a deployed Hotline would: a second Hotline booted in a
 * process that already ran one shows tail latencies the first never had. Driven by the load
 * benchmark over IPC (HostOrder in, HostReply out).
 */
import { IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { HostOrder, HostReply, HostStepReport } from './load-protocol';
import { LoadTarget, startHotline } from './load-targets';

/** The event loop is sampled by a timer of this period; the histogram holds whole periods. */
const LOOP_SAMPLE_MS = 10;
/** How late a sampling timer ran, in ms, from one period of the histogram (ns). */
const lateness = (periodNs: number) => Math.max(0, Math.round(periodNs / 1e4 - LOOP_SAMPLE_MS * 100) / 100);

let target: LoadTarget | undefined;
let watched: { cpu: NodeJS.CpuUsage; loopDelay: IntervalHistogram } | undefined;

async function report(callSidPrefix: string): Promise<HostStepReport> {
  if (!target || !watched) throw new Error('report asked before start and watch');
  const { cpu, loopDelay } = watched;
  loopDelay.disable();
  const used = process.cpuUsage(cpu);
  watched = undefined;
  const stored = (await target.storedEvents(callSidPrefix)) ?? new Map<string, number>();
  return {
    type: 'step',
    cpuMs: (used.user + used.system) / 1000,
    loopDelayP99Ms: lateness(loopDelay.percentile(99)),
    loopDelayMaxMs: lateness(loopDelay.max),
    stored: [...stored],
  };
}

async function carryOut(order: HostOrder): Promise<HostReply> {
  switch (order.type) {
    case 'start':
      target = await startHotline(order.db, order);
      return { type: 'started', origin: target.origin, server: target.server };
    case 'watch': {
      const loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
      loopDelay.enable();
      watched = { cpu: process.cpuUsage(), loopDelay };
      return { type: 'watching' };
    }
    case 'report':
      return report(order.callSidPrefix);
    case 'close':
      await target?.close();
      return { type: 'closed' };
  }
}

process.on('message', (order: HostOrder) => {
  carryOut(order).then(
    (reply) => {
      process.send?.(reply);
      if (reply.type === 'closed') process.disconnect();
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
