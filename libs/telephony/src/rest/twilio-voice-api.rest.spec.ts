import { randomBytes } from 'node:crypto';
import { RecordedRequest, startRecordingTwilioApi } from '../../../../test/support/recording-twilio-api';
import { describeTwilioVoiceApiContract, VoiceApiEffect } from './twilio-voice-api.contract';
import { NewParticipant, ParticipantChange, TwilioApiError } from './twilio-voice-api.port';
import { TwilioRestVoiceApi } from './twilio-voice-api.rest';

const ACCOUNT_SID = 'AC' + 'ab'.repeat(16);
const AUTH_TOKEN = 'recording-fake-token';
const API = `/2010-04-01/Accounts/${ACCOUNT_SID}`;
const HOTLINE = 'https://hotline.example.com';
const PROGRESS_EVENTS = 'initiated,ringing,answered,completed';

const callSid = () => 'CA' + randomBytes(16).toString('hex');
const post = (path: string, params: Record<string, string>): RecordedRequest => ({
  method: 'POST',
  path,
  params,
});
const findRoom = (room: string): RecordedRequest => ({
  method: 'GET',
  path: `${API}/Conferences.json`,
  params: { FriendlyName: room },
});

/** Twilio's form for a new participant: every progress callback, by POST; optional flags only when set. */
function participantForm(p: NewParticipant): Record<string, string> {
  return {
    From: p.from,
    To: p.to,
    Label: p.label,
    Timeout: String(p.timeoutSeconds),
    StatusCallback: p.statusCallbackUrl,
    StatusCallbackEvent: PROGRESS_EVENTS,
    StatusCallbackMethod: 'POST',
    EndConferenceOnExit: String(p.endConferenceOnExit),
    ...(p.earlyMedia === undefined ? {} : { EarlyMedia: String(p.earlyMedia) }),
    ...(p.muted === undefined ? {} : { Muted: String(p.muted) }),
    ...(p.callSidToCoach === undefined ? {} : { Coaching: 'true', CallSidToCoach: p.callSidToCoach }),
  };
}

function participantChangeForm(change: ParticipantChange): Record<string, string> {
  const form: Record<string, string> = {};
  if (change.muted !== undefined) form.Muted = String(change.muted);
  if (change.hold !== undefined) form.Hold = String(change.hold);
  if (change.holdUrl !== undefined) Object.assign(form, { HoldUrl: change.holdUrl, HoldMethod: 'POST' });
  if (change.coaching !== undefined) form.Coaching = String(change.coaching);
  if (change.callSidToCoach !== undefined) form.CallSidToCoach = change.callSidToCoach;
  return form;
}

async function openApi(options: { timeoutMs?: number; retries?: number } = {}) {
  const fake = await startRecordingTwilioApi({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  const sleeps: number[] = [];
  const api = new TwilioRestVoiceApi(
    { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBaseUrl: fake.url, ...options },
    async (ms) => {
      sleeps.push(ms);
    },
  );
  return { fake, api, sleeps };
}

describeTwilioVoiceApiContract('recording fake (exact REST requests)', async () => {
  const { fake, api } = await openApi();
  const queueSids = new Map<string, string>();
  const roomSids = new Map<string, string>();
  let seen = 0;

  const expectedRequests = (effect: VoiceApiEffect): RecordedRequest[] => {
    switch (effect.kind) {
      case 'dequeued':
        return [
          { method: 'GET', path: `${API}/Queues.json`, params: { PageSize: '1000' } },
          post(`${API}/Queues/${queueSids.get(effect.queue)}/Members/${effect.callSid}.json`, {
            Url: effect.url,
            Method: 'POST',
          }),
        ];
      case 'participant-joined':
        return [
          post(`${API}/Conferences/${effect.room}/Participants.json`, participantForm(effect.participant)),
        ];
      case 'participant-updated':
        return [
          findRoom(effect.room),
          post(
            `${API}/Conferences/${roomSids.get(effect.room)}/Participants/${effect.participant}.json`,
            participantChangeForm(effect.change),
          ),
        ];
      case 'participant-removed':
        return [
          findRoom(effect.room),
          {
            method: 'DELETE',
            path: `${API}/Conferences/${roomSids.get(effect.room)}/Participants/${effect.participant}.json`,
            params: {},
          },
        ];
      case 'redirected':
        return [post(`${API}/Calls/${effect.callSid}.json`, { Url: effect.url, Method: 'POST' })];
      case 'ended':
        return (effect.status === 'completed' ? ['completed'] : ['completed', 'canceled']).map((Status) =>
          post(`${API}/Calls/${effect.callSid}.json`, { Status }),
        );
      case 'placed':
        return [
          post(`${API}/Calls.json`, {
            To: effect.call.to,
            From: effect.call.from,
            Url: effect.call.url,
            Method: 'POST',
            StatusCallback: effect.call.statusCallbackUrl,
            StatusCallbackEvent: PROGRESS_EVENTS,
            StatusCallbackMethod: 'POST',
            Timeout: String(effect.call.timeoutSeconds),
          }),
        ];
    }
  };

  return {
    api,
    callerId: '+18005550199',
    url: (path) => `${HOTLINE}${path}`,
    callerInQueue: async (queue) => {
      queueSids.set(queue, fake.addQueue(queue));
      return callSid();
    },
    liveCall: async () => callSid(),
    ringingCall: async () => {
      const sid = callSid();
      // Twilio refuses to complete a call nobody has answered yet.
      fake.failNext(
        { method: 'POST', pathIncludes: `/Calls/${sid}.json` },
        { status: 400, code: 21220, message: 'Call is not in-progress. Cannot redirect.' },
      );
      return sid;
    },
    roomWithCustomer: async () => {
      const room = `room-${roomSids.size + 1}`;
      roomSids.set(room, fake.addConference(room));
      return room;
    },
    softphone: (identity) => `client:${identity}`,
    phone: (number) => number,
    confirm: async (effect) => {
      const sent = fake.requests.slice(seen);
      seen = fake.requests.length;
      expect(sent).toEqual(expectedRequests(effect));
    },
    close: () => fake.close(),
  };
});

describe('TwilioRestVoiceApi when Twilio fails', () => {
  let opened: Awaited<ReturnType<typeof openApi>>;
  const open = async (options: { timeoutMs?: number; retries?: number } = {}) => {
    opened = await openApi(options);
    return opened;
  };
  afterEach(() => opened.fake.close());

  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a TwilioApiError');
      },
      (err: unknown) => {
        expect(err).toBeInstanceOf(TwilioApiError);
        return err as TwilioApiError;
      },
    );

  it('tries again after a 5xx, with a pause, and succeeds', async () => {
    const { fake, api, sleeps } = await open();
    const sid = callSid();
    fake.failNext(
      { pathIncludes: '/Calls/' },
      { status: 500, code: 20500, message: 'Internal Server Error' },
    );
    await api.redirectCall(sid, `${HOTLINE}/survey`);
    const redirect = post(`${API}/Calls/${sid}.json`, { Url: `${HOTLINE}/survey`, Method: 'POST' });
    expect(fake.requests).toEqual([redirect, redirect]);
    expect(sleeps).toEqual([250]);
  });

  it('tries again after a 429 (too many calls per second)', async () => {
    const { fake, api, sleeps } = await open();
    fake.failNext(
      { method: 'POST', pathIncludes: '/Calls.json' },
      { status: 429, code: 20429, message: 'Too Many Requests' },
      2,
    );
    const { callSid: placed } = await api.placeCall({
      to: '+14155550123',
      from: '+18005550199',
      url: `${HOTLINE}/callback`,
      statusCallbackUrl: `${HOTLINE}/status`,
      timeoutSeconds: 30,
    });
    expect(placed).toMatch(/^CA[0-9a-f]{32}$/);
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toEqual([250, 500]);
  });

  it('does not place a call again after a 5xx or a timeout: the first one may have gone through', async () => {
    const { fake, api, sleeps } = await open({ timeoutMs: 100 });
    const call = {
      to: '+14155550123',
      from: '+18005550199',
      url: `${HOTLINE}/callback`,
      statusCallbackUrl: `${HOTLINE}/status`,
      timeoutSeconds: 30,
    };
    fake.failNext(
      { method: 'POST', pathIncludes: '/Calls.json' },
      { status: 502, code: 20500, message: 'Bad Gateway' },
    );
    expect((await rejection(api.placeCall(call))).status).toBe(502);
    fake.stallNext({ method: 'POST', pathIncludes: '/Calls.json' }, 400);
    await rejection(api.placeCall(call));
    expect(fake.requests).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it('tries again when Twilio does not answer in time', async () => {
    const { fake, api, sleeps } = await open({ timeoutMs: 100 });
    const sid = callSid();
    fake.stallNext({ pathIncludes: '/Calls/' }, 400);
    await api.endCall(sid);
    expect(fake.requests.map((r) => r.params)).toEqual([{ Status: 'completed' }, { Status: 'completed' }]);
    expect(sleeps).toEqual([250]);
  });

  it('gives up after the configured retries with a retryable error carrying status and code', async () => {
    const { fake, api, sleeps } = await open();
    fake.failNext(
      { pathIncludes: '/Calls/' },
      { status: 503, code: 20503, message: 'Service Unavailable' },
      5,
    );
    const error = await rejection(api.redirectCall(callSid(), `${HOTLINE}/survey`));
    expect(error).toMatchObject({
      code: 'TWILIO.REST_FAILED',
      status: 503,
      twilioCode: 20503,
      retryable: true,
    });
    expect(error.message).toContain('Service Unavailable');
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toEqual([250, 500]);
  });

  it('gives up on an unreachable endpoint with a retryable error without a status', async () => {
    const { fake } = await open();
    await fake.close();
    const sleeps: number[] = [];
    const api = new TwilioRestVoiceApi(
      { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBaseUrl: fake.url, retries: 1 },
      async (ms) => {
        sleeps.push(ms);
      },
    );
    const error = await rejection(api.endCall(callSid()));
    expect(error).toMatchObject({ status: undefined, twilioCode: undefined, retryable: true });
    expect(sleeps).toEqual([250]);
  });

  it('does not try again a request Twilio refused as invalid', async () => {
    const { fake, api, sleeps } = await open();
    fake.failNext(
      { pathIncludes: '/Participants.json' },
      { status: 400, code: 21201, message: 'Invalid parameter To: client:' },
    );
    const error = await rejection(
      api.addParticipant('room-1', {
        to: 'client:',
        from: '+18005550199',
        label: 'agent',
        timeoutSeconds: 20,
        statusCallbackUrl: `${HOTLINE}/participant`,
        endConferenceOnExit: false,
      }),
    );
    expect(error).toMatchObject({ status: 400, twilioCode: 21201, retryable: false });
    expect(error.message).toContain('Invalid parameter To');
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('is refused, not retried, with the wrong credentials', async () => {
    const { fake } = await open();
    const api = new TwilioRestVoiceApi(
      { accountSid: ACCOUNT_SID, authToken: 'wrong', apiBaseUrl: fake.url },
      async () => undefined,
    );
    const error = await rejection(api.redirectCall(callSid(), `${HOTLINE}/survey`));
    expect(error).toMatchObject({ status: 401, twilioCode: 20003, retryable: false });
    expect(fake.requests).toHaveLength(1);
  });

  it('cancels only when Twilio says the call cannot be completed, not on any other refusal', async () => {
    const { fake, api } = await open();
    fake.failNext({ pathIncludes: '/Calls/' }, { status: 404, code: 20404, message: 'Not Found' });
    const error = await rejection(api.endCall(callSid()));
    expect(error).toMatchObject({ status: 404, twilioCode: 20404, retryable: false });
    expect(fake.requests.map((r) => r.params)).toEqual([{ Status: 'completed' }]);
  });

  describe('finding the QueueSid', () => {
    const dequeue = (api: TwilioRestVoiceApi, sid: string) =>
      api.dequeue('billing', sid, `${HOTLINE}/bridge`);
    const members = (requests: RecordedRequest[]) =>
      requests.map(
        (r) => `${r.method} ${r.path.replace(`${API}/`, '').replace(/\/Members\/CA\w+/, '/Members')}`,
      );

    it('lists the queues once and remembers every sid', async () => {
      const { fake, api } = await open();
      const billing = fake.addQueue('billing');
      fake.addQueue('sales');
      await dequeue(api, callSid());
      await dequeue(api, callSid());
      await api.dequeue('sales', callSid(), `${HOTLINE}/bridge`);
      expect(members(fake.requests)).toEqual([
        'GET Queues.json',
        `POST Queues/${billing}/Members.json`,
        `POST Queues/${billing}/Members.json`,
        expect.stringMatching(/^POST Queues\/QU\w+\/Members\.json$/),
      ]);
    });

    it('looks the sid up again when the queue was re-created, and dequeues from the new one', async () => {
      const { fake, api } = await open();
      fake.addQueue('billing');
      await dequeue(api, callSid());
      const recreated = fake.addQueue('billing');
      fake.reset();
      await dequeue(api, callSid());
      expect(members(fake.requests)).toEqual([
        expect.stringMatching(/^POST Queues\/QU\w+\/Members\.json$/),
        'GET Queues.json',
        `POST Queues/${recreated}/Members.json`,
      ]);
    });

    it('reports a caller no longer in the queue as not found, without dequeuing twice', async () => {
      const { fake, api } = await open();
      const billing = fake.addQueue('billing');
      fake.failNext({ pathIncludes: '/Members/' }, { status: 404, code: 20404, message: 'Not Found' });
      const error = await rejection(dequeue(api, callSid()));
      expect(error).toMatchObject({ status: 404, twilioCode: 20404, retryable: false });
      expect(members(fake.requests)).toEqual([
        'GET Queues.json',
        `POST Queues/${billing}/Members.json`,
        'GET Queues.json',
      ]);
    });

    it('reports a queue Twilio does not have, without trying to dequeue', async () => {
      const { fake, api } = await open();
      const error = await rejection(dequeue(api, callSid()));
      expect(error).toMatchObject({ status: 404, retryable: false });
      expect(error.message).toContain('billing');
      expect(members(fake.requests)).toEqual(['GET Queues.json']);
    });
  });
});
