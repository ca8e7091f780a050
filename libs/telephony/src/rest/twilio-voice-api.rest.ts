import twilio, { Twilio } from 'twilio';
import { RestRetryPolicy, Sleep } from './rest-retry.policy';
import { createTwilioHttpClient } from './twilio-http-client.factory';
import {
  NewCall,
  NewParticipant,
  ParticipantChange,
  TwilioApiError,
  TwilioVoiceApi,
} from './twilio-voice-api.port';

export interface TwilioRestSettings {
  accountSid: string;
  authToken: string;
  /** A Twilio-compatible endpoint (TWILIO_API_BASE_URL, e.g. the local stand-in); Twilio's cloud without it. */
  apiBaseUrl?: string;
  /** Per request. Default 5000. */
  timeoutMs?: number;
  /** Further attempts after a failure that may pass (network, timeout, 5xx, 429). Default 2. */
  retries?: number;
}

const POST = 'POST';
const CALL_PROGRESS_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];
/** Twilio's "call is not in a state that allows this": a call still ringing cannot be completed. */
const INVALID_CALL_STATE = 21220;
const NOT_FOUND = 404;
const NO_SUCH_RESOURCE = 20404;
/** Twilio's largest page: one request lists every queue of an ordinary account. */
const QUEUE_PAGE_SIZE = 1000;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** TwilioVoiceApi through twilio-node, against Twilio's cloud or a Twilio-compatible endpoint. */
export class TwilioRestVoiceApi extends TwilioVoiceApi {
  private readonly client: Twilio;
  private readonly retry: RestRetryPolicy;
  /** Queue FriendlyName → QueueSid. Twilio queues live until deleted, so the sid rarely changes. */
  private readonly queueSids = new Map<string, string>();

  constructor(settings: TwilioRestSettings, sleep: Sleep = realSleep) {
    super();
    const httpClient = createTwilioHttpClient({
      apiBaseUrl: settings.apiBaseUrl,
      timeoutMs: settings.timeoutMs ?? 5000,
    });
    this.client = twilio(settings.accountSid, settings.authToken, { httpClient });
    this.retry = new RestRetryPolicy(settings.retries ?? 2, sleep);
  }

  async dequeue(queueName: string, callSid: string, url: string): Promise<void> {
    const queueSid = await this.queueSid(queueName);
    try {
      await this.dequeueMember(queueSid, callSid, url);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      // The queue may have been deleted and re-created (a new sid) since it was cached; otherwise
      // the caller is simply no longer in it.
      this.queueSids.delete(queueName);
      const current = await this.queueSid(queueName);
      if (current === queueSid) throw err;
      await this.dequeueMember(current, callSid, url);
    }
  }

  async addParticipant(room: string, participant: NewParticipant): Promise<{ callSid: string }> {
    const created = await this.retry.run(
      'add participant',
      () =>
        this.client.conferences(pathSegment(room)).participants.create({
          from: participant.from,
          to: participant.to,
          label: participant.label,
          timeout: participant.timeoutSeconds,
          statusCallback: participant.statusCallbackUrl,
          statusCallbackEvent: CALL_PROGRESS_EVENTS,
          statusCallbackMethod: POST,
          endConferenceOnExit: participant.endConferenceOnExit,
          earlyMedia: participant.earlyMedia,
          muted: participant.muted,
          coaching: participant.callSidToCoach === undefined ? undefined : true,
          callSidToCoach: participant.callSidToCoach,
        }),
      true,
    );
    return { callSid: created.callSid };
  }

  async updateParticipant(
    room: string,
    participantCallSidOrLabel: string,
    change: ParticipantChange,
  ): Promise<void> {
    const conferenceSid = await this.conferenceSid(room);
    await this.retry.run('update participant', () =>
      this.participant(conferenceSid, participantCallSidOrLabel).update({
        muted: change.muted,
        hold: change.hold,
        holdUrl: change.holdUrl,
        holdMethod: change.holdUrl === undefined ? undefined : POST,
        coaching: change.coaching,
        callSidToCoach: change.callSidToCoach,
      }),
    );
  }

  async removeParticipant(room: string, participantCallSidOrLabel: string): Promise<void> {
    const conferenceSid = await this.conferenceSid(room);
    await this.retry.run('remove participant', () =>
      this.participant(conferenceSid, participantCallSidOrLabel).remove(),
    );
  }

  async redirectCall(callSid: string, url: string): Promise<void> {
    await this.retry.run('redirect call', () => this.client.calls(callSid).update({ url, method: POST }));
  }

  async endCall(callSid: string): Promise<void> {
    try {
      await this.retry.run('end call', () => this.client.calls(callSid).update({ status: 'completed' }));
    } catch (err) {
      if (!(err instanceof TwilioApiError && err.twilioCode === INVALID_CALL_STATE)) throw err;
      await this.retry.run('cancel call', () => this.client.calls(callSid).update({ status: 'canceled' }));
    }
  }

  async placeCall(call: NewCall): Promise<{ callSid: string }> {
    const created = await this.retry.run(
      'place call',
      () =>
        this.client.calls.create({
          to: call.to,
          from: call.from,
          url: call.url,
          method: POST,
          statusCallback: call.statusCallbackUrl,
          statusCallbackEvent: CALL_PROGRESS_EVENTS,
          statusCallbackMethod: POST,
          timeout: call.timeoutSeconds,
        }),
      true,
    );
    return { callSid: created.sid };
  }

  private async dequeueMember(queueSid: string, callSid: string, url: string): Promise<void> {
    await this.retry.run('dequeue', () =>
      this.client.queues(queueSid).members(callSid).update({ url, method: POST }),
    );
  }

  /** Twilio has no lookup by name: one listing caches every queue it names. */
  private async queueSid(queueName: string): Promise<string> {
    const cached = this.queueSids.get(queueName);
    if (cached) return cached;
    const queues = await this.retry.run('list queues', () =>
      this.client.queues.list({ pageSize: QUEUE_PAGE_SIZE }),
    );
    for (const queue of queues) this.queueSids.set(queue.friendlyName, queue.sid);
    const sid = this.queueSids.get(queueName);
    if (!sid) throw notFound(`Twilio has no queue named ${queueName}`);
    return sid;
  }

  /** Not cached: a room lives for one call, and a later room may reuse the name. */
  private async conferenceSid(room: string): Promise<string> {
    const conferences = await this.retry.run('find conference', () =>
      this.client.conferences.list({ friendlyName: room }),
    );
    const live = conferences.find((conference) => conference.status !== 'completed');
    if (!live) throw notFound(`Twilio has no live conference named ${room}`);
    return live.sid;
  }

  private participant(conferenceSid: string, callSidOrLabel: string) {
    return this.client.conferences(conferenceSid).participants(pathSegment(callSidOrLabel));
  }
}

/** twilio-node puts path parameters into the URL as they are. */
function pathSegment(value: string): string {
  return encodeURIComponent(value);
}

function notFound(message: string): TwilioApiError {
  return new TwilioApiError(message, NOT_FOUND, NO_SUCH_RESOURCE, false);
}

function isNotFound(err: unknown): boolean {
  return err instanceof TwilioApiError && err.status === NOT_FOUND;
}
