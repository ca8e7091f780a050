import { EventEmitter } from 'node:events';
import { deferred } from '../core/aborts';
import { CallerScript } from '../calls/caller-script';
import { CallLeg } from '../calls/call-leg';

export type IncomingCallDecision = { kind: 'accept'; script?: CallerScript } | { kind: 'reject' };

export type IncomingCallState = 'ringing' | 'ignored' | 'accepted' | 'rejected' | 'canceled' | 'ended';

export interface IncomingCallEvents {
  /** The call stopped ringing before it was accepted (caller gave up, timeout, answered elsewhere). */
  cancel: [];
  /** The call ended after it was accepted. */
  disconnect: [];
  mute: [boolean];
}

/**
 * A call ringing at an endpoint, shaped after the Voice SDK's Call: accept, reject, ignore,
 * disconnect, mute. The person accepting may bring a CallerScript to answer TwiML (an outbound
 * call's Gathers); an agent joining a room needs none.
 */
export class IncomingCall extends EventEmitter<IncomingCallEvents> {
  state: IncomingCallState = 'ringing';
  muted = false;
  private readonly decision = deferred<IncomingCallDecision>();

  constructor(
    private readonly leg: CallLeg,
    readonly customParameters: Record<string, string>,
  ) {
    super();
    leg.once('ended', () => {
      if (this.state === 'accepted') {
        this.state = 'ended';
        this.emit('disconnect');
      }
    });
  }

  get callSid(): string {
    return this.leg.sid;
  }

  get from(): string {
    return this.leg.from;
  }

  get to(): string {
    return this.leg.to;
  }

  get parentCallSid(): string | undefined {
    return this.leg.parentCallSid;
  }

  get decided(): Promise<IncomingCallDecision> {
    return this.decision.promise;
  }

  accept(script?: CallerScript): void {
    if (!this.isRinging()) return;
    this.state = 'accepted';
    this.decision.resolve({ kind: 'accept', script });
  }

  reject(): void {
    if (!this.isRinging()) return;
    this.state = 'rejected';
    this.decision.resolve({ kind: 'reject' });
  }

  /** Stops ringing here only; the caller keeps hearing ringback until the ring timeout. */
  ignore(): void {
    if (this.state === 'ringing') this.state = 'ignored';
  }

  /** Ends an accepted call; on a ringing call it is a reject, as in the Voice SDK. */
  disconnect(): void {
    if (this.state === 'accepted') this.leg.hangUp('callee');
    else this.reject();
  }

  /** Mutes the local microphone; the room's participant flag is unchanged. */
  mute(muted = true): void {
    if (this.muted === muted) return;
    this.muted = muted;
    this.emit('mute', muted);
  }

  cancel(): void {
    if (!this.isRinging()) return;
    this.state = 'canceled';
    this.emit('cancel');
  }

  private isRinging(): boolean {
    return this.state === 'ringing' || this.state === 'ignored';
  }
}
