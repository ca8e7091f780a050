import { Inject, Injectable } from '@nestjs/common';
import { jwt } from 'twilio';
import { Settings } from '../config/settings';
import { DomainError } from '../shared/domain-error';
import { TwilioAccount } from '../twilio/twilio-account';

const TTL_SECONDS = 3600;
const SANDBOX_KEY_SID = 'SK' + '0'.repeat(32);

export interface VoiceToken {
  token: string;
  identity: string;
  ttlSeconds: number;
  /** In the sandbox the page uses the stand-in's softphone instead of Twilio's Voice SDK. */
  sandbox: boolean;
  /** The stand-in's softphone bridge (socket.io, path /sim/socket.io, namespace /softphone), in the sandbox. */
  softphoneUrl?: string;
}

/**
 * Access tokens for agents' browser softphones (Twilio Voice SDK): the identity is the agent's,
 * so calls to `client:<identity>` ring their browser and nobody else's.
 */
@Injectable()
export class VoiceTokenIssuer {
  constructor(
    private readonly settings: Settings,
    @Inject(TwilioAccount) private readonly account: TwilioAccount | null,
  ) {}

  issue(identity: string): VoiceToken {
    const { twilio, sandbox } = this.settings.env;
    const keySid = twilio?.apiKeySid ?? (sandbox ? SANDBOX_KEY_SID : undefined);
    const keySecret = twilio?.apiKeySecret ?? (sandbox ? this.account?.authToken : undefined);
    if (!this.account || !keySid || !keySecret) {
      throw new DomainError(
        'VOICE.NOT_CONFIGURED',
        'Softphone tokens need TWILIO_API_KEY_SID, TWILIO_API_KEY_SECRET and TWILIO_TWIML_APP_SID',
        503,
      );
    }
    const token = new jwt.AccessToken(this.account.accountSid, keySid, keySecret, {
      identity,
      ttl: TTL_SECONDS,
    });
    token.addGrant(
      new jwt.AccessToken.VoiceGrant({ incomingAllow: true, outgoingApplicationSid: twilio?.twimlAppSid }),
    );
    const inSandbox = twilio?.apiKeySid === undefined && sandbox;
    return {
      token: token.toJwt(),
      identity,
      ttlSeconds: TTL_SECONDS,
      sandbox: inSandbox,
      softphoneUrl: inSandbox ? this.settings.env.sandboxSoftphoneUrl : undefined,
    };
  }
}
