import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { bootstrap } from '../../../hotline/src/bootstrap';
import { startTwilioSim, TwilioSim } from '../twilio-sim';

export interface OfflineContactCenterOptions {
  /** Hotline's environment; the Twilio and sandbox variables below are set over it. */
  env: Record<string, string | undefined>;
  host: string;
  /** Hotline's port; 0 picks a free one. */
  port: number;
  /** The stand-in's port; 0 picks a free one. */
  standInPort: number;
  timeScale: number;
}

/** Hotline and the Twilio stand-in, wired to each other on loopback: the contact center offline. */
export interface OfflineContactCenter {
  hotline: NestFastifyApplication;
  sim: TwilioSim;
  /** Where Hotline listens, and the base of every URL the stand-in calls (PUBLIC_BASE_URL). */
  hotlineUrl: string;
  standInUrl: string;
  /** Stops Hotline, then ends every call at the stand-in and stops it; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts the stand-in with a freshly generated account, then Hotline through its production
 * bootstrap with that account, the stand-in as its Twilio REST API and softphone bridge, and the
 * sandbox on (demo accounts, the always-open overlay of config/sandbox).
 */
export async function startOfflineContactCenter(
  options: OfflineContactCenterOptions,
): Promise<OfflineContactCenter> {
  const port = options.port || (await freePort(options.host));
  const hotlineUrl = `http://${options.host}:${port}`;
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const sim = await startTwilioSim({
    accountSid,
    authToken,
    voiceUrl: `${hotlineUrl}/twilio/voice`,
    statusCallbackUrl: `${hotlineUrl}/twilio/status`,
    statusCallbackEvents: ['initiated', 'ringing', 'answered', 'completed'],
    timeScale: options.timeScale,
    host: options.host,
    port: options.standInPort,
  });
  try {
    const hotline = await bootstrap({
      env: {
        ...options.env,
        PORT: String(port),
        HOST: options.host,
        PUBLIC_BASE_URL: hotlineUrl,
        TWILIO_ACCOUNT_SID: accountSid,
        TWILIO_AUTH_TOKEN: authToken,
        TWILIO_API_BASE_URL: sim.url,
        SANDBOX: 'on',
        SANDBOX_SOFTPHONE_URL: options.env.SANDBOX_SOFTPHONE_URL ?? sim.url,
      },
    });
    await hotline.listen({ port, host: options.host });
    let closed: Promise<void> | undefined;
    return {
      hotline,
      sim,
      hotlineUrl,
      standInUrl: sim.url,
      close: () =>
        (closed ??= (async () => {
          // Hotline first: its shutdown waits for running handlers, and those may be calling the stand-in.
          await hotline.close();
          await sim.close();
        })()),
    };
  } catch (error) {
    await sim.close();
    throw error;
  }
}

/** A free port: Hotline must know its public URL before it boots. */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
