import { SimClock } from '../core/sim-clock';
import { CallerScript } from '../calls/caller-script';
import { CallLeg } from '../calls/call-leg';
import { EndpointRegistry } from './endpoint-registry';
import { IncomingCall } from './incoming-call';

export type RingOutcome = 'answered' | 'busy' | 'no-answer' | 'canceled';

export type ScriptAttacher = (leg: CallLeg, script: CallerScript) => void;

/**
 * Rings the endpoint at a leg's `to` until it accepts, rejects, the ring timeout passes or the
 * signal aborts (caller gone, answered elsewhere). A client identity nobody registered does not
 * ring at all; an unknown number rings out.
 */
export class Ringer {
  constructor(
    private readonly endpoints: EndpointRegistry,
    private readonly clock: SimClock,
    private readonly attachScript: ScriptAttacher,
  ) {}

  async ring(
    leg: CallLeg,
    timeoutSeconds: number,
    signal: AbortSignal,
    customParameters: Record<string, string> = {},
  ): Promise<RingOutcome> {
    const endpoint = this.endpoints.get(leg.to);
    if (!endpoint && leg.to.startsWith('client:')) return 'no-answer';
    leg.setStatus('ringing');
    const stopRinging = new AbortController();
    const rangOut = this.clock
      .sleep(timeoutSeconds, AbortSignal.any([signal, stopRinging.signal]))
      .then<RingOutcome, RingOutcome>(
        () => 'no-answer',
        () => 'canceled',
      );
    if (!endpoint) return rangOut;
    const call = new IncomingCall(leg, customParameters);
    endpoint.emit('incoming', call);
    const outcome = await Promise.race([
      call.decided.then<RingOutcome>((d) => (d.kind === 'accept' ? 'answered' : 'busy')),
      rangOut,
    ]);
    stopRinging.abort();
    if (outcome !== 'answered') {
      call.cancel();
      return outcome;
    }
    const decision = await call.decided;
    if (decision.kind === 'accept' && decision.script) this.attachScript(leg, decision.script);
    return outcome;
  }
}
