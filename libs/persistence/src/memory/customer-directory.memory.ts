import {
  CustomerDirectory,
  CustomerRecord,
  CustomerSearch,
  PhoneTakenError,
  withCustomerDefaults,
} from '../ports/customer-directory.port';

function matches(customer: CustomerRecord, query: CustomerSearch): boolean {
  const text = query.text?.toLowerCase();
  const textMatches =
    text === undefined || customer.name.toLowerCase().includes(text) || customer.phone.includes(text);
  return textMatches && (query.tier === undefined || customer.tier === query.tier);
}

export class InMemoryCustomerDirectory extends CustomerDirectory {
  private readonly customers = new Map<string, Required<CustomerRecord>>();

  async findByPhone(phone: string): Promise<CustomerRecord | null> {
    const found = [...this.customers.values()].find((customer) => customer.phone === phone);
    return found ? { ...found } : null;
  }

  async findById(id: string): Promise<CustomerRecord | null> {
    const found = this.customers.get(id);
    return found ? { ...found } : null;
  }

  async findByPhones(phones: readonly string[]): Promise<CustomerRecord[]> {
    const wanted = new Set(phones);
    return [...this.customers.values()]
      .filter((customer) => wanted.has(customer.phone))
      .map((c) => ({ ...c }));
  }

  async search(query: CustomerSearch): Promise<{ items: CustomerRecord[]; total: number }> {
    const found = [...this.customers.values()]
      .filter((customer) => matches(customer, query))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id.localeCompare(b.id)));
    return {
      items: found.slice(query.offset, query.offset + query.limit).map((customer) => ({ ...customer })),
      total: found.length,
    };
  }

  async save(customer: CustomerRecord): Promise<void> {
    await this.saveAll([customer]);
  }

  async saveAll(customers: readonly CustomerRecord[]): Promise<void> {
    const next = new Map(this.customers);
    for (const customer of customers) {
      const holder = [...next.values()].find((other) => other.phone === customer.phone);
      if (holder && holder.id !== customer.id) throw new PhoneTakenError(customer.phone);
      next.set(customer.id, withCustomerDefaults(customer));
    }
    this.customers.clear();
    for (const [id, customer] of next) this.customers.set(id, customer);
  }
}
