import { randomBytes } from 'node:crypto';
import { Settings } from '../config/settings';

/** The Twilio account whose webhooks Hotline accepts and whose REST API it calls. */
export class TwilioAccount {
  constructor(
    readonly accountSid: string,
    readonly authToken: string,
    /** Where REST calls go instead of Twilio's cloud (the sandbox's stand-in, or a proxy). */
    readonly apiBaseUrl?: string,
  ) {}

  /**
   * The configured account; in the sandbox, a local account played by the stand-in, with an auth
   * token that lives as long as the process.
   */
  static fromSettings(settings: Settings): TwilioAccount | null {
    const { twilio, sandbox } = settings.env;
    if (twilio) return new TwilioAccount(twilio.accountSid, twilio.authToken, twilio.apiBaseUrl);
    if (sandbox) return new TwilioAccount(SANDBOX_ACCOUNT_SID, randomBytes(16).toString('hex'));
    return null;
  }
}

export const SANDBOX_ACCOUNT_SID = 'ACa11ce5a11ce5a11ce5a11ce5a11ce5a1';
