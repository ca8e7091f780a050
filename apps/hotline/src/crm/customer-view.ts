import { CustomerView } from '@hotline/contracts';
import { CustomerRecord } from '@hotline/persistence';
import { TierPolicy } from './tier-policy';

/** A stored customer as the API shows it, with the tier their value earns beside the one they get. */
export function customerView(customer: CustomerRecord, tiers: TierPolicy): CustomerView {
  const value = customer.value ?? null;
  return {
    id: customer.id,
    phone: customer.phone,
    name: customer.name,
    language: customer.language,
    tier: customer.tier,
    computedTier: tiers.earnedTier(value),
    tierOverride: customer.tierOverride ?? null,
    value,
    notes: customer.notes ?? '',
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
  };
}
