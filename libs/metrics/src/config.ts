/** Service-level formulas of docs/metrics.md. */
export const SERVICE_LEVEL_FORMULAS = ['F1', 'F2', 'F3', 'F4'] as const;

export type ServiceLevelFormula = (typeof SERVICE_LEVEL_FORMULAS)[number];

export interface QueueMetricsSettings {
  serviceLevelFormula: ServiceLevelFormula;
  /** T of "answered within T", seconds. */
  serviceLevelThresholdSeconds: number;
  /** A caller who hangs up within this many seconds of waiting is a short abandon. */
  shortAbandonSeconds: number;
}

export interface MetricsConfig {
  /** Settings of queues not listed in `queues`, and the formula of figures across queues. */
  defaults: QueueMetricsSettings;
  queues: Readonly<Record<string, Partial<QueueMetricsSettings>>>;
  /** Tiers counted as VIP besides those with a head start. */
  vipTiers: readonly string[];
  /** AHT used for wait estimates when a queue handled no call in the recent window. */
  defaultAhtSeconds: number;
  /** Expected wrap-up length when a queue handled no call in the recent window. */
  defaultWrapUpSeconds: number;
  /** How far back "recent" AHT and wrap-up reach for wait estimates. */
  recentWindowSeconds: number;
}

export const DEFAULT_METRICS_CONFIG: MetricsConfig = {
  defaults: { serviceLevelFormula: 'F4', serviceLevelThresholdSeconds: 20, shortAbandonSeconds: 5 },
  queues: {},
  vipTiers: [],
  defaultAhtSeconds: 300,
  defaultWrapUpSeconds: 30,
  recentWindowSeconds: 3600,
};

export function queueSettings(config: MetricsConfig, queue: string): QueueMetricsSettings {
  return { ...config.defaults, ...config.queues[queue] };
}

export function isVip(config: MetricsConfig, tier: string, headStartSeconds: number): boolean {
  return headStartSeconds > 0 || config.vipTiers.includes(tier);
}
