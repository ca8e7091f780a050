import { EventEmitter } from 'node:events';
import { SimClock } from '../core/sim-clock';
import { HttpMethod } from '../webhooks/webhook-client';
import { Party, SILENT_PARTY } from './caller-script';
import {
  CallDirection,
  CallEvent,
  CallStatus,
  HangupCause,
  TerminalStatus,
  TimelineEntry,
} from './call-timeline';
import { DocumentSource } from './document-source';

export type StatusCallbackEvent = 'initiated' | 'ringing' | 'answered' | 'completed';

export interface StatusCallbackConfig {
  url: string;
  method: HttpMethod;
  events: ReadonlySet<StatusCallbackEvent>;
}

export interface CallLegInit {
  sid: string;
  accountSid: string;
  from: string;
  to: string;
  direction: CallDirection;
  status: CallStatus;
  parentCallSid?: string;
  phoneNumberSid?: string;
  statusCallback?: StatusCallbackConfig;
}

interface Peer {
  leg: CallLeg;
  via: 'dial' | 'conference';
  since: Date;
}

export interface CallLegEvents {
  status: [CallStatus];
  connected: [];
  waiting: [];
  redirected: [];
  ended: [];
}

const TERMINAL: readonly CallStatus[] = ['completed', 'busy', 'failed', 'no-answer', 'canceled'];

/**
 * One call leg as Twilio tracks it: status, timestamps and what the person on it lived. Its
 * lifetime signal aborts when the call ends; its document scope aborts when the call is
 * redirected (REST update, dequeue), so whatever the current TwiML was doing stops at once.
 */
export class CallLeg extends EventEmitter<CallLegEvents> {
  readonly sid: string;
  readonly accountSid: string;
  readonly from: string;
  readonly to: string;
  readonly direction: CallDirection;
  readonly parentCallSid?: string;
  readonly phoneNumberSid?: string;
  readonly createdAt: Date;
  readonly timeline: TimelineEntry[] = [];
  statusCallback?: StatusCallbackConfig;
  party: Party = SILENT_PARTY;
  status: CallStatus;
  updatedAt: Date;
  answeredAt?: Date;
  endedAt?: Date;
  endedBy?: HangupCause;
  gathersAsked = 0;
  private readonly lifetime = new AbortController();
  private documentScope?: AbortController;
  private pendingRedirect?: DocumentSource;
  private readonly peers = new Map<string, Peer>();
  private readonly endedPromise: Promise<void>;

  constructor(
    init: CallLegInit,
    private readonly clock: SimClock,
  ) {
    super();
    this.sid = init.sid;
    this.accountSid = init.accountSid;
    this.from = init.from;
    this.to = init.to;
    this.direction = init.direction;
    this.parentCallSid = init.parentCallSid;
    this.phoneNumberSid = init.phoneNumberSid;
    this.statusCallback = init.statusCallback;
    this.status = init.status;
    this.createdAt = clock.now();
    this.updatedAt = this.createdAt;
    this.endedPromise = new Promise((resolve) => this.once('ended', resolve));
  }

  get isEnded(): boolean {
    return TERMINAL.includes(this.status);
  }

  get isAnswered(): boolean {
    return this.answeredAt !== undefined;
  }

  /** Aborts when the call ends. */
  get signal(): AbortSignal {
    return this.lifetime.signal;
  }

  get ended(): Promise<void> {
    return this.endedPromise;
  }

  get isConnected(): boolean {
    return this.peers.size > 0;
  }

  record(event: CallEvent): void {
    this.timeline.push({ ...event, at: this.clock.now() });
  }

  setStatus(status: CallStatus): void {
    if (this.isEnded || this.status === status) return;
    this.status = status;
    this.updatedAt = this.clock.now();
    this.record({ type: 'status', status });
    this.emit('status', status);
  }

  answer(): void {
    if (this.isAnswered || this.isEnded) return;
    this.answeredAt = this.clock.now();
    this.setStatus('in-progress');
  }

  /** A fresh scope for the TwiML about to run; aborted by a redirect or by the end of the call. */
  openDocumentScope(): AbortSignal {
    this.documentScope = new AbortController();
    return AbortSignal.any([this.documentScope.signal, this.lifetime.signal]);
  }

  /** Interrupts whatever the call is doing; the TwiML runner continues with `source`. */
  redirect(source: DocumentSource): boolean {
    if (this.isEnded) return false;
    this.pendingRedirect = source;
    for (const peer of this.connectedPeers()) this.disconnect(peer);
    this.documentScope?.abort(new Error('redirected'));
    this.emit('redirected');
    return true;
  }

  /** True while TwiML (or a conference joined through the API) is in charge of the call. */
  get isScoped(): boolean {
    return this.documentScope !== undefined;
  }

  get hasPendingRedirect(): boolean {
    return this.pendingRedirect !== undefined;
  }

  takeRedirect(): DocumentSource | undefined {
    const source = this.pendingRedirect;
    this.pendingRedirect = undefined;
    return source;
  }

  /** Hangs up from this leg's side: a completed call once answered, canceled before. */
  hangUp(cause: HangupCause): void {
    this.end(this.isAnswered ? 'completed' : 'canceled', cause);
  }

  end(status: TerminalStatus, cause: HangupCause): void {
    if (this.isEnded) return;
    for (const peer of [...this.peers.values()]) this.disconnect(peer.leg);
    this.endedAt = this.clock.now();
    this.endedBy = cause;
    this.setStatus(status);
    this.record({ type: 'ended', status, cause });
    this.lifetime.abort(new Error(`call ended: ${cause}`));
    this.emit('ended');
  }

  durationSeconds(): number {
    if (!this.answeredAt) return 0;
    const end = this.endedAt ?? this.clock.now();
    return Math.round((end.getTime() - this.answeredAt.getTime()) / 1000);
  }

  /** Called by whoever puts the caller on hold (queue, empty conference): starts their patience. */
  markWaiting(): void {
    this.emit('waiting');
  }

  /** Both legs can hear each other from now on (a bridged Dial, or the same running conference). */
  connect(peer: CallLeg, via: 'dial' | 'conference'): void {
    this.link(peer, via);
    peer.link(this, via);
  }

  disconnect(peer: CallLeg): void {
    this.unlink(peer);
    peer.unlink(this);
  }

  connectedPeers(): CallLeg[] {
    return [...this.peers.values()].map((p) => p.leg);
  }

  private link(peer: CallLeg, via: 'dial' | 'conference'): void {
    if (this.peers.has(peer.sid) || this.isEnded) return;
    const first = this.peers.size === 0;
    this.peers.set(peer.sid, { leg: peer, via, since: this.clock.now() });
    this.record({ type: 'connected', peerCallSid: peer.sid, peer: peer.partyAddress(), via });
    if (first) this.emit('connected');
  }

  private unlink(peer: CallLeg): void {
    const link = this.peers.get(peer.sid);
    if (!link) return;
    this.peers.delete(peer.sid);
    const seconds = Math.round(this.clock.secondsSince(link.since));
    this.record({ type: 'disconnected', peerCallSid: peer.sid, peer: peer.partyAddress(), seconds });
  }

  /** The address of the person on this leg: the caller for inbound calls, the callee otherwise. */
  partyAddress(): string {
    return this.direction === 'inbound' ? this.from : this.to;
  }
}
