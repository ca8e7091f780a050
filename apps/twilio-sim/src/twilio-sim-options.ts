import { StatusCallbackEvent } from './calls/call-leg';
import { ACCOUNT_SID_PATTERN } from './core/sid';
import { HttpMethod } from './webhooks/webhook-client';

export interface TwilioSimOptions {
  accountSid: string;
  authToken: string;
  /** The phone number's voice URL: every inbound call starts with a request to it. */
  voiceUrl: string;
  voiceMethod?: HttpMethod;
  /** The phone number's status callback URL. */
  statusCallbackUrl?: string;
  statusCallbackMethod?: HttpMethod;
  /** Twilio sends a number's status callback on completion only; ask for more to see every step. */
  statusCallbackEvents?: StatusCallbackEvent[];
  /** Real time per simulated second: 0.01 plays a 5 s Gather timeout in 50 ms. Default 1. */
  timeScale?: number;
  port?: number;
  host?: string;
  /** Speaking rate of Say, characters per second. Default 15. */
  sayCharsPerSecond?: number;
  /** How long any audio file plays, in seconds. Default 10. */
  playSeconds?: number;
  /** What plays when Twilio's default wait or hold music would. */
  holdMusicUrl?: string;
  /** How long the stand-in waits for the application's answer (real ms). Twilio waits 15 s. */
  webhookTimeoutMs?: number;
  /** Outbound REST calls per simulated second before 429/20429; unlimited when unset. */
  outboundCallsPerSecond?: number;
  /** Fastify's request logging. */
  logger?: boolean;
}

export type ResolvedSimOptions = Required<
  Omit<TwilioSimOptions, 'statusCallbackUrl' | 'outboundCallsPerSecond' | 'statusCallbackEvents'>
> &
  Pick<TwilioSimOptions, 'statusCallbackUrl' | 'outboundCallsPerSecond'> & {
    statusCallbackEvents: StatusCallbackEvent[];
  };

export const DEFAULT_HOLD_MUSIC = 'http://com.twilio.music.classical.s3.amazonaws.com/BusyStrings.mp3';

export function resolveSimOptions(options: TwilioSimOptions): ResolvedSimOptions {
  if (!ACCOUNT_SID_PATTERN.test(options.accountSid)) {
    throw new Error(`accountSid must be AC followed by 32 lowercase hex digits, got ${options.accountSid}`);
  }
  if (!options.authToken) throw new Error('authToken is required');
  new URL(options.voiceUrl);
  return {
    voiceMethod: 'POST',
    statusCallbackMethod: 'POST',
    statusCallbackEvents: ['completed'],
    timeScale: 1,
    port: 0,
    host: '127.0.0.1',
    sayCharsPerSecond: 15,
    playSeconds: 10,
    holdMusicUrl: DEFAULT_HOLD_MUSIC,
    webhookTimeoutMs: 15_000,
    logger: false,
    ...definedOnly(options),
    accountSid: options.accountSid,
    authToken: options.authToken,
    voiceUrl: options.voiceUrl,
  };
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
