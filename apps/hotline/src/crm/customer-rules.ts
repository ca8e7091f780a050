import { Injectable } from '@nestjs/common';
import { CustomerRecord } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { DomainError } from '../shared/domain-error';
import { checkCustomerFields, CustomerFields, FieldProblem, FieldRules } from './customer-fields';
import { TierPolicy } from './tier-policy';

/** The configured rules customers are checked against, and how a checked customer is stored. */
@Injectable()
export class CustomerRules implements FieldRules {
  readonly languages: readonly string[];
  readonly defaultLanguage: string;

  constructor(
    settings: Settings,
    private readonly tiers: TierPolicy,
  ) {
    this.languages = Object.keys(settings.contactCenter.ivr.languages);
    this.defaultLanguage = settings.contactCenter.ivr.defaultLanguage;
  }

  isKnownTier(tier: string): boolean {
    return this.tiers.isKnown(tier);
  }

  /** Checks input for a new customer: phone and name are required, the rest has defaults. */
  checkNew(input: Record<string, unknown>): { fields: CustomerFields; problems: FieldProblem[] } {
    const { fields, problems } = checkCustomerFields(input, this);
    for (const required of ['phone', 'name'] as const) {
      if (input[required] === undefined) problems.push(`${required}: is required`);
    }
    return {
      fields: {
        language: this.defaultLanguage,
        tierOverride: null,
        value: null,
        notes: '',
        ...fields,
      } as CustomerFields,
      problems,
    };
  }

  /** The customer to store, served in the tier their fields give them. */
  record(id: string, fields: CustomerFields, createdAt: number, now: number): CustomerRecord {
    return { id, ...fields, tier: this.tiers.effectiveTier(fields), createdAt, updatedAt: now };
  }
}

/** A 400 naming every problem of a request body. */
export function invalidCustomer(problems: FieldProblem[]): DomainError {
  return new DomainError('CUSTOMER.INVALID', problems.join('; '), 400, { problems });
}
