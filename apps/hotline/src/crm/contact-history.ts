import { Injectable } from '@nestjs/common';
import { ContactCase, customerKeyOf, FcrContact, openCaseFor, RepeatRule } from '@hotline/metrics';
import { CallRecord, ContactLog, ContactRecord } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { repeatRuleOf } from './repeat-rule';

/**
 * A case can run on for as long as repeats keep coming, but its first contact is looked for only
 * this many windows back: enough for any realistic chain of repeats, and a bounded read.
 */
const CASE_LOOKBACK_WINDOWS = 4;
const MAX_CONTACTS_READ = 200;

function asFcrContact(contact: ContactRecord): FcrContact {
  return { ...contact, customer: contact.customerKey, survey: {} };
}

/** A caller's earlier contacts and the case a call of theirs belongs to. */
@Injectable()
export class ContactHistory {
  private readonly rule: RepeatRule;

  constructor(
    private readonly contacts: ContactLog,
    settings: Settings,
  ) {
    this.rule = repeatRuleOf(settings);
  }

  /** The caller's contacts before this call, newest first. */
  async earlierContacts(
    call: CallRecord,
    since: number,
    limit = MAX_CONTACTS_READ,
  ): Promise<ContactRecord[]> {
    const own = await this.contacts.ofCustomer(
      customerKeyOf(call.customerId, call.from, call.callSid),
      since,
      limit,
    );
    return own.filter((contact) => contact.callSid !== call.callSid);
  }

  /** The case this call reopens at `now`: the caller's open case about the call's reason. */
  async openCase(call: CallRecord, now: number): Promise<ContactCase | null> {
    const since = now - CASE_LOOKBACK_WINDOWS * this.rule.windowMs;
    const earlier = await this.earlierContacts(call, since);
    return openCaseFor(earlier.map(asFcrContact), call.reason, now, this.rule);
  }
}
