import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AnyCallEvent } from '@hotline/contracts';
import { contactsFromLog, FcrContact } from '@hotline/metrics';
import { CallLedger, ContactLog } from '@hotline/persistence';
import type { Logger } from 'pino';
import { Settings } from '../config/settings';
import { Clock } from '../shared/clock';
import { WriteDrains } from '../shared/write-drains';
import { LOGGER } from '../shared/logger';

/** Events that change what is known of a contact. */
const CONTACT_EVENTS: ReadonlySet<string> = new Set(['queue.answered', 'call.disposition']);
/** Calls answered just after the catch-up's start began this long before it, at most. */
const CALL_LEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps the contacts table in step with the call log: each answer or disposition re-reads its
 * call's events and saves the contact. Projections run one at a time, so an older reading of a
 * call never overwrites a newer one. At boot it catches up on the last repeat window, so contacts
 * missed by a crash between an event and its projection are restored.
 */
@Injectable()
export class ContactProjector implements OnApplicationBootstrap {
  private pending: Promise<void> = Promise.resolve();
  private readonly windowMs: number;

  constructor(
    private readonly ledger: CallLedger,
    private readonly contacts: ContactLog,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    settings: Settings,
    drains: WriteDrains,
  ) {
    this.windowMs = settings.contactCenter.crm.fcr.windowSeconds * 1000;
    ledger.onAppended((event) => this.heard(event));
    drains.register(() => this.idle());
  }

  async onApplicationBootstrap(): Promise<void> {
    const now = this.clock.now();
    const events = await this.ledger.eventsBetween(now - this.windowMs - CALL_LEAD_MS, now + 1);
    await this.run(() => this.saveAll(contactsFromLog(events)));
  }

  /** Resolves once every contact heard of so far is saved. */
  idle(): Promise<void> {
    return this.pending;
  }

  private heard(event: AnyCallEvent): void {
    if (!CONTACT_EVENTS.has(event.type)) return;
    void this.run(async () => this.saveAll(contactsFromLog(await this.ledger.events(event.callSid))));
  }

  private run(task: () => Promise<void>): Promise<void> {
    this.pending = this.pending.then(task).catch((error: unknown) => {
      this.logger.error({ err: error }, 'could not save a contact; it is restored at the next boot');
    });
    return this.pending;
  }

  private async saveAll(contacts: FcrContact[]): Promise<void> {
    for (const contact of contacts) {
      await this.contacts.save({
        callSid: contact.callSid,
        customerKey: contact.customer,
        customerId: contact.customerId,
        at: contact.at,
        queue: contact.queue,
        agent: contact.agent,
        tier: contact.tier,
        reason: contact.reason,
        resolved: contact.resolved,
        followUp: contact.followUp,
        notes: contact.notes,
      });
    }
  }
}
