import { CustomerDirectory, CustomerRecord, PhoneTakenError } from '../ports/customer-directory.port';

export class InMemoryCustomerDirectory extends CustomerDirectory {
  private readonly customers = new Map<string, CustomerRecord>();

  async findByPhone(phone: string): Promise<CustomerRecord | null> {
    const found = [...this.customers.values()].find((customer) => customer.phone === phone);
    return found ? { ...found } : null;
  }

  async findById(id: string): Promise<CustomerRecord | null> {
    const found = this.customers.get(id);
    return found ? { ...found } : null;
  }

  async save(customer: CustomerRecord): Promise<void> {
    const holder = await this.findByPhone(customer.phone);
    if (holder && holder.id !== customer.id) throw new PhoneTakenError(customer.phone);
    this.customers.set(customer.id, { ...customer });
  }
}
