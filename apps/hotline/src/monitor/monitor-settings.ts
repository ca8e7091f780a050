import { DEFAULT_METRICS_CONFIG, type MetricsConfig } from '@hotline/metrics';
import { MAIN_FLOW, type ContactCenterConfig } from '../config/contact-center.config';

/** The metrics rules of the configured queues and tiers: each queue's SL formula, T and short abandon. */
export function metricsConfigOf(contactCenter: ContactCenterConfig): MetricsConfig {
  return {
    ...DEFAULT_METRICS_CONFIG,
    queues: Object.fromEntries(
      [...contactCenter.queues.values()].map((queue) => [
        queue.name,
        {
          serviceLevelFormula: queue.serviceLevel.formula,
          serviceLevelThresholdSeconds: queue.serviceLevel.thresholdSeconds,
          shortAbandonSeconds: queue.shortAbandonSeconds,
        },
      ]),
    ),
    // A tier is VIP when it has a head start; saying so here keeps a caller VIP even if their
    // call was queued with another head start before a configuration change.
    vipTiers: [...contactCenter.tiers.values()]
      .filter((tier) => tier.headStartSeconds > 0)
      .map((t) => t.name),
  };
}

/**
 * The time zone "today" is counted in: that of the main IVR flow's business hours, where callers
 * are, or UTC for a line without business hours.
 */
export function contactCenterTimeZone(contactCenter: ContactCenterConfig): string {
  const hours = contactCenter.ivr.flows[MAIN_FLOW]?.hours;
  return (hours && contactCenter.ivr.businessHours[hours]?.timeZone) || 'UTC';
}
