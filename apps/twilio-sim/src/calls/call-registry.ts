import { newSid } from '../core/sid';
import { SimClock } from '../core/sim-clock';
import { CallLeg, CallLegInit } from './call-leg';
import { CallStatusNotifier } from './call-status-notifier';

/** Every call leg the stand-in has seen, live or ended. */
export class CallRegistry {
  private readonly legs = new Map<string, CallLeg>();

  constructor(
    private readonly clock: SimClock,
    private readonly notifier: CallStatusNotifier,
  ) {}

  create(init: Omit<CallLegInit, 'sid'>): CallLeg {
    const leg = new CallLeg({ ...init, sid: newSid('CA') }, this.clock);
    this.legs.set(leg.sid, leg);
    this.notifier.watch(leg);
    return leg;
  }

  get(sid: string): CallLeg | undefined {
    return this.legs.get(sid);
  }

  list(): CallLeg[] {
    return [...this.legs.values()];
  }

  active(): CallLeg[] {
    return this.list().filter((leg) => !leg.isEnded);
  }
}
