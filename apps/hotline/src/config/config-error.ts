export interface ConfigProblem {
  /** The file the problem is in, relative to the config directory, or 'environment'. */
  file: string;
  /** Dotted path of the offending key, e.g. `queues.billing.wrapUpSeconds`. */
  key: string;
  problem: string;
}

/** Thrown at boot when configuration is invalid; the message names every file, key and problem. */
export class ConfigError extends Error {
  readonly code = 'CONFIG.INVALID';

  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.file}: ${p.key}: ${p.problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
