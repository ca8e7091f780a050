import { Injectable } from '@nestjs/common';
import { CallerProfileView, ContactSummary } from '@hotline/contracts';
import { CallLedger, CustomerDirectory, Role } from '@hotline/persistence';
import { RoutingHost } from '../routing/routing-host';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { ContactHistory } from './contact-history';

const LAST_CONTACTS = 5;

/**
 * The screen pop for a call: who is calling, their last contacts and how they ended, and the case
 * this call reopens with its owner. Agents see it for their own calls only: the call they are
 * on, or the one ringing for them.
 */
@Injectable()
export class ShowCallerProfile {
  constructor(
    private readonly ledger: CallLedger,
    private readonly customers: CustomerDirectory,
    private readonly history: ContactHistory,
    private readonly routing: RoutingHost,
    private readonly clock: Clock,
  ) {}

  async execute(callSid: string, viewer: { userId: string; role: Role }): Promise<CallerProfileView> {
    const call = await this.ledger.find(callSid);
    if (!call) throw new DomainError('CALL.NOT_FOUND', `No call ${callSid}`, 404);
    const theirs = call.agent === viewer.userId || this.routing.tracker.offeredTo(callSid) === viewer.userId;
    if (viewer.role === 'agent' && !theirs) {
      throw new DomainError('CALL.NOT_YOURS', 'Agents see the profile of their own calls only', 403);
    }
    const now = this.clock.now();
    const [customer, last, open] = await Promise.all([
      call.customerId ? this.customers.findById(call.customerId) : null,
      this.history.earlierContacts(call, 0, LAST_CONTACTS + 1),
      this.history.openCase(call, now),
    ]);
    const lastContacts: ContactSummary[] = last.slice(0, LAST_CONTACTS).map((contact) => ({
      callSid: contact.callSid,
      at: contact.at,
      queue: contact.queue,
      agent: contact.agent,
      reason: contact.reason,
      resolved: contact.resolved,
      followUp: contact.followUp,
      notes: contact.notes,
    }));
    return {
      callSid,
      customerId: call.customerId,
      name: customer?.name ?? null,
      tier: call.tier,
      language: call.language,
      reason: call.reason,
      lastContacts,
      openCase: open && {
        reason: open.first.reason,
        owner: open.first.agent,
        openedAt: open.first.at,
        lastContactAt: open.contacts[open.contacts.length - 1].at,
        contacts: open.contacts.length,
      },
    };
  }
}
