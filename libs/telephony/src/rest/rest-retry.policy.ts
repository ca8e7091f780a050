import { RestException } from 'twilio';
import { TwilioApiError } from './twilio-voice-api.port';

export type Sleep = (ms: number) => Promise<void>;

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 2000;

/**
 * Runs one REST command, trying again with growing pauses while Twilio's answer says it may
 * succeed later. Pauses are not jittered: one Hotline instance at a time sends routing commands.
 */
export class RestRetryPolicy {
  constructor(
    private readonly retries: number,
    private readonly sleep: Sleep,
  ) {}

  /**
   * A command that creates something (a call, a participant) is tried again only when Twilio
   * said it did not take it (429): after a timeout or a 5xx it may have, and a second try would
   * dial the same person twice.
   */
  async run<T>(command: string, send: () => Promise<T>, creates = false): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send();
      } catch (err) {
        const error = toTwilioApiError(command, err);
        const again = creates ? error.status === 429 : error.retryable;
        if (!again || attempt >= this.retries) throw error;
        await this.sleep(Math.min(FIRST_DELAY_MS * 2 ** attempt, MAX_DELAY_MS));
      }
    }
  }
}

/** Twilio's refusal, or a failure to hear from Twilio at all; anything else is a bug and is thrown as is. */
function toTwilioApiError(command: string, err: unknown): TwilioApiError {
  if (err instanceof TwilioApiError) return err;
  if (err instanceof RestException) {
    const retryable = err.status >= 500 || err.status === 429;
    const code = err.code === undefined ? '' : ` (${err.code})`;
    return new TwilioApiError(
      `Twilio ${command} failed: HTTP ${err.status}${code} ${err.message}`,
      err.status,
      err.code,
      retryable,
    );
  }
  if (isTransportError(err)) {
    return new TwilioApiError(
      `Twilio ${command} failed: ${err.code} ${err.message}`,
      undefined,
      undefined,
      true,
    );
  }
  throw err;
}

/** Timeouts, refused or reset connections: axios and Node name them with a string code. */
function isTransportError(err: unknown): err is Error & { code: string } {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string';
}
