import { Injectable } from '@nestjs/common';
import { CustomerView } from '@hotline/contracts';
import { CustomerDirectory, PhoneTakenError } from '@hotline/persistence';
import { Clock } from '../shared/clock';
import { phoneTaken } from './create-customer.use-case';
import { checkCustomerFields, fieldsOf } from './customer-fields';
import { CustomerRules, invalidCustomer } from './customer-rules';
import { customerView } from './customer-view';
import { customerNotFound } from './get-customer.use-case';
import { TierPolicy } from './tier-policy';

/** Changes some fields of a customer; the tier they are served in follows their value and override. */
@Injectable()
export class UpdateCustomer {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly rules: CustomerRules,
    private readonly tiers: TierPolicy,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, input: Record<string, unknown>): Promise<CustomerView> {
    const { fields, problems } = checkCustomerFields(input, this.rules);
    if (problems.length > 0) throw invalidCustomer(problems);
    const existing = await this.customers.findById(id);
    if (!existing) throw customerNotFound(id);
    const merged = { ...fieldsOf(existing), ...fields };
    const record = this.rules.record(id, merged, existing.createdAt, this.clock.now());
    try {
      await this.customers.save(record);
    } catch (error) {
      if (error instanceof PhoneTakenError) throw phoneTaken(merged.phone);
      throw error;
    }
    return customerView(record, this.tiers);
  }
}
