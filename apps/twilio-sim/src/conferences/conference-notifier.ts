import { toRfc2822 } from '../core/rfc2822';
import { SimClock } from '../core/sim-clock';
import { NotificationLog, TwilioFault } from '../webhooks/sim-notification';
import { HttpMethod, WebhookClient } from '../webhooks/webhook-client';
import { Participant } from './participant';

/** Values of statusCallbackEvent on `<Conference>` and ConferenceStatusCallbackEvent. */
export type ConferenceEventFilter =
  'start' | 'end' | 'join' | 'leave' | 'mute' | 'hold' | 'modify' | 'announcement';

export type ConferenceCallbackEvent =
  | 'conference-start'
  | 'conference-end'
  | 'participant-join'
  | 'participant-leave'
  | 'participant-mute'
  | 'participant-unmute'
  | 'participant-hold'
  | 'participant-unhold'
  | 'participant-modify'
  | 'announcement-end';

export interface ConferenceCallbackConfig {
  url: string;
  method: HttpMethod;
  events: ReadonlySet<ConferenceEventFilter>;
}

const FILTER: Record<ConferenceCallbackEvent, ConferenceEventFilter> = {
  'conference-start': 'start',
  'conference-end': 'end',
  'participant-join': 'join',
  'participant-leave': 'leave',
  'participant-mute': 'mute',
  'participant-unmute': 'mute',
  'participant-hold': 'hold',
  'participant-unhold': 'hold',
  'participant-modify': 'modify',
  'announcement-end': 'announcement',
};

export interface ConferenceIdentity {
  sid: string;
  friendlyName: string;
  accountSid: string;
}

/**
 * Conference status callbacks: one signed request per event the room's callback asked for,
 * numbered by SequenceNumber (from 1 per conference), in order.
 */
export class ConferenceNotifier {
  private sequence = 0;
  private chain = Promise.resolve();

  constructor(
    private readonly room: ConferenceIdentity,
    private readonly webhooks: WebhookClient,
    private readonly clock: SimClock,
    private readonly notifications: NotificationLog,
  ) {}

  send(
    config: ConferenceCallbackConfig | undefined,
    event: ConferenceCallbackEvent,
    participant?: Participant,
    extra: Record<string, string> = {},
  ): void {
    if (!config || !config.events.has(FILTER[event])) return;
    const params: Record<string, string> = {
      AccountSid: this.room.accountSid,
      ConferenceSid: this.room.sid,
      FriendlyName: this.room.friendlyName,
      StatusCallbackEvent: event,
      Timestamp: toRfc2822(this.clock.now()),
      SequenceNumber: String(++this.sequence),
      ...(participant ? participantParams(participant) : {}),
      ...extra,
    };
    const request = { url: config.url, method: config.method, params, purpose: 'conference-status-callback' };
    this.chain = this.chain.then(() =>
      this.webhooks.send(request).then(
        () => undefined,
        (err) => this.report(err),
      ),
    );
  }

  settled(): Promise<void> {
    return this.chain;
  }

  private report(err: unknown): void {
    this.notifications.add({
      code: err instanceof TwilioFault ? err.code : 11200,
      message: err instanceof Error ? err.message : String(err),
      level: 'warning',
      at: this.clock.now(),
      url: err instanceof TwilioFault ? err.url : undefined,
    });
  }
}

function participantParams(participant: Participant): Record<string, string> {
  const s = participant.settings;
  const params: Record<string, string> = {
    CallSid: participant.callSid,
    Muted: String(s.muted),
    Hold: String(s.hold),
    Coaching: String(s.coaching),
    EndConferenceOnExit: String(s.endConferenceOnExit),
    StartConferenceOnEnter: String(s.startConferenceOnEnter),
  };
  if (s.label) params.ParticipantLabel = s.label;
  if (s.callSidToCoach) params.CallSidToCoach = s.callSidToCoach;
  return params;
}
