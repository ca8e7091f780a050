import { ContactLog, ContactRecord } from '../ports/contact-log.port';

export class InMemoryContactLog extends ContactLog {
  private readonly contacts = new Map<string, ContactRecord>();

  async save(contact: ContactRecord): Promise<void> {
    this.contacts.set(contact.callSid, { ...contact });
  }

  async ofCustomer(customerKey: string, since: number, limit: number): Promise<ContactRecord[]> {
    return [...this.contacts.values()]
      .filter((contact) => contact.customerKey === customerKey && contact.at >= since)
      .sort((a, b) => b.at - a.at || b.callSid.localeCompare(a.callSid))
      .slice(0, limit)
      .map((contact) => ({ ...contact }));
  }
}
