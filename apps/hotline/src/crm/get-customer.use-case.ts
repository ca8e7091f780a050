import { Injectable } from '@nestjs/common';
import { CustomerView } from '@hotline/contracts';
import { CustomerDirectory } from '@hotline/persistence';
import { DomainError } from '../shared/domain-error';
import { customerView } from './customer-view';
import { TierPolicy } from './tier-policy';

@Injectable()
export class GetCustomer {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly tiers: TierPolicy,
  ) {}

  async execute(id: string): Promise<CustomerView> {
    const customer = await this.customers.findById(id);
    if (!customer) throw customerNotFound(id);
    return customerView(customer, this.tiers);
  }
}

export function customerNotFound(id: string): DomainError {
  return new DomainError('CUSTOMER.NOT_FOUND', `No customer ${id}`, 404);
}
