import { Module } from '@nestjs/common';
import { TwilioRestVoiceApi, TwilioVoiceApi, TwimlRenderer } from '@hotline/telephony';
import { Settings } from '../config/settings';
import { TwilioAccount } from './twilio-account';
import { TwilioWebhookGuard } from './twilio-webhook.guard';
import { WebhookUrls } from './webhook-urls';

/**
 * The Twilio edge every other module builds on: the account, its REST API, webhook URLs, the
 * signature check and the TwiML renderer. Without an account (sandbox off, no credentials) there
 * is no REST API either.
 */
@Module({
  providers: [
    { provide: TwilioAccount, inject: [Settings], useFactory: TwilioAccount.fromSettings },
    {
      provide: TwilioVoiceApi,
      inject: [TwilioAccount],
      useFactory: (account: TwilioAccount | null) =>
        account &&
        new TwilioRestVoiceApi({
          accountSid: account.accountSid,
          authToken: account.authToken,
          apiBaseUrl: account.apiBaseUrl,
        }),
    },
    TwilioWebhookGuard,
    WebhookUrls,
    // One renderer for every webhook: the documents it keeps serve them all.
    { provide: TwimlRenderer, useValue: new TwimlRenderer() },
  ],
  exports: [TwilioAccount, TwilioVoiceApi, TwilioWebhookGuard, WebhookUrls, TwimlRenderer],
})
export class TwilioModule {}
