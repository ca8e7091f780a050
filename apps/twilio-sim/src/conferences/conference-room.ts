import { SimClock } from '../core/sim-clock';
import { CallLeg } from '../calls/call-leg';
import { ConferenceCallbackConfig, ConferenceNotifier } from './conference-notifier';
import { DepartureReason, Participant, ParticipantSettings } from './participant';

export type ConferenceStatus = 'init' | 'in-progress' | 'completed';

export type ConferenceEndReason =
  | 'conference-ended-via-api'
  | 'participant-with-end-conference-on-exit-left'
  | 'participant-with-end-conference-on-exit-kicked'
  | 'last-participant-kicked'
  | 'last-participant-left';

export const MAX_PARTICIPANTS = 250;

export type ParticipantChanges = Partial<
  Pick<ParticipantSettings, 'muted' | 'hold' | 'coaching' | 'callSidToCoach'>
> &
  Pick<Partial<ParticipantSettings>, 'holdUrl' | 'holdMethod' | 'endConferenceOnExit'>;

/**
 * A conference room. Audio is mixed once it has started: when at least two participants are in and
 * one of them has startConferenceOnEnter; until then everyone hears the wait music. It ends when a
 * participant with endConferenceOnExit leaves, when the last one leaves, or through the API.
 */
export class ConferenceRoom {
  status: ConferenceStatus = 'init';
  readonly createdAt: Date;
  updatedAt: Date;
  reasonEnded?: ConferenceEndReason;
  callSidEndingConference?: string;
  statusCallback?: ConferenceCallbackConfig;
  /** Everyone who was ever in the room or invited to it, for the stand-in's own view. */
  readonly history: Participant[] = [];
  private readonly current = new Map<string, Participant>();

  constructor(
    readonly sid: string,
    readonly friendlyName: string,
    readonly accountSid: string,
    private readonly clock: SimClock,
    private readonly notifier: ConferenceNotifier,
  ) {
    this.createdAt = clock.now();
    this.updatedAt = this.createdAt;
  }

  get isStarted(): boolean {
    return this.status === 'in-progress';
  }

  get isEnded(): boolean {
    return this.status === 'completed';
  }

  participants(): Participant[] {
    return [...this.current.values()];
  }

  find(callSidOrLabel: string): Participant | undefined {
    return (
      this.current.get(callSidOrLabel) ?? this.participants().find((p) => p.settings.label === callSidOrLabel)
    );
  }

  isFull(): boolean {
    return this.current.size >= MAX_PARTICIPANTS;
  }

  /** A participant being called through the REST API: listed while it rings, in the room once answered. */
  invite(leg: CallLeg, settings: ParticipantSettings): Participant {
    const participant = new Participant(leg, settings, this.clock.now());
    this.current.set(leg.sid, participant);
    this.history.push(participant);
    return participant;
  }

  join(participant: Participant, callback?: ConferenceCallbackConfig): void {
    if (!this.history.includes(participant)) this.history.push(participant);
    this.current.set(participant.callSid, participant);
    if (!this.statusCallback && callback) this.statusCallback = callback;
    participant.status = 'connected';
    participant.joinedAt = this.clock.now();
    this.touch(participant);
    participant.leg.record({
      type: 'conference-joined',
      conference: this.friendlyName,
      conferenceSid: this.sid,
      label: participant.settings.label,
    });
    this.notifier.send(this.statusCallback, 'participant-join', participant);
    const connected = this.connected();
    if (
      !this.isStarted &&
      connected.length >= 2 &&
      connected.some((p) => p.settings.startConferenceOnEnter)
    ) {
      this.status = 'in-progress';
      this.notifier.send(this.statusCallback, 'conference-start', participant);
      for (const p of connected) p.emit('changed');
    }
    this.mix();
    if (!this.isStarted || connected.length === 1) participant.leg.markWaiting();
  }

  /** Removes a participant; `kicked` (REST delete) and `hangup` decide how the room ends, if it does. */
  leave(participant: Participant, reason: DepartureReason): void {
    if (!this.current.has(participant.callSid)) return;
    this.current.delete(participant.callSid);
    const wasIn = participant.status === 'connected';
    participant.status = 'complete';
    participant.leftAt = this.clock.now();
    this.touch(participant);
    for (const peer of participant.leg.connectedPeers()) participant.leg.disconnect(peer);
    participant.markDeparted(reason);
    if (!wasIn) return;
    participant.leg.record({
      type: 'conference-left',
      conference: this.friendlyName,
      conferenceSid: this.sid,
      reason,
    });
    this.notifier.send(this.statusCallback, 'participant-leave', participant);
    if (this.isEnded) return;
    const kicked = reason === 'kicked';
    if (participant.settings.endConferenceOnExit && this.isStarted) {
      this.end(
        kicked
          ? 'participant-with-end-conference-on-exit-kicked'
          : 'participant-with-end-conference-on-exit-left',
        participant.callSid,
      );
    } else if (this.connected().length === 0) {
      this.end(kicked ? 'last-participant-kicked' : 'last-participant-left', participant.callSid);
    } else {
      this.mix();
    }
  }

  update(participant: Participant, changes: ParticipantChanges): void {
    const before = { ...participant.settings };
    participant.settings = { ...participant.settings, ...changes };
    if (changes.coaching === false) participant.settings.callSidToCoach = undefined;
    this.touch(participant);
    const after = participant.settings;
    const { muted, hold, coaching } = after;
    participant.leg.record({ type: 'participant-updated', muted, hold, coaching });
    if (before.muted !== after.muted) {
      this.notifier.send(
        this.statusCallback,
        after.muted ? 'participant-mute' : 'participant-unmute',
        participant,
      );
    }
    if (before.hold !== after.hold) {
      this.notifier.send(
        this.statusCallback,
        after.hold ? 'participant-hold' : 'participant-unhold',
        participant,
      );
    }
    if (before.coaching !== after.coaching || before.callSidToCoach !== after.callSidToCoach) {
      this.notifier.send(this.statusCallback, 'participant-modify', participant);
    }
    participant.emit('changed');
    this.mix();
  }

  end(reason: ConferenceEndReason, callSid?: string): void {
    if (this.isEnded) return;
    this.status = 'completed';
    this.reasonEnded = reason;
    this.callSidEndingConference = callSid;
    this.updatedAt = this.clock.now();
    for (const participant of this.participants()) this.leave(participant, 'conference-ended');
    const extra: Record<string, string> = { ReasonConferenceEnded: reason };
    if (callSid) extra.CallSidEndingConference = callSid;
    this.notifier.send(this.statusCallback, 'conference-end', undefined, extra);
  }

  announced(): void {
    this.notifier.send(this.statusCallback, 'announcement-end');
  }

  private connected(): Participant[] {
    return this.participants().filter((p) => p.status === 'connected');
  }

  /**
   * Who hears whom: everyone in a started room who is not on hold, except that a coach is heard
   * only by the participant they coach.
   */
  private mix(): void {
    const audible = this.isStarted ? this.connected().filter((p) => !p.settings.hold) : [];
    for (const a of this.connected()) {
      for (const b of this.connected()) {
        if (a === b) continue;
        const hears = audible.includes(a) && audible.includes(b) && this.canTalk(a, b);
        if (hears) a.leg.connect(b.leg, 'conference');
        else if (a.leg.connectedPeers().includes(b.leg)) a.leg.disconnect(b.leg);
      }
    }
  }

  private canTalk(a: Participant, b: Participant): boolean {
    const coaches = (coach: Participant, other: Participant) =>
      coach.settings.coaching && coach.settings.callSidToCoach !== other.callSid;
    return !coaches(a, b) && !coaches(b, a);
  }

  private touch(participant: Participant): void {
    participant.updatedAt = this.clock.now();
    this.updatedAt = participant.updatedAt;
  }
}
