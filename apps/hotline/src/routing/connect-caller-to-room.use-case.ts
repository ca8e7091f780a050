import { Injectable } from '@nestjs/common';
import { TwimlRenderer } from '@hotline/telephony';
import { DomainError } from '../shared/domain-error';
import { readVoiceRequest, TwilioForm, TwilioQuery } from '../twilio/twilio-request';
import { WebhookUrls } from '../twilio/webhook-urls';
import { TwilioBridge } from './twilio-bridge';

/**
 * A caller pulled out of the Twilio queue asks what next: they join the conference room named
 * after their own call, where the agent is dialled in. They hear hold music until the agent
 * answers, and their leaving ends the room.
 */
@Injectable()
export class ConnectCallerToRoom {
  constructor(
    private readonly twiml: TwimlRenderer,
    private readonly bridge: TwilioBridge,
    private readonly urls: WebhookUrls,
  ) {}

  async execute(form: TwilioForm, query: TwilioQuery): Promise<string> {
    const request = readVoiceRequest(form);
    if (query.room !== request.callSid) {
      throw new DomainError('ROUTING.BAD_ROOM', 'The room must be the caller’s own call', 400);
    }
    this.bridge.joinedRoom(request.callSid);
    return this.twiml.conferenceJoin({
      room: request.callSid,
      participantLabel: 'customer',
      statusCallbackUrl: this.urls.to('conference'),
      waitUrl: this.urls.holdMusic(),
    });
  }
}
