import Fastify from 'fastify';
import { AddressInfo } from 'node:net';
import { startTwilioSim } from '@hotline/twilio-sim';
import {
  describeTwilioVoiceApiContract,
  VoiceApiEffect,
} from '../libs/telephony/src/rest/twilio-voice-api.contract';
import { TwilioRestVoiceApi } from '../libs/telephony/src/rest/twilio-voice-api.rest';

const ACCOUNT_SID = 'AC' + 'cd'.repeat(16);
const AUTH_TOKEN = 'stand-in-token';
const HOTLINE = '+18005550199';
/** Long enough to outlast any test; the stand-in ends every call when it closes. */
const FOREVER = '<Pause length="3600"/>';

interface AppRequest {
  path: string;
  params: Record<string, string>;
}

/** The application side: answers the number's voice URL per caller, anything else with a long pause. */
async function startTwimlApplication() {
  const received: AppRequest[] = [];
  const voiceByCaller = new Map<string, string>();
  const app = Fastify();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.all('/*', async (request, reply) => {
    const params = (request.body as Record<string, string> | undefined) ?? {};
    const path = request.url.split('?')[0];
    received.push({ path, params });
    const body = (path === '/voice' && voiceByCaller.get(params.From)) || FOREVER;
    return reply.type('text/xml').send(`<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    received,
    answerCaller: (from: string, twiml: string) => voiceByCaller.set(from, twiml),
    close: () => app.close(),
  };
}

/** Polls until `check` holds, in real time. */
async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not seen in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeTwilioVoiceApiContract('Twilio stand-in (what the requests do)', async () => {
  const app = await startTwimlApplication();
  const sim = await startTwilioSim({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    voiceUrl: `${app.url}/voice`,
    host: '127.0.0.1',
    port: 0,
    timeScale: 0.05,
  });
  const api = new TwilioRestVoiceApi({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBaseUrl: sim.url });
  /** CallSid → the address it rang. */
  const rang = new Map<string, string>();
  let callers = 0;

  const pathOf = (url: string) => new URL(url).pathname;
  const requested = (url: string, callSid: string) =>
    app.received.some((r) => r.path === pathOf(url) && r.params.CallSid === callSid);
  /** A caller dials the number and the application answers with `twiml`. */
  const inboundCall = (twiml: string) => {
    const from = `+1415555${String(1000 + ++callers)}`;
    app.answerCaller(from, twiml);
    return sim.placeCall({ from, to: HOTLINE });
  };
  const register = (address: string, answer: boolean) => {
    sim.register(address).on('incoming', (call) => {
      rang.set(call.callSid, address);
      if (answer) call.accept();
    });
    return address;
  };
  const participant = (room: string, callSidOrLabel: string) =>
    sim.observe
      .conference(room)
      ?.participants.find((p) => p.callSid === callSidOrLabel || p.label === callSidOrLabel);
  const status = (callSid: string) => sim.observe.call(callSid)?.status;

  const confirm = async (effect: VoiceApiEffect): Promise<void> => {
    switch (effect.kind) {
      case 'dequeued':
        return eventually(
          () =>
            requested(effect.url, effect.callSid) &&
            sim.observe.call(effect.callSid)?.queues.at(-1)?.result === 'redirected' &&
            !sim.observe.queue(effect.queue)?.members.some((m) => m.callSid === effect.callSid),
          'the caller left the queue for the url',
        );
      case 'participant-joined': {
        const { room, callSid } = effect;
        const expected = effect.participant;
        return eventually(() => {
          const joined = participant(room, callSid);
          return (
            rang.get(callSid) === expected.to &&
            joined?.status === 'connected' &&
            joined.label === expected.label &&
            joined.muted === (expected.muted ?? false) &&
            joined.coaching === (expected.callSidToCoach !== undefined)
          );
        }, `${expected.to} rang and joined ${room}`);
      }
      case 'participant-updated': {
        const { muted, hold, holdUrl, coaching } = effect.change;
        return eventually(() => {
          const p = participant(effect.room, effect.participant);
          return (
            p !== undefined &&
            (muted === undefined || p.muted === muted) &&
            (hold === undefined || p.hold === hold) &&
            (coaching === undefined || p.coaching === coaching) &&
            (holdUrl === undefined || requested(holdUrl, p.callSid))
          );
        }, `${effect.participant} changed`);
      }
      case 'participant-removed':
        return eventually(() => {
          const p = participant(effect.room, effect.participant);
          return p?.leftAt !== undefined && status(p.callSid) === 'completed';
        }, `${effect.participant} left ${effect.room}`);
      case 'redirected':
        return eventually(() => requested(effect.url, effect.callSid), 'the call fetched the url');
      case 'ended':
        return eventually(() => status(effect.callSid) === effect.status, `the call ${effect.status}`);
      case 'placed': {
        const { callSid, call } = effect;
        const progress = () =>
          app.received
            .filter((r) => r.path === pathOf(call.statusCallbackUrl) && r.params.CallSid === callSid)
            .map((r) => r.params.CallStatus);
        return eventually(
          () =>
            rang.get(callSid) === call.to &&
            requested(call.url, callSid) &&
            ['initiated', 'ringing', 'in-progress'].every((s) => progress().includes(s)),
          `${call.to} rang, answered and played the url`,
        );
      }
    }
  };

  return {
    api,
    callerId: HOTLINE,
    url: (path) => `${app.url}${path}`,
    callerInQueue: async (queue) => {
      const call = inboundCall(`<Enqueue>${queue}</Enqueue>`);
      await eventually(
        () => sim.observe.queue(queue)?.members.some((m) => m.callSid === call.sid) === true,
        `the caller waits in ${queue}`,
      );
      return call.sid;
    },
    liveCall: async () => {
      const call = inboundCall(FOREVER);
      await eventually(() => requested(`${app.url}/voice`, call.sid), 'the call is answered');
      return call.sid;
    },
    ringingCall: async () => {
      const to = register('+14155550999', false);
      const { callSid } = await api.placeCall({
        to,
        from: HOTLINE,
        url: `${app.url}/never`,
        statusCallbackUrl: `${app.url}/status`,
        timeoutSeconds: 600,
      });
      await eventually(() => status(callSid) === 'ringing', 'the call rings');
      return callSid;
    },
    roomWithCustomer: async () => {
      const room = `room-${callers + 1}`;
      inboundCall(
        '<Dial><Conference startConferenceOnEnter="true" endConferenceOnExit="true" ' +
          `participantLabel="customer">${room}</Conference></Dial>`,
      );
      await eventually(
        () => participant(room, 'customer')?.status === 'connected',
        'the customer is in the room',
      );
      return room;
    },
    softphone: (identity) => register(`client:${identity}`, true),
    phone: (number) => register(number, true),
    confirm,
    close: async () => {
      await sim.close();
      await app.close();
    },
  };
});
