import type { Logger } from 'pino';
import { bootstrap } from './bootstrap';
import { Settings } from './config/settings';
import { LOGGER } from './shared/logger';

async function main(): Promise<void> {
  const app = await bootstrap({ env: process.env });
  const { env } = app.get(Settings);
  await app.listen({ port: env.port, host: env.host });
  app.get<symbol, Logger>(LOGGER).info(
    {
      api: `${env.publicBaseUrl}/api/docs`,
      health: `${env.publicBaseUrl}/health`,
      voiceUrl: `${env.publicBaseUrl}/twilio/voice`,
      sandbox: env.sandbox,
    },
    `Hotline is listening on ${env.publicBaseUrl}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
