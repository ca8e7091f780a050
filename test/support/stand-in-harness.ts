import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTwilioSim, TwilioSim } from '@hotline/twilio-sim';
import { createServer } from 'node:net';
import { bootstrap } from '../../apps/hotline/src/bootstrap';
import { TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from './hotline-harness';
import { freshMysql, freshSqlite, TestDatabase } from './test-databases';

export interface StandInHarness {
  hotline: NestFastifyApplication;
  sim: TwilioSim;
  baseUrl: string;
  close(): Promise<void>;
}

/** A free loopback port: Hotline must know its public URL before it boots. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real Hotline on a real port, booted through the production bootstrap, with the Twilio
 * stand-in calling its webhooks (signed) and serving its REST calls: the whole call path offline.
 */
export async function startWithStandIn(
  options: { db?: 'sqlite' | 'mysql'; timeScale?: number; env?: Record<string, string> } = {},
): Promise<StandInHarness> {
  const database: TestDatabase = options.db === 'mysql' ? await freshMysql('standin') : freshSqlite();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const sim = await startTwilioSim({
    accountSid: TEST_ACCOUNT_SID,
    authToken: TEST_AUTH_TOKEN,
    voiceUrl: `${baseUrl}/twilio/voice`,
    statusCallbackUrl: `${baseUrl}/twilio/status`,
    statusCallbackEvents: ['initiated', 'ringing', 'answered', 'completed'],
    timeScale: options.timeScale ?? 0.02,
    host: '127.0.0.1',
    port: 0,
  });
  const hotline = await bootstrap({
    env: {
      DATABASE_URL: database.url,
      PUBLIC_BASE_URL: baseUrl,
      TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
      TWILIO_API_BASE_URL: sim.url,
      // Agents' browser pages answer through the stand-in's softphone bridge.
      SANDBOX_SOFTPHONE_URL: sim.url,
      LOG_LEVEL: 'silent',
      ...options.env,
    },
  });
  await hotline.listen({ port, host: '127.0.0.1' });
  return {
    hotline,
    sim,
    baseUrl,
    close: async () => {
      await sim.close();
      await hotline.close();
      await database.drop();
    },
  };
}
