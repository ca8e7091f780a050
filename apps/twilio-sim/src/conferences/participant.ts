import { EventEmitter } from 'node:events';
import { deferred, Deferred } from '../core/aborts';
import { CallLeg } from '../calls/call-leg';
import { HttpMethod } from '../webhooks/webhook-client';

export type ParticipantStatus = 'queued' | 'connecting' | 'ringing' | 'connected' | 'complete' | 'failed';

/** Why a participant is no longer in the room. */
export type DepartureReason = 'hangup' | 'kicked' | 'conference-ended' | 'redirected' | 'not-answered';

export interface ParticipantSettings {
  label?: string;
  muted: boolean;
  hold: boolean;
  coaching: boolean;
  callSidToCoach?: string;
  startConferenceOnEnter: boolean;
  endConferenceOnExit: boolean;
  /** Music while the room has not started: undefined is Twilio's default, '' silence. */
  waitUrl?: string;
  waitMethod: HttpMethod;
  holdUrl?: string;
  holdMethod: HttpMethod;
}

export interface ParticipantEvents {
  changed: [];
}

/** One call in one conference room, with the flags the REST API and TwiML set on it. */
export class Participant extends EventEmitter<ParticipantEvents> {
  status: ParticipantStatus = 'queued';
  readonly createdAt: Date;
  updatedAt: Date;
  joinedAt?: Date;
  leftAt?: Date;
  private readonly departure: Deferred<DepartureReason> = deferred();

  constructor(
    readonly leg: CallLeg,
    public settings: ParticipantSettings,
    now: Date,
  ) {
    super();
    this.createdAt = now;
    this.updatedAt = now;
  }

  get callSid(): string {
    return this.leg.sid;
  }

  /** Resolves with the reason once the participant has left the room. */
  get departed(): Promise<DepartureReason> {
    return this.departure.promise;
  }

  markDeparted(reason: DepartureReason): void {
    this.departure.resolve(reason);
  }
}
