/** A customer known by phone number. */
export interface CustomerRecord {
  id: string;
  /** E.164, unique. */
  phone: string;
  name: string;
  /** The tier the customer is served in: their override, else the tier their value earns. */
  tier: string;
  language: string;
  createdAt: number;
  updatedAt: number;
  /** A whole number (e.g. yearly spend) that tier thresholds apply to; null when unknown. */
  value?: number | null;
  notes?: string;
  /** A tier set by hand, which wins over the tier the value earns. */
  tierOverride?: string | null;
}

/** The customer with the optional CRM fields filled in, as adapters hand customers back. */
export function withCustomerDefaults(customer: CustomerRecord): Required<CustomerRecord> {
  return {
    ...customer,
    value: customer.value ?? null,
    notes: customer.notes ?? '',
    tierOverride: customer.tierOverride ?? null,
  };
}

export interface CustomerSearch {
  /** Part of the name (any case) or of the phone number. */
  text?: string;
  tier?: string;
  limit: number;
  offset: number;
}

export abstract class CustomerDirectory {
  abstract findByPhone(phone: string): Promise<CustomerRecord | null>;

  abstract findById(id: string): Promise<CustomerRecord | null>;

  /** The customers having any of these numbers. */
  abstract findByPhones(phones: readonly string[]): Promise<CustomerRecord[]>;

  /** Customers matching the search, by name then id, and how many match in all. */
  abstract search(query: CustomerSearch): Promise<{ items: CustomerRecord[]; total: number }>;

  /** Creates or replaces the customer with this id; a phone taken by another customer is refused. */
  abstract save(customer: CustomerRecord): Promise<void>;

  /** Saves every customer or, when one is refused, none of them (one transaction). */
  abstract saveAll(customers: readonly CustomerRecord[]): Promise<void>;
}

export class PhoneTakenError extends Error {
  readonly code = 'CUSTOMER.PHONE_TAKEN';

  constructor(readonly phone: string) {
    super('Another customer has this phone number');
  }
}
