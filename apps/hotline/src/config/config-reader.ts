import { ConfigProblem } from './config-error';

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads typed values out of parsed YAML while collecting every problem with its key path, so
 * that one boot reports all mistakes in a file instead of the first one.
 */
export class ConfigReader {
  readonly problems: ConfigProblem[] = [];

  constructor(
    readonly file: string,
    private readonly root: unknown,
  ) {}

  problem(key: string, problem: string): void {
    this.problems.push({ file: this.file, key, problem });
  }

  private at(key: string): unknown {
    let node: unknown = this.root;
    for (const part of key.split('.')) {
      if (!isPlain(node)) return undefined;
      node = node[part];
    }
    return node;
  }

  has(key: string): boolean {
    return this.at(key) !== undefined;
  }

  /** The keys of a mapping; reports a problem when the value is missing or not a mapping. */
  keys(key: string, options: { required?: boolean } = {}): string[] {
    const value = key === '' ? this.root : this.at(key);
    if (value === undefined || value === null) {
      if (options.required !== false) this.problem(key || '(root)', 'is required');
      return [];
    }
    if (!isPlain(value)) {
      this.problem(key || '(root)', 'must be a mapping');
      return [];
    }
    return Object.keys(value);
  }

  /** Reports keys of a mapping that are not among the known ones (typos must not pass silently). */
  onlyKeys(key: string, known: readonly string[]): void {
    const value = key === '' ? this.root : this.at(key);
    if (!isPlain(value)) return;
    for (const name of Object.keys(value)) {
      if (!known.includes(name)) {
        this.problem(
          key ? `${key}.${name}` : name,
          `is not a known setting (expected one of: ${known.join(', ')})`,
        );
      }
    }
  }

  string(key: string, fallback?: string): string {
    const value = this.at(key);
    if (value === undefined || value === null) {
      if (fallback === undefined) this.problem(key, 'is required');
      return fallback ?? '';
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(key, 'must be a non-empty string');
      return fallback ?? '';
    }
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const value = this.at(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.problem(key, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
      return fallback;
    }
    return value as T;
  }

  number(key: string, options: { min?: number; max?: number; integer?: boolean; fallback?: number }): number {
    const value = this.at(key);
    if (value === undefined || value === null) {
      if (options.fallback === undefined) this.problem(key, 'is required');
      return options.fallback ?? 0;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.problem(key, `must be a number (got ${JSON.stringify(value)})`);
      return options.fallback ?? 0;
    }
    if (options.integer && !Number.isInteger(value)) this.problem(key, 'must be a whole number');
    if (options.min !== undefined && value < options.min)
      this.problem(key, `must be at least ${options.min}`);
    if (options.max !== undefined && value > options.max) this.problem(key, `must be at most ${options.max}`);
    return value;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.at(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') {
      this.problem(key, `must be true or false (got ${JSON.stringify(value)})`);
      return fallback;
    }
    return value;
  }

  optionalNumber(
    key: string,
    options: { min?: number; max?: number; integer?: boolean },
  ): number | undefined {
    return this.has(key) ? this.number(key, options) : undefined;
  }

  stringList(key: string, fallback: string[] = []): string[] {
    const value = this.at(key);
    if (value === undefined || value === null) return fallback;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
      this.problem(key, 'must be a list of non-empty strings');
      return fallback;
    }
    return value as string[];
  }

  /** The raw value, for sections validated by their own library (the IVR flows). */
  raw(key: string): unknown {
    return key === '' ? this.root : this.at(key);
  }
}
