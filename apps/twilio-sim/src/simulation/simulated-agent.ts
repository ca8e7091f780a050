import { AGENT_EVENTS, AGENT_NAMESPACE, AgentOfferPayload, AgentStatePayload } from '@hotline/contracts';
import { io, Socket } from 'socket.io-client';
import { SimClock } from '../core/sim-clock';
import { HotlineClient, HotlineRequestError } from './hotline-client';
import { around, exponential, RandomSource } from './random-source';
import { SoftphoneLine } from './softphone-line';

/** How simulated agents work; seconds are simulated (the stand-in's time scale applies). */
export interface AgentBehaviour {
  /** Mean seconds the softphone rings before the agent picks up (uniform, ±50 %). */
  ringDelaySeconds: number;
  /** Share of offers the agent lets ring out: Hotline then offers the caller to someone else. */
  missRate: number;
  /** Mean seconds an agent talks before hanging up (exponential). */
  talkSeconds: number;
  /** Mean seconds of after-call work before the disposition (uniform, ±50 %). */
  wrapUpSeconds: number;
  /** Share of calls the agent records as resolved. */
  resolvedShare: number;
  /** Share of hang-ups done on the softphone; the others through `POST /api/agents/me/call/hangup`. */
  softphoneHangUpShare: number;
  /** Seconds an agent paused by Hotline (missed offers) stays away before going available again. */
  pauseSeconds: number;
}

/** What the simulated agents report back to whoever runs them. */
export interface AgentObserver {
  /** A call was disposed: handle time is from pick-up to disposition (talk, hold and wrap-up). */
  handled(callSid: string, agent: string, handleSeconds: number): void;
  missed(agent: string): void;
  failed(agent: string, problem: string): void;
}

export interface AgentAccount {
  username: string;
  password: string;
}

const FIRST_STATE_TIMEOUT_MS = 10_000;

/**
 * One simulated agent, doing what a person does on the agent desktop: signs in through Hotline's
 * REST, opens the `/agent` socket with the bearer token, goes available, answers the softphone
 * (registered at the stand-in) after a ring delay or lets it ring out, talks, hangs up first,
 * and ends wrap-up with a disposition.
 */
export class SimulatedAgent {
  private readonly stopped = new AbortController();
  private client?: HotlineClient;
  private desk?: Socket;
  private phone?: SoftphoneLine;
  /** Per softphone call: aborted when it stops ringing or ends (events of an earlier call may come late). */
  private readonly lines = new Map<string, AbortController>();
  private acceptedAt?: number;
  private readonly reasons = new Map<string, Promise<string | undefined>>();

  constructor(
    readonly account: AgentAccount,
    private readonly urls: { hotline: string; standIn: string },
    private readonly behaviour: AgentBehaviour,
    private readonly clock: SimClock,
    private readonly random: RandomSource,
    private readonly observer: AgentObserver,
  ) {}

  get username(): string {
    return this.account.username;
  }

  async start(): Promise<void> {
    const client = await HotlineClient.signIn(this.urls.hotline, this.username, this.account.password);
    this.client = client;
    const phone = await SoftphoneLine.register(this.urls.standIn, this.username);
    this.phone = phone;
    phone.on('incoming', (callSid) => this.act(() => this.pickUp(callSid)));
    const lineGone = (callSid: string) => {
      this.lines.get(callSid)?.abort();
      this.lines.delete(callSid);
    };
    phone.on('cancel', lineGone);
    phone.on('disconnected', lineGone);
    const desk = io(this.urls.hotline + AGENT_NAMESPACE, {
      // A function, so that a reconnection after the token expired signs in with a fresh one.
      auth: (send) => void client.accessToken().then((token) => send({ token })),
      transports: ['websocket'],
    });
    this.desk = desk;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.username}: no agent state`)),
        FIRST_STATE_TIMEOUT_MS,
      );
      desk.once(AGENT_EVENTS.state, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    desk.on(AGENT_EVENTS.state, (state: AgentStatePayload) => this.stateChanged(state));
    desk.on(AGENT_EVENTS.offer, (offer: AgentOfferPayload) => this.screenPop(offer));
    await client.request('POST', '/api/agents/me/state', { state: 'available' });
  }

  /** Signs out (when Hotline still answers) and closes the desktop and the softphone. */
  async stop(): Promise<void> {
    this.stopped.abort(new Error('agent stopped'));
    await this.client?.request('POST', '/api/agents/me/state', { state: 'offline' }).catch(() => undefined);
    this.desk?.close();
    this.phone?.close();
  }

  private async pickUp(callSid: string): Promise<void> {
    if (this.random() < this.behaviour.missRate) {
      this.phone?.ignore(callSid);
      this.observer.missed(this.username);
      return;
    }
    const line = new AbortController();
    this.lines.set(callSid, line);
    if (!(await this.wait(around(this.random, this.behaviour.ringDelaySeconds), line))) return;
    this.phone?.accept(callSid);
    this.acceptedAt = this.clock.nowMs();
    // The caller hanging up first ends the talk early; the agent then has nothing to hang up.
    if (!(await this.wait(exponential(this.random, this.behaviour.talkSeconds), line))) return;
    if (this.random() < this.behaviour.softphoneHangUpShare) this.phone?.hangUp(callSid);
    else await this.hangUpOnDesk(callSid);
  }

  /**
   * Hangs up with the desktop's button (`POST /api/agents/me/call/hangup`). A short call can end
   * before Hotline has heard that it was answered; Hotline then knows of no call to hang up, and
   * the agent hangs up on the softphone instead, as a person would.
   */
  private async hangUpOnDesk(callSid: string): Promise<void> {
    try {
      await this.client!.request('POST', '/api/agents/me/call/hangup');
    } catch (error) {
      if (!(error instanceof HotlineRequestError && error.code === 'AGENT.NO_CALL')) throw error;
      this.phone?.hangUp(callSid);
    }
  }

  private stateChanged(state: AgentStatePayload): void {
    if (this.stopped.signal.aborted) return;
    if (state.state === 'wrap-up' && state.callSid) {
      const callSid = state.callSid;
      this.act(() => this.dispose(callSid));
    }
    // Simulated agents never step away themselves: an away is Hotline pausing them after missed offers.
    if (state.state === 'away') this.act(() => this.resumeAfterPause());
  }

  /** The offer's screen pop: the reason the caller gave at the IVR, confirmed in the disposition. */
  private screenPop(offer: AgentOfferPayload): void {
    const reason = this.client!.request<{ reason: string | null }>('GET', offer.profileUrl).then(
      (profile) => profile.reason ?? undefined,
      () => undefined,
    );
    this.reasons.set(offer.callSid, reason);
  }

  private async dispose(callSid: string): Promise<void> {
    if (!(await this.wait(around(this.random, this.behaviour.wrapUpSeconds)))) return;
    const reason = await this.reasons.get(callSid);
    this.reasons.clear();
    const body = {
      resolved: this.random() < this.behaviour.resolvedShare,
      ...(reason ? { reason } : {}),
      notes: 'Simulated call',
      followUp: false,
    };
    await this.tolerate('DISPOSITION.ALREADY_RECORDED', () =>
      this.client!.request('POST', `/api/calls/${callSid}/disposition`, body),
    );
    const handleSeconds = this.acceptedAt === undefined ? 0 : (this.clock.nowMs() - this.acceptedAt) / 1000;
    this.acceptedAt = undefined;
    this.observer.handled(callSid, this.username, handleSeconds);
  }

  private async resumeAfterPause(): Promise<void> {
    if (!(await this.wait(this.behaviour.pauseSeconds))) return;
    await this.client!.request('POST', '/api/agents/me/state', { state: 'available' });
  }

  /** Sleeps simulated seconds; false when cut short (by `interrupt`, or the agent stopping). */
  private async wait(seconds: number, interrupt?: AbortController): Promise<boolean> {
    const signal = interrupt ? AbortSignal.any([interrupt.signal, this.stopped.signal]) : this.stopped.signal;
    try {
      await this.clock.sleep(seconds, signal);
      return true;
    } catch {
      return false;
    }
  }

  private async tolerate(code: string, request: () => Promise<unknown>): Promise<void> {
    try {
      await request();
    } catch (error) {
      if (!(error instanceof HotlineRequestError && error.code === code)) throw error;
    }
  }

  /** Runs one of the agent's reactions; a failure is reported, never thrown into an event emitter. */
  private act(work: () => Promise<void>): void {
    work().catch((error: unknown) => {
      if (this.stopped.signal.aborted) return;
      this.observer.failed(this.username, error instanceof Error ? error.message : String(error));
    });
  }
}
