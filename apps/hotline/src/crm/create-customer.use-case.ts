import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CustomerView } from '@hotline/contracts';
import { CustomerDirectory, PhoneTakenError } from '@hotline/persistence';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { CustomerRules, invalidCustomer } from './customer-rules';
import { customerView } from './customer-view';
import { TierPolicy } from './tier-policy';

/** Adds a customer; bad fields or a number another customer has are refused and nothing is stored. */
@Injectable()
export class CreateCustomer {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly rules: CustomerRules,
    private readonly tiers: TierPolicy,
    private readonly clock: Clock,
  ) {}

  async execute(input: Record<string, unknown>): Promise<CustomerView> {
    const { fields, problems } = this.rules.checkNew(input);
    if (problems.length > 0) throw invalidCustomer(problems);
    const now = this.clock.now();
    const record = this.rules.record(randomUUID(), fields, now, now);
    try {
      await this.customers.save(record);
    } catch (error) {
      if (error instanceof PhoneTakenError) throw phoneTaken(fields.phone);
      throw error;
    }
    return customerView(record, this.tiers);
  }
}

export function phoneTaken(phone: string): DomainError {
  return new DomainError('CUSTOMER.PHONE_TAKEN', `Another customer has the number ${phone}`, 409);
}
