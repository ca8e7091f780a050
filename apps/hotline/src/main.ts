import { bootstrap } from './bootstrap';
import { Settings } from './config/settings';

async function main(): Promise<void> {
  const app = await bootstrap({ env: process.env });
  const { env } = app.get(Settings);
  await app.listen({ port: env.port, host: env.host });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
