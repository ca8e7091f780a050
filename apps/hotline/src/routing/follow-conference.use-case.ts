import { Injectable } from '@nestjs/common';
import { TwilioForm } from '../twilio/twilio-request';
import { TwilioBridge } from './twilio-bridge';

/** Conference status callbacks: a caller seen joining their room is known to be out of the queue. */
@Injectable()
export class FollowConference {
  constructor(private readonly bridge: TwilioBridge) {}

  async execute(form: TwilioForm): Promise<void> {
    if (
      form.StatusCallbackEvent === 'participant-join' &&
      form.ParticipantLabel === 'customer' &&
      form.FriendlyName
    ) {
      this.bridge.joinedRoom(form.FriendlyName);
    }
  }
}
