/** One thing wrong with a configuration, at a dotted key such as `flows.main.nodes.sales.options.1.next`. */
export interface ConfigProblem {
  key: string;
  problem: string;
}

export class ProblemLog {
  readonly problems: ConfigProblem[] = [];

  add(key: string, problem: string): void {
    this.problems.push({ key, problem });
  }
}

export function childKey(key: string, child: string | number): string {
  return key === '' ? String(child) : `${key}.${child}`;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : JSON.stringify(value);
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface NumberRule {
  min: number;
  max: number;
  fallback?: number;
  integer?: boolean;
}

/**
 * Reads one mapping of the configuration. Every problem is logged at its precise key and a
 * placeholder value is returned, so that one pass reports everything; the result is only used
 * when the log stays empty.
 */
export class MappingReader {
  private constructor(
    readonly log: ProblemLog,
    readonly key: string,
    readonly value: Readonly<Record<string, unknown>>,
  ) {}

  /** Undefined (with a problem logged) unless `value` is a mapping; unexpected keys are logged. */
  static open(
    log: ProblemLog,
    key: string,
    value: unknown,
    allowed?: readonly string[],
  ): MappingReader | undefined {
    if (!isMapping(value)) {
      log.add(key === '' ? '(root)' : key, `must be a mapping, not ${describe(value)}`);
      return undefined;
    }
    const reader = new MappingReader(log, key, value);
    if (allowed !== undefined) reader.allowOnly(allowed);
    return reader;
  }

  /** Logs every key not in `allowed`: a misspelt key would otherwise be silently ignored. */
  allowOnly(allowed: readonly string[]): void {
    for (const name of Object.keys(this.value).filter((n) => !allowed.includes(n))) {
      this.log.add(this.at(name), `unknown key (expected one of: ${allowed.join(', ')})`);
    }
  }

  at(name: string | number): string {
    return childKey(this.key, name);
  }

  has(name: string): boolean {
    return Object.hasOwn(this.value, name) && this.value[name] !== undefined && this.value[name] !== null;
  }

  raw(name: string): unknown {
    return this.has(name) ? this.value[name] : undefined;
  }

  /** A required non-empty string (or an optional one, undefined when absent). */
  string(name: string): string;
  string(name: string, optional: 'optional'): string | undefined;
  string(name: string, optional?: 'optional'): string | undefined {
    const value = this.raw(name);
    if (value === undefined) {
      if (optional === undefined) this.log.add(this.at(name), 'missing');
      return optional === undefined ? '' : undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.log.add(this.at(name), `must be a non-empty string, not ${describe(value)}`);
      return '';
    }
    return value;
  }

  number(name: string, rule: NumberRule): number {
    const value = this.raw(name);
    if (value === undefined && rule.fallback !== undefined) return rule.fallback;
    const kind = rule.integer ? 'a whole number' : 'a number';
    const fits =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!rule.integer || Number.isInteger(value)) &&
      value >= rule.min &&
      value <= rule.max;
    if (!fits) {
      this.log.add(this.at(name), `must be ${kind} from ${rule.min} to ${rule.max}, not ${describe(value)}`);
      return rule.min;
    }
    return value;
  }

  mapping(name: string, allowed?: readonly string[]): MappingReader | undefined {
    if (!this.has(name)) {
      this.log.add(this.at(name), 'missing');
      return undefined;
    }
    return MappingReader.open(this.log, this.at(name), this.value[name], allowed);
  }

  optionalMapping(name: string, allowed?: readonly string[]): MappingReader | undefined {
    return this.has(name) ? this.mapping(name, allowed) : undefined;
  }

  /** The items of a list; `[]` (with a problem logged) when it is something else. */
  list(name: string, required: 'required' | 'optional'): readonly unknown[] {
    const value = this.raw(name);
    if (value === undefined) {
      if (required === 'required') this.log.add(this.at(name), 'missing');
      return [];
    }
    if (!Array.isArray(value)) {
      this.log.add(this.at(name), `must be a list, not ${describe(value)}`);
      return [];
    }
    return value;
  }

  entries(): [string, unknown][] {
    return Object.entries(this.value);
  }
}
