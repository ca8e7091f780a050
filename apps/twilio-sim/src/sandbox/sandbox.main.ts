import { startSandbox } from './sandbox-launcher';
import { wantsSandbox } from './sandbox-options';

/**
 * `npm start`: the sandbox (Hotline, the Twilio stand-in and simulated traffic) unless SANDBOX is
 * off or a Twilio account is configured; then Hotline alone, exactly as in production.
 */
async function main(): Promise<void> {
  if (!wantsSandbox(process.env)) {
    // Hotline's own entry point starts it when loaded.
    await import('../../../hotline/src/main.js');
    return;
  }
  const sandbox = await startSandbox(process.env);
  console.log(sandbox.banner());
  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal}: stopping the simulated traffic, the stand-in and Hotline…`);
    void sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
