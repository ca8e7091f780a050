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
import { RequestCallback } from './request-callback.use-case';
import { RouteCaller } from './route-caller.use-case';
import { RoutingModule } from '../routing/routing.module';
import { ServeWaitLoop } from './serve-wait-loop.use-case';
import { TwilioWebhookController } from './twilio-webhook.controller';
import { TwilioModule } from '../twilio/twilio.module';

@Module({
  imports: [TwilioModule, RoutingModule],
  controllers: [TwilioWebhookController, AudioController],
  providers: [
    { provide: IvrEngine, inject: [Settings], useFactory: IvrEngine.fromSettings },
    IvrStepResponder,
    AnswerIncomingCall,
    AdvanceIvr,
    ServeWaitLoop,
    RecordQueueExit,
    RecordVoicemail,
    ApplyCallStatus,
    RequestCallback,
    RouteCaller,
  ],
})
export class TelephonyModule {}
