import { Injectable } from '@nestjs/common';
import { CustomerPage } from '@hotline/contracts';
import { CustomerDirectory } from '@hotline/persistence';
import { DomainError } from '../shared/domain-error';
import { customerView } from './customer-view';
import { TierPolicy } from './tier-policy';

const MAX_PAGE = 200;

export interface CustomerSearchQuery {
  q?: string;
  tier?: string;
  limit?: string;
  offset?: string;
}

function wholeNumber(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > max) {
    throw new DomainError('CUSTOMER.BAD_SEARCH', `${name} must be a whole number from 0 to ${max}`, 400);
  }
  return value;
}

/** Customers whose name or number contains `q`, optionally of one tier, a page at a time. */
@Injectable()
export class SearchCustomers {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly tiers: TierPolicy,
  ) {}

  async execute(query: CustomerSearchQuery): Promise<CustomerPage> {
    const limit = wholeNumber('limit', query.limit, 50, MAX_PAGE);
    const offset = wholeNumber('offset', query.offset, 0, Number.MAX_SAFE_INTEGER);
    if (query.tier !== undefined && !this.tiers.isKnown(query.tier)) {
      throw new DomainError(
        'CUSTOMER.BAD_SEARCH',
        `tier must be one of ${this.tiers.tierNames().join(', ')}`,
        400,
      );
    }
    const text = query.q?.trim();
    const page = await this.customers.search({ text: text || undefined, tier: query.tier, limit, offset });
    return { items: page.items.map((customer) => customerView(customer, this.tiers)), total: page.total };
  }
}
