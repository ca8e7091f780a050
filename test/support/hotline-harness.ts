import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getExpectedTwilioSignature } from 'twilio';
import { bootstrap } from '../../apps/hotline/src/bootstrap';
import { Clock } from '../../apps/hotline/src/shared/clock';
import { freshMysql, freshSqlite, TestDatabase } from './test-databases';

export const TEST_ACCOUNT_SID = 'AC' + '1'.repeat(32);
export const TEST_AUTH_TOKEN = 'test-auth-token-0123456789abcdef';
export const PUBLIC_BASE_URL = 'https://hotline.example.com';

/** A clock the test moves by hand. */
export class ManualClock extends Clock {
  constructor(private time: number) {
    super();
  }

  now(): number {
    return this.time;
  }

  set(time: number): void {
    this.time = time;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

export interface Harness {
  app: NestFastifyApplication;
  database: TestDatabase;
  /** Sends a correctly signed Twilio webhook, as Twilio would. */
  twilio(path: string, params: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Sends any HTTP request (no Twilio signature). */
  http(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    options?: {
      body?: unknown;
      token?: string;
      headers?: Record<string, string>;
      form?: Record<string, string>;
    },
  ): Promise<{ status: number; body: string; json<T = Record<string, unknown>>(): T }>;
  login(username: string, password: string): Promise<string>;
  /** Stops Hotline and drops its database, unless it is kept for another boot (a restart). */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

export function sign(path: string, params: Record<string, string>): string {
  return getExpectedTwilioSignature(TEST_AUTH_TOKEN, PUBLIC_BASE_URL + path, params);
}

/** Boots Hotline through the production bootstrap on a fresh database. */
export async function startHotline(options: {
  db?: 'sqlite' | 'mysql';
  env?: Record<string, string>;
  clock?: Clock;
  suite?: string;
  /** Boot on this database instead of a fresh one: a restart. */
  database?: TestDatabase;
}): Promise<Harness> {
  const database =
    options.database ?? (options.db === 'mysql' ? await freshMysql(options.suite ?? 'e2e') : freshSqlite());
  const app = await bootstrap({
    env: {
      DATABASE_URL: database.url,
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
      ADMIN_USERNAME: 'root',
      ADMIN_PASSWORD: 'root-password-1',
      LOG_LEVEL: 'silent',
      ...options.env,
    },
    clock: options.clock,
  });
  await app.getHttpAdapter().getInstance().ready();
  const fastify = app.getHttpAdapter().getInstance();

  const http: Harness['http'] = async (method, path, request = {}) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    let payload: string | undefined;
    if (request.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(request.form).toString();
    } else if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(request.body);
    }
    const response = await fastify.inject({ method, url: path, headers, payload });
    return {
      status: response.statusCode,
      body: response.body,
      json: <T>() => JSON.parse(response.body) as T,
    };
  };

  return {
    app,
    database,
    http,
    twilio: async (path, params) => {
      const response = await http('POST', path, {
        form: params,
        headers: { 'x-twilio-signature': sign(path, params) },
      });
      return { status: response.status, body: response.body };
    },
    login: async (username, password) => {
      const response = await http('POST', '/api/auth/login', { body: { username, password } });
      if (response.status !== 200)
        throw new Error(`login ${username} failed: ${response.status} ${response.body}`);
      return response.json<{ accessToken: string }>().accessToken;
    },
    close: async ({ keepDatabase = false } = {}) => {
      await app.close();
      if (!keepDatabase) await database.drop();
    },
  };
}
