import { Module } from '@nestjs/common';
import { Settings } from '../config/settings';
import { AdvanceIvr } from './advance-ivr.use-case';
import { AnswerIncomingCall } from './answer-incoming-call.use-case';
import { ApplyCallStatus } from './apply-call-status.use-case';
import { AudioController } from './audio.controller';
import { IvrEngine } from './ivr-engine';
import { IvrStepResponder } from './ivr-step.responder';
import { RecordQueueExit } from './record-queue-exit.use-case';
import { RecordVoicemail } from './record-voicemail.use-case';
import { ServeWaitLoop } from './serve-wait-loop.use-case';
import { TwilioAccount } from './twilio-account';
import { TwilioWebhookController } from './twilio-webhook.controller';
import { TwilioWebhookGuard } from './twilio-webhook.guard';
import { WebhookUrls } from './webhook-urls';

@Module({
  controllers: [TwilioWebhookController, AudioController],
  providers: [
    { provide: TwilioAccount, inject: [Settings], useFactory: TwilioAccount.fromSettings },
    { provide: IvrEngine, inject: [Settings], useFactory: IvrEngine.fromSettings },
    TwilioWebhookGuard,
    WebhookUrls,
    IvrStepResponder,
    AnswerIncomingCall,
    AdvanceIvr,
    ServeWaitLoop,
    RecordQueueExit,
    RecordVoicemail,
    ApplyCallStatus,
  ],
  exports: [TwilioAccount, WebhookUrls],
})
export class TelephonyModule {}
