import { CallRegistry } from '../calls/call-registry';
import { ConferenceRegistry } from '../conferences/conference-registry';
import { QueueRegistry } from '../queues/queue-registry';
import { NotificationLog, SimNotification } from '../webhooks/sim-notification';
import { WebhookClient, WebhookLogEntry } from '../webhooks/webhook-client';
import { callView, CallView } from './call-view';

export interface QueueView {
  sid: string;
  name: string;
  maxSize: number;
  members: Array<{ callSid: string; position: number; waitSeconds: number }>;
}

export interface ConferenceView {
  sid: string;
  name: string;
  status: string;
  reasonEnded?: string;
  participants: Array<{
    callSid: string;
    party: string;
    label?: string;
    status: string;
    muted: boolean;
    hold: boolean;
    coaching: boolean;
    joinedAt?: Date;
    leftAt?: Date;
  }>;
}

/** The stand-in's own view of every call, queue and room, for tests and the /sim HTTP mirror. */
export class SimObserver {
  constructor(
    private readonly callRegistry: CallRegistry,
    private readonly queueRegistry: QueueRegistry,
    private readonly conferenceRegistry: ConferenceRegistry,
    private readonly notificationLog: NotificationLog,
    private readonly webhooks: WebhookClient,
  ) {}

  call(sid: string): CallView | undefined {
    const leg = this.callRegistry.get(sid);
    return leg ? callView(leg) : undefined;
  }

  calls(): CallView[] {
    return this.callRegistry.list().map(callView);
  }

  queue(nameOrSid: string): QueueView | undefined {
    return this.queues().find((q) => q.sid === nameOrSid || q.name === nameOrSid);
  }

  queues(): QueueView[] {
    return this.queueRegistry.list().map((q) => ({
      sid: q.sid,
      name: q.friendlyName,
      maxSize: q.maxSize,
      members: q
        .list()
        .map((m) => ({ callSid: m.leg.sid, position: q.position(m), waitSeconds: q.waitSeconds(m) })),
    }));
  }

  /** The most recent room with that name or sid. */
  conference(nameOrSid: string): ConferenceView | undefined {
    return this.conferences()
      .reverse()
      .find((c) => c.sid === nameOrSid || c.name === nameOrSid);
  }

  conferences(): ConferenceView[] {
    return this.conferenceRegistry.list().map((room) => ({
      sid: room.sid,
      name: room.friendlyName,
      status: room.status,
      reasonEnded: room.reasonEnded,
      participants: room.history.map((p) => ({
        callSid: p.callSid,
        party: p.leg.partyAddress(),
        label: p.settings.label,
        status: p.status,
        muted: p.settings.muted,
        hold: p.settings.hold,
        coaching: p.settings.coaching,
        joinedAt: p.joinedAt,
        leftAt: p.leftAt,
      })),
    }));
  }

  notifications(callSid?: string): SimNotification[] {
    return this.notificationLog.list(callSid);
  }

  /** Every webhook the stand-in sent, in order, with its signed parameters. */
  requests(): WebhookLogEntry[] {
    return this.webhooks.requests();
  }
}
