import { parseArgs } from 'node:util';
import { StatusCallbackEvent } from './calls/call-leg';
import { TwilioSimOptions } from './twilio-sim-options';

const USAGE = `Usage: twilio-sim --voice-url URL [--status-url URL] [--port N] [--host H] [--time-scale X]
                  [--account-sid AC…] [--auth-token T] [--status-events "initiated ringing answered completed"]
Each flag falls back to an environment variable: TWILIO_SIM_VOICE_URL, TWILIO_SIM_STATUS_URL,
TWILIO_SIM_PORT, TWILIO_SIM_HOST, TWILIO_SIM_TIME_SCALE, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN,
TWILIO_SIM_STATUS_EVENTS, TWILIO_SIM_CALLS_PER_SECOND.`;

/** The CLI's configuration: flags first, then environment variables; read here and nowhere else. */
export function cliOptions(argv: string[], env: NodeJS.ProcessEnv): TwilioSimOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'voice-url': { type: 'string' },
      'status-url': { type: 'string' },
      'status-events': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'time-scale': { type: 'string' },
      'account-sid': { type: 'string' },
      'auth-token': { type: 'string' },
      'calls-per-second': { type: 'string' },
    },
  });
  const voiceUrl = values['voice-url'] ?? env.TWILIO_SIM_VOICE_URL;
  const accountSid = values['account-sid'] ?? env.TWILIO_ACCOUNT_SID;
  const authToken = values['auth-token'] ?? env.TWILIO_AUTH_TOKEN;
  if (!voiceUrl || !accountSid || !authToken) throw new Error(USAGE);
  const events = values['status-events'] ?? env.TWILIO_SIM_STATUS_EVENTS;
  return {
    voiceUrl,
    accountSid,
    authToken,
    statusCallbackUrl: values['status-url'] ?? env.TWILIO_SIM_STATUS_URL,
    statusCallbackEvents: events ? (events.split(/[\s,]+/) as StatusCallbackEvent[]) : undefined,
    port: numberOr(values.port ?? env.TWILIO_SIM_PORT, 3900),
    host: values.host ?? env.TWILIO_SIM_HOST ?? '127.0.0.1',
    timeScale: numberOr(values['time-scale'] ?? env.TWILIO_SIM_TIME_SCALE, 1),
    outboundCallsPerSecond: numberOr(
      values['calls-per-second'] ?? env.TWILIO_SIM_CALLS_PER_SECOND,
      undefined,
    ),
  };
}

function numberOr<T extends number | undefined>(raw: string | undefined, fallback: T): number | T {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`not a number: ${raw}\n${USAGE}`);
  return value;
}
