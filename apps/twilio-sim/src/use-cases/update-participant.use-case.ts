import { TwilioRestError } from '../core/twilio-rest-error';
import { ConferenceRoom, ParticipantChanges } from '../conferences/conference-room';
import { Participant } from '../conferences/participant';
import { HttpMethod } from '../webhooks/webhook-client';
import { AnnounceToConference } from './announce-to-conference.use-case';

export interface ParticipantUpdate {
  changes: ParticipantChanges;
  announceUrl?: string;
  announceMethod: HttpMethod;
}

/**
 * `POST Participants/{CallSid|label}.json`: mute, hold with hold music, coach (whisper to one
 * participant only) or barge, and play an announcement to this participant.
 */
export class UpdateParticipant {
  constructor(private readonly announce: AnnounceToConference) {}

  execute(room: ConferenceRoom, participant: Participant, update: ParticipantUpdate): void {
    const { changes } = update;
    const coaching = changes.coaching ?? participant.settings.coaching;
    const callSidToCoach = changes.callSidToCoach ?? participant.settings.callSidToCoach;
    if (coaching && !callSidToCoach)
      throw new TwilioRestError(400, 21201, 'CallSidToCoach is required to coach');
    if (changes.callSidToCoach && !room.find(changes.callSidToCoach)) {
      throw TwilioRestError.invalid('CallSidToCoach', changes.callSidToCoach);
    }
    room.update(participant, {
      ...changes,
      coaching: changes.coaching ?? (changes.callSidToCoach ? true : undefined),
    });
    if (update.announceUrl)
      this.announce.execute(room, [participant], update.announceUrl, update.announceMethod);
  }
}
