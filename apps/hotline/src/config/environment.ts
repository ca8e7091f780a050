import { ConfigError, ConfigProblem } from './config-error';

export type DatabaseSettings =
  { kind: 'sqlite'; path: string } | { kind: 'mysql'; url: string; database: string };

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** Origin REST calls go to instead of https://api.twilio.com (the stand-in, or a proxy). */
  apiBaseUrl?: string;
  apiKeySid?: string;
  apiKeySecret?: string;
  twimlAppSid?: string;
  /** Number outbound calls (callbacks) are placed from. */
  callerId?: string;
}

export interface Environment {
  port: number;
  host: string;
  publicBaseUrl: string;
  database: DatabaseSettings;
  migrateOnBoot: boolean;
  redisUrl?: string;
  /** Absent when no Twilio account is configured: Hotline then runs in the sandbox. */
  twilio?: TwilioSettings;
  /** Demo accounts and simulated traffic; on by default when no Twilio account is configured. */
  sandbox: boolean;
  /** Where the sandbox's softphone bridge listens (the Twilio stand-in), for agents' browser pages. */
  sandboxSoftphoneUrl?: string;
  configDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  auth: {
    /** Secret that signs bearer tokens; generated per process when not set (not for production). */
    secret?: string;
    accessTokenSeconds: number;
    refreshTokenSeconds: number;
    adminUsername?: string;
    adminPassword?: string;
    loginAttemptsPerMinute: number;
  };
}

export type EnvironmentSource = Record<string, string | undefined>;

const SID = { account: /^AC[0-9a-fA-F]{32}$/, apiKey: /^SK[0-9a-fA-F]{32}$/, app: /^AP[0-9a-fA-F]{32}$/ };
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

class EnvironmentReader {
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly env: EnvironmentSource) {}

  private fail(key: string, problem: string): void {
    this.problems.push({ file: 'environment', key, problem });
  }

  text(key: string): string | undefined {
    const value = this.env[key];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  integer(key: string, fallback: number, min: number, max: number): number {
    const value = this.text(key);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.fail(key, `must be a whole number from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return parsed;
  }

  flag(key: string, fallback: boolean): boolean {
    const value = this.text(key)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['1', 'true', 'on', 'yes'].includes(value)) return true;
    if (['0', 'false', 'off', 'no'].includes(value)) return false;
    this.fail(key, `must be on or off (got "${value}")`);
    return fallback;
  }

  url(key: string, fallback?: string): string | undefined {
    const value = this.text(key) ?? fallback;
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (!['http:', 'https:'].includes(parsed.protocol)) throw new Error('scheme');
      return value.replace(/\/+$/, '');
    } catch {
      this.fail(key, `must be an http(s) URL (got "${value}")`);
      return fallback;
    }
  }

  sid(key: string, pattern: RegExp, prefix: string): string | undefined {
    const value = this.text(key);
    if (value !== undefined && !pattern.test(value)) {
      this.fail(key, `must be "${prefix}" followed by 32 hexadecimal digits`);
    }
    return value;
  }

  database(): DatabaseSettings {
    const value = this.text('DATABASE_URL') ?? 'sqlite:data/hotline.db';
    if (value.startsWith('sqlite:')) {
      const path = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
      if (path === '') this.fail('DATABASE_URL', 'sqlite: needs a file path, e.g. sqlite:data/hotline.db');
      return { kind: 'sqlite', path };
    }
    try {
      const url = new URL(value);
      if (!['mysql:', 'mariadb:'].includes(url.protocol)) throw new Error('scheme');
      const database = url.pathname.replace(/^\//, '');
      if (!database)
        this.fail('DATABASE_URL', 'must name a database, e.g. mysql://user:pass@host:3306/hotline');
      return { kind: 'mysql', url: value, database };
    } catch {
      this.fail('DATABASE_URL', `must be sqlite:<path> or mysql://user:pass@host:3306/db (got "${value}")`);
      return { kind: 'sqlite', path: 'data/hotline.db' };
    }
  }

  twilio(): TwilioSettings | undefined {
    const accountSid = this.sid('TWILIO_ACCOUNT_SID', SID.account, 'AC');
    const authToken = this.text('TWILIO_AUTH_TOKEN');
    if (accountSid === undefined) return undefined;
    if (authToken === undefined) this.fail('TWILIO_AUTH_TOKEN', 'is required when TWILIO_ACCOUNT_SID is set');
    return {
      accountSid,
      authToken: authToken ?? '',
      apiBaseUrl: this.url('TWILIO_API_BASE_URL'),
      apiKeySid: this.sid('TWILIO_API_KEY_SID', SID.apiKey, 'SK'),
      apiKeySecret: this.text('TWILIO_API_KEY_SECRET'),
      twimlAppSid: this.sid('TWILIO_TWIML_APP_SID', SID.app, 'AP'),
      callerId: this.text('TWILIO_CALLER_ID'),
    };
  }
}

/** Reads and validates the process environment: the only place Hotline looks at it. */
export function readEnvironment(env: EnvironmentSource): Environment {
  const read = new EnvironmentReader(env);
  const port = read.integer('PORT', 3000, 0, 65535);
  const twilio = read.twilio();
  const logLevel = read.text('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    read.problems.push({
      file: 'environment',
      key: 'LOG_LEVEL',
      problem: `must be one of ${LOG_LEVELS.join(', ')}`,
    });
  }
  const environment: Environment = {
    port,
    host: read.text('HOST') ?? '127.0.0.1',
    publicBaseUrl: read.url('PUBLIC_BASE_URL', `http://localhost:${port}`) ?? `http://localhost:${port}`,
    database: read.database(),
    migrateOnBoot: read.flag('DB_MIGRATE', true),
    redisUrl: read.text('REDIS_URL'),
    twilio,
    sandbox: read.flag('SANDBOX', twilio === undefined),
    sandboxSoftphoneUrl: read.url('SANDBOX_SOFTPHONE_URL'),
    configDir: read.text('CONFIG_DIR') ?? 'config',
    logLevel: logLevel as Environment['logLevel'],
    auth: {
      secret: read.text('AUTH_SECRET'),
      accessTokenSeconds: read.integer('ACCESS_TOKEN_SECONDS', 900, 30, 86400),
      refreshTokenSeconds: read.integer('REFRESH_TOKEN_SECONDS', 7 * 86400, 60, 90 * 86400),
      adminUsername: read.text('ADMIN_USERNAME'),
      adminPassword: read.text('ADMIN_PASSWORD'),
      loginAttemptsPerMinute: read.integer('LOGIN_ATTEMPTS_PER_MINUTE', 10, 1, 10000),
    },
  };
  if (environment.auth.adminUsername && !environment.auth.adminPassword) {
    read.problems.push({
      file: 'environment',
      key: 'ADMIN_PASSWORD',
      problem: 'is required with ADMIN_USERNAME',
    });
  }
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return environment;
}
