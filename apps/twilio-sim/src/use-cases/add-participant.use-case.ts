import { CallLeg, StatusCallbackConfig } from '../calls/call-leg';
import { attendConference } from '../conferences/conference-attendance';
import { ConferenceCallbackConfig } from '../conferences/conference-notifier';
import { ConferenceRoom } from '../conferences/conference-room';
import { Participant, ParticipantSettings } from '../conferences/participant';
import { TwimlRunner } from '../execution/twiml-runner';
import { SimServices } from '../execution/verb-context';

export interface AddParticipantRequest {
  from: string;
  to: string;
  settings: ParticipantSettings;
  timeout: number;
  statusCallback?: StatusCallbackConfig;
  conferenceCallback?: ConferenceCallbackConfig;
}

/**
 * `POST Conferences/{sid}/Participants.json`: calls `to`; once answered the call joins the room
 * and stays until it hangs up, is removed or the room ends (then the call ends), or is redirected
 * to TwiML by a call update.
 */
export class AddParticipant {
  constructor(
    private readonly services: SimServices,
    private readonly runner: TwimlRunner,
    private readonly track: (task: Promise<void>) => void,
  ) {}

  execute(room: ConferenceRoom, request: AddParticipantRequest): Participant {
    const leg = this.services.calls.create({
      accountSid: room.accountSid,
      from: request.from,
      to: request.to,
      direction: 'outbound-api',
      status: 'queued',
      statusCallback: request.statusCallback,
    });
    const participant = room.invite(leg, request.settings);
    // Dialing starts after the API has answered, which shows the call still queued.
    this.track(Promise.resolve().then(() => this.connect(room, participant, leg, request)));
    return participant;
  }

  private async connect(
    room: ConferenceRoom,
    participant: Participant,
    leg: CallLeg,
    request: AddParticipantRequest,
  ): Promise<void> {
    leg.setStatus('initiated');
    participant.status = 'ringing';
    const outcome = await this.services.ringer.ring(leg, request.timeout, leg.signal);
    if (outcome !== 'answered' || room.isEnded) {
      room.leave(participant, 'not-answered');
      if (outcome === 'answered') leg.answer();
      leg.end(outcome === 'answered' ? 'completed' : outcome, 'not-answered');
      return;
    }
    leg.answer();
    room.join(participant, request.conferenceCallback);
    const reason = await attendConference(this.services, room, participant, leg.openDocumentScope());
    const redirect = leg.takeRedirect();
    if (redirect) await this.runner.runCall(leg, redirect);
    else leg.end('completed', reason === 'conference-ended' ? 'conference-ended' : 'api');
  }
}
