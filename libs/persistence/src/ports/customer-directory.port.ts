/** A customer known by phone number. */
export interface CustomerRecord {
  id: string;
  /** E.164, unique. */
  phone: string;
  name: string;
  tier: string;
  language: string;
  createdAt: number;
  updatedAt: number;
}

export abstract class CustomerDirectory {
  abstract findByPhone(phone: string): Promise<CustomerRecord | null>;

  abstract findById(id: string): Promise<CustomerRecord | null>;

  /** Creates or replaces the customer with this id; a phone taken by another customer is refused. */
  abstract save(customer: CustomerRecord): Promise<void>;
}

export class PhoneTakenError extends Error {
  readonly code = 'CUSTOMER.PHONE_TAKEN';

  constructor(readonly phone: string) {
    super('Another customer has this phone number');
  }
}
