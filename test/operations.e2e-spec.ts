import type { InjectOptions } from 'fastify';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { bootstrap } from '../apps/hotline/src/bootstrap';
import { sign, PUBLIC_BASE_URL, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from './support/hotline-harness';
import { eventually } from './support/eventually';
import { freshSqlite } from './support/test-databases';

describe('operations', () => {
  const lines: Record<string, unknown>[] = [];
  const database = freshSqlite();
  let app: Awaited<ReturnType<typeof bootstrap>>;

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(
          ...String(chunk)
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line)),
        );
        done();
      },
    });
    app = await bootstrap({
      env: {
        DATABASE_URL: database.url,
        PUBLIC_BASE_URL,
        TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
        LOG_LEVEL: 'info',
      },
      logDestination: destination,
    });
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const inject = (options: InjectOptions) => app.getHttpAdapter().getInstance().inject(options);
  const twilio = (url: string, params: Record<string, string>) =>
    inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': sign(url, params),
      },
      payload: new URLSearchParams(params).toString(),
    });

  it('publishes the OpenAPI description at /api/docs and /api/docs-json', async () => {
    const json = await inject({ method: 'GET', url: '/api/docs-json' });
    expect(json.statusCode).toBe(200);
    const document = json.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/health']),
    );
    expect(Object.keys(document.paths).some((path) => path.startsWith('/twilio'))).toBe(false);
    expect((await inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(200);
  });

  it('logs JSON lines with the CallSid as correlation id and the phone numbers masked', async () => {
    const params = {
      CallSid: 'CA' + 'c'.repeat(32),
      AccountSid: TEST_ACCOUNT_SID,
      From: '+8613812345678',
      To: '+864000000000',
      CallStatus: 'ringing',
      Direction: 'inbound',
    };
    const response = await twilio('/twilio/voice', params);
    expect(response.statusCode).toBe(200);
    const line = lines.find((entry) => entry.CallSid === params.CallSid);
    expect(line).toMatchObject({
      msg: 'twilio webhook',
      From: '+86*******5678',
      path: '/twilio/voice',
      level: 30,
    });
    expect(JSON.stringify(lines)).not.toContain('13812345678');
  });

  it('refuses a status callback for a call it never saw with a stable error code', async () => {
    const params = {
      CallSid: 'CA' + 'd'.repeat(32),
      AccountSid: TEST_ACCOUNT_SID,
      CallStatus: 'completed',
      SequenceNumber: '0',
    };
    const response = await twilio('/twilio/status', params);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'CALL.NOT_FOUND' });
    const line = await eventually(() => {
      const found = lines.find((entry) => entry.msg === 'twilio webhook' && entry.CallSid === params.CallSid);
      expect(found).toBeDefined();
      return found;
    });
    expect(line).toMatchObject({ path: '/twilio/status', status: 'completed', httpStatus: 404 });
  });

  it('reports the database down on /health, and answers an unexpected failure with 500 and a logged error id', async () => {
    await app.get(DataSource).destroy();
    const health = await inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ database: 'down' });
    const params = {
      CallSid: 'CA' + 'e'.repeat(32),
      AccountSid: TEST_ACCOUNT_SID,
      From: '+8613800000000',
      To: '+864000000000',
    };
    const failed = await twilio('/twilio/voice', params);
    expect(failed.statusCode).toBe(500);
    const { errorId, code } = failed.json();
    expect(code).toBe('INTERNAL');
    expect(lines.find((entry) => entry.errorId === errorId)).toMatchObject({
      msg: 'unhandled error',
      level: 50,
    });
  });
});
