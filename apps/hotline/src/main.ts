import { bootstrap } from './bootstrap';

bootstrap()
  .then((app) => app.listen())
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
