import { cliOptions } from './cli-options';
import { startTwilioSim } from './twilio-sim';

startTwilioSim(cliOptions(process.argv.slice(2), process.env))
  .then((sim) => {
    console.log(`twilio-sim listening on ${sim.url} (REST ${sim.url}/2010-04-01, view ${sim.url}/sim/calls)`);
    const stop = () => void sim.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
