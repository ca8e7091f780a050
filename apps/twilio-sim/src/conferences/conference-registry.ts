import { newSid } from '../core/sid';
import { SimClock } from '../core/sim-clock';
import { NotificationLog } from '../webhooks/sim-notification';
import { WebhookClient } from '../webhooks/webhook-client';
import { ConferenceNotifier } from './conference-notifier';
import { ConferenceRoom } from './conference-room';

/** Conference rooms: created when the first participant arrives, a new one per name once ended. */
export class ConferenceRegistry {
  private readonly rooms = new Map<string, ConferenceRoom>();
  private readonly notifiers: ConferenceNotifier[] = [];

  constructor(
    private readonly accountSid: string,
    private readonly clock: SimClock,
    private readonly webhooks: WebhookClient,
    private readonly notifications: NotificationLog,
  ) {}

  obtain(friendlyName: string): ConferenceRoom {
    const live = this.list().find((room) => room.friendlyName === friendlyName && !room.isEnded);
    if (live) return live;
    const identity = { sid: newSid('CF'), friendlyName, accountSid: this.accountSid };
    const notifier = new ConferenceNotifier(identity, this.webhooks, this.clock, this.notifications);
    this.notifiers.push(notifier);
    const room = new ConferenceRoom(identity.sid, friendlyName, this.accountSid, this.clock, notifier);
    this.rooms.set(room.sid, room);
    return room;
  }

  get(sid: string): ConferenceRoom | undefined {
    return this.rooms.get(sid);
  }

  list(): ConferenceRoom[] {
    return [...this.rooms.values()];
  }

  async settled(): Promise<void> {
    await Promise.all(this.notifiers.map((n) => n.settled()));
  }
}
