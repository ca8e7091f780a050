/**
 * A handled call as the CRM keeps it for quick look-ups by customer (screen pop, case ownership).
 * It is a projection of `call_events`, which stay the record reports are computed from.
 */
export interface ContactRecord {
  callSid: string;
  /** The customer's id when known, else the number they called from. */
  customerKey: string;
  customerId: string | null;
  /** When an agent answered. */
  at: number;
  queue: string | null;
  agent: string | null;
  tier: string | null;
  reason: string | null;
  /** From the agent's disposition; null until one is recorded. */
  resolved: boolean | null;
  followUp: boolean;
  notes: string;
}

export abstract class ContactLog {
  /** Records the contact, replacing what was known of the same call. */
  abstract save(contact: ContactRecord): Promise<void>;

  /** The customer's contacts at or after `since`, newest first, at most `limit`. */
  abstract ofCustomer(customerKey: string, since: number, limit: number): Promise<ContactRecord[]>;
}
