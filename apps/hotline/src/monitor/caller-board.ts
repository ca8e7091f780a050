import type { AnyCallEvent, WaitingCallerView } from '@hotline/contracts';
import { maskPhone } from '../shared/phone-mask';

interface OpenCall {
  number: string;
  tier: string;
  /** The queue the call is in or was last in, so that later events (wrap-up) reach its tile. */
  queue: string | null;
  answered: boolean;
  completed: boolean;
}

interface WaitingCaller {
  queue: string;
  tier: string;
  vip: boolean;
  enteredAt: number;
}

const QUEUE_EXITS = new Set<AnyCallEvent['type']>([
  'queue.answered',
  'queue.abandoned',
  'queue.routed-elsewhere',
  'queue.callback-requested',
]);

/**
 * The individual callers a wallboard shows, which the aggregate figures do not keep: VIPs waiting
 * (with their number masked) and the tier of each agent's caller. Only open calls are kept.
 */
export class CallerBoard {
  private readonly calls = new Map<string, OpenCall>();
  private readonly waiting = new Map<string, WaitingCaller>();

  constructor(private readonly vipTiers: ReadonlySet<string>) {}

  /** Records the event; returns the queues whose tiles it changes. */
  apply(event: AnyCallEvent): string[] {
    const call = this.calls.get(event.callSid);
    const touched = new Set<string>();
    if ('queue' in event.data) touched.add(event.data.queue);
    switch (event.type) {
      case 'call.received':
        this.calls.set(event.callSid, {
          number: maskPhone(event.data.from),
          tier: event.data.tier,
          queue: null,
          answered: false,
          completed: false,
        });
        break;
      case 'queue.entered': {
        const left = this.waiting.get(event.callSid);
        if (left) touched.add(left.queue);
        const { queue, tier, headStartSeconds } = event.data;
        const vip = headStartSeconds > 0 || this.vipTiers.has(tier);
        this.waiting.set(event.callSid, { queue, tier, vip, enteredAt: event.at });
        if (call) Object.assign(call, { tier, queue });
        break;
      }
      case 'call.wrapup-started':
      case 'call.wrapup-ended':
        if (call?.queue) touched.add(call.queue);
        if (event.type === 'call.wrapup-ended' && call?.completed) this.calls.delete(event.callSid);
        break;
      case 'call.completed': {
        const left = this.waiting.get(event.callSid);
        if (left) touched.add(left.queue);
        this.waiting.delete(event.callSid);
        // An answered call stays until its wrap-up ends, which may come after the hang-up.
        if (call && !call.answered) this.calls.delete(event.callSid);
        else if (call) call.completed = true;
        break;
      }
      default:
        if (QUEUE_EXITS.has(event.type)) {
          this.waiting.delete(event.callSid);
          if (call && 'queue' in event.data) call.queue = event.data.queue;
          if (call && event.type === 'queue.answered') call.answered = true;
        }
    }
    return [...touched];
  }

  /** VIP callers waiting in the queue, longest waiting first. */
  vipCallersIn(queue: string, now: number): WaitingCallerView[] {
    const callers: WaitingCallerView[] = [];
    for (const [callSid, caller] of this.waiting) {
      if (caller.queue !== queue || !caller.vip) continue;
      callers.push({
        callSid,
        number: this.calls.get(callSid)?.number ?? maskPhone(''),
        tier: caller.tier,
        enteredAt: caller.enteredAt,
        waitSeconds: Math.max(0, (now - caller.enteredAt) / 1000),
      });
    }
    return callers.sort((a, b) => a.enteredAt - b.enteredAt || a.callSid.localeCompare(b.callSid));
  }

  tierOf(callSid: string | null): string | null {
    return callSid === null ? null : (this.calls.get(callSid)?.tier ?? null);
  }
}
