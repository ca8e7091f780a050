import { startTwilioSim, TwilioSim } from '../twilio-sim';
import { TwilioSimOptions } from '../twilio-sim-options';
import { FakeApplication } from './fake-application';

export const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const AUTH_TOKEN = 'test-auth-token';
export const CALLER = '+14155550100';
export const HOTLINE = '+18005550199';

export interface Harness {
  app: FakeApplication;
  sim: TwilioSim;
  /** Basic auth header for the stand-in's REST API. */
  auth: string;
  close(): Promise<void>;
}

/** A fake application and a stand-in whose number points at its /voice and /status paths. */
export async function startHarness(options: Partial<TwilioSimOptions> = {}): Promise<Harness> {
  const app = await new FakeApplication().start();
  const sim = await startTwilioSim({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    voiceUrl: `${app.url}/voice`,
    statusCallbackUrl: `${app.url}/status`,
    timeScale: 0.002,
    ...options,
  });
  return {
    app,
    sim,
    auth: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`,
    close: async () => {
      await sim.close();
      await app.close();
    },
  };
}

export function twiml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}

export function api(path: string): string {
  return `/2010-04-01/Accounts/${ACCOUNT_SID}${path}`;
}
