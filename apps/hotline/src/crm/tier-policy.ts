import { Injectable } from '@nestjs/common';
import { Settings } from '../config/settings';

/**
 * Which tier a customer is served in: a tier set by hand wins; otherwise the highest tier whose
 * `minValue` their value reaches, else the default tier.
 */
@Injectable()
export class TierPolicy {
  private readonly thresholds: { name: string; minValue: number }[];
  private readonly defaultTier: string;
  private readonly known: ReadonlySet<string>;

  constructor(settings: Settings) {
    const { tiers, defaultTier } = settings.contactCenter;
    this.thresholds = [...tiers.values()]
      .flatMap((tier) => (tier.minValue === undefined ? [] : [{ name: tier.name, minValue: tier.minValue }]))
      .sort((a, b) => b.minValue - a.minValue);
    this.defaultTier = defaultTier;
    this.known = new Set(tiers.keys());
  }

  isKnown(tier: string): boolean {
    return this.known.has(tier);
  }

  tierNames(): string[] {
    return [...this.known];
  }

  earnedTier(value: number | null): string {
    if (value === null) return this.defaultTier;
    return this.thresholds.find((tier) => value >= tier.minValue)?.name ?? this.defaultTier;
  }

  effectiveTier(customer: { value: number | null; tierOverride: string | null }): string {
    return customer.tierOverride ?? this.earnedTier(customer.value);
  }
}
