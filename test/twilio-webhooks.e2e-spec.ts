import { CallLedger, CustomerDirectory } from '@hotline/persistence';
import { RoutingHost } from '../apps/hotline/src/routing/routing-host';
import { describeMysql } from './support/test-databases';
import { getExpectedTwilioSignature } from 'twilio';
import {
  Harness,
  ManualClock,
  PUBLIC_BASE_URL,
  sign,
  startHotline,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
} from './support/hotline-harness';

/** Wednesday 2026-11-18, 10:00 in Shanghai: open. */
const OPEN = Date.parse('2026-11-18T02:00:00Z');
/** Wednesday 2026-11-18, 21:00 in Shanghai: closed. */
const CLOSED = Date.parse('2026-11-18T13:00:00Z');
/** 2026-10-01, National Day, 11:00 in Shanghai. */
const HOLIDAY = Date.parse('2026-10-01T03:00:00Z');

let sequence = 0;
function callSid(): string {
  sequence += 1;
  return 'CA' + sequence.toString(16).padStart(32, '0');
}

function voiceParams(sid: string, from = '+8613800000001'): Record<string, string> {
  return {
    CallSid: sid,
    AccountSid: TEST_ACCOUNT_SID,
    From: from,
    To: '+864000000000',
    Caller: from,
    Called: '+864000000000',
    CallStatus: 'ringing',
    Direction: 'inbound',
    ApiVersion: '2010-04-01',
  };
}

function actionOf(twiml: string, element: string): string {
  const match = new RegExp(`<${element}[^>]*\\saction="([^"]+)"`).exec(twiml);
  if (!match) throw new Error(`no ${element} action in ${twiml}`);
  return new URL(match[1].replace(/&amp;/g, '&')).pathname + new URL(match[1].replace(/&amp;/g, '&')).search;
}

function describeWebhooks(db: 'sqlite' | 'mysql') {
  describe(`Twilio webhooks on ${db}`, () => {
    let hotline: Harness;
    let clock: ManualClock;
    let ledger: CallLedger;

    beforeAll(async () => {
      clock = new ManualClock(OPEN);
      hotline = await startHotline({ db, clock, suite: 'webhooks' });
      ledger = hotline.app.get(CallLedger);
      await hotline.app.get(CustomerDirectory).save({
        id: '00000000-0000-4000-8000-000000000001',
        phone: '+8613900000009',
        name: 'Alice Chen',
        tier: 'gold',
        language: 'en-US',
        createdAt: OPEN,
        updatedAt: OPEN,
      });
    });
    afterAll(() => hotline.close());
    beforeEach(() => clock.set(OPEN));

    it('answers a signed incoming call with the first IVR step and records the call', async () => {
      const sid = callSid();
      const response = await hotline.twilio('/twilio/voice', voiceParams(sid));
      expect(response.status).toBe(200);
      expect(response.body).toContain('<Gather');
      expect(response.body).toContain('普通话服务请按1');
      expect(response.body).toContain('action="https://hotline.example.com/twilio/ivr?');
      const call = await ledger.find(sid);
      expect(call).toMatchObject({ from: '+8613800000001', tier: 'standard', outcome: 'in-progress' });
      expect((await ledger.events(sid)).map((e) => e.type)).toEqual(['call.received']);
    });

    it('takes a menu choice to the queue with a reason and Enqueue TwiML', async () => {
      const sid = callSid();
      const first = await hotline.twilio('/twilio/voice', voiceParams(sid));
      const english = await hotline.twilio(actionOf(first.body, 'Gather'), {
        ...voiceParams(sid),
        Digits: '2',
      });
      expect(english.body).toContain('For billing, press 1');
      clock.advance(4000);
      const billing = await hotline.twilio(actionOf(english.body, 'Gather'), {
        ...voiceParams(sid),
        Digits: '1',
      });
      expect(billing.status).toBe(200);
      expect(billing.body).toMatch(
        /<Enqueue[^>]*waitUrl="https:\/\/hotline\.example\.com\/twilio\/queue\/wait\?lang=en-US"[^>]*>billing<\/Enqueue>/,
      );
      expect(billing.body).toContain('action="https://hotline.example.com/twilio/queue/left"');
      const call = await ledger.find(sid);
      expect(call).toMatchObject({
        queue: 'billing',
        reason: 'billing',
        language: 'en-US',
        queuedAt: OPEN + 4000,
      });
      expect((await ledger.events(sid)).map((e) => e.type)).toEqual([
        'call.received',
        'ivr.step',
        'ivr.step',
        'ivr.routed',
        'queue.entered',
      ]);
    });

    it('tells a waiting caller their place, offers a call-back, plays hold music, and records a hang-up as an abandon', async () => {
      const sid = callSid();
      const first = await hotline.twilio('/twilio/voice', voiceParams(sid));
      const english = await hotline.twilio(actionOf(first.body, 'Gather'), {
        ...voiceParams(sid),
        Digits: '2',
      });
      await hotline.twilio(actionOf(english.body, 'Gather'), { ...voiceParams(sid), Digits: '3' });
      const queueParams = {
        ...voiceParams(sid),
        QueuePosition: '2',
        QueueSid: 'QU' + 'a'.repeat(32),
        QueueTime: '0',
      };
      const wait = await hotline.twilio('/twilio/queue/wait?lang=en-US', queueParams);
      // Alone in the sales line with no agent logged in: first in line, no estimate to give.
      expect(wait.body).toContain('You are number 1 in line.');
      expect(wait.body).not.toContain('estimated wait');
      expect(wait.body).toContain('To keep your place in line and have us call you back, press 1.');
      expect(wait.body).toContain('action="https://hotline.example.com/twilio/callback?lang=en-US"');
      expect(wait.body).toContain('<Play>https://hotline.example.com/audio/hold.wav</Play>');
      const again = await hotline.twilio('/twilio/queue/wait?lang=en-US', queueParams);
      expect(again.body).not.toContain('You are number');
      expect((await hotline.http('GET', '/audio/hold.wav')).status).toBe(200);

      clock.advance(42_000);
      const left = await hotline.twilio('/twilio/queue/left', {
        ...voiceParams(sid),
        QueueResult: 'hangup',
        QueueTime: '42',
      });
      expect(left.status).toBe(200);
      const abandoned = (await ledger.events(sid)).find((e) => e.type === 'queue.abandoned');
      expect(abandoned?.data).toEqual({ queue: 'sales', waitSeconds: 42 });
      expect((await ledger.find(sid))?.outcome).toBe('abandoned');
    });

    it('refuses an unsigned or tampered request with 403 and stores nothing', async () => {
      const sid = callSid();
      const params = voiceParams(sid);
      const unsigned = await hotline.http('POST', '/twilio/voice', { form: params });
      expect(unsigned.status).toBe(403);
      const tampered = await hotline.http('POST', '/twilio/voice', {
        form: { ...params, From: '+8613999999999' },
        headers: { 'x-twilio-signature': sign('/twilio/voice', params) },
      });
      expect(tampered.status).toBe(403);
      expect(tampered.json()).toMatchObject({ code: 'TWILIO.BAD_SIGNATURE' });
      const wrongUrl = await hotline.http('POST', '/twilio/voice', {
        form: params,
        headers: { 'x-twilio-signature': sign('/twilio/status', params) },
      });
      expect(wrongUrl.status).toBe(403);
      expect(await ledger.find(sid)).toBeNull();
      expect(await ledger.events(sid)).toEqual([]);
    });

    it('accepts a signature over the URL with the port written out, as Twilio may sign it', async () => {
      const sid = callSid();
      const params = voiceParams(sid);
      const withPort = PUBLIC_BASE_URL.replace(/^(https:\/\/[^/]+)/, '$1:443') + '/twilio/voice';
      const response = await hotline.http('POST', '/twilio/voice', {
        form: params,
        headers: { 'x-twilio-signature': getExpectedTwilioSignature(TEST_AUTH_TOKEN, withPort, params) },
      });
      expect(response.status).toBe(200);
      expect((await ledger.find(sid))?.callSid).toBe(sid);
    });

    it('refuses a request without CallSid with 400 and stores nothing', async () => {
      const params = voiceParams(callSid());
      delete (params as Partial<typeof params>).CallSid;
      // Background writes of earlier calls settle first, so that any new row would be this request's.
      await hotline.app.get(RoutingHost).idle();
      const before = (await ledger.eventsBetween(0, Number.MAX_SAFE_INTEGER)).length;
      const response = await hotline.twilio('/twilio/voice', params);
      expect(response.status).toBe(400);
      expect(response.body).toContain('CallSid is required');
      expect((await ledger.eventsBetween(0, Number.MAX_SAFE_INTEGER)).length).toBe(before);
    });

    it('keeps one call and one set of events when Twilio retries a delivery', async () => {
      const sid = callSid();
      const first = await hotline.twilio('/twilio/voice', voiceParams(sid));
      const retried = await hotline.twilio('/twilio/voice', voiceParams(sid));
      expect(retried.body).toBe(first.body);
      const action = actionOf(first.body, 'Gather');
      await Promise.all([1, 2, 3].map(() => hotline.twilio(action, { ...voiceParams(sid), Digits: '1' })));
      const events = await ledger.events(sid);
      expect(events.map((e) => e.type)).toEqual(['call.received', 'ivr.step']);
      expect(events.map((e) => e.seq)).toEqual([0, 1]);
    });

    it('accepts a call reported ringing before Twilio asks the Voice URL, storing nothing for it', async () => {
      const sid = callSid();
      const early = await hotline.twilio('/twilio/status', { ...voiceParams(sid), SequenceNumber: '0' });
      expect(early.status).toBe(204);
      expect(await ledger.find(sid)).toBeNull();
      expect((await hotline.twilio('/twilio/voice', voiceParams(sid))).status).toBe(200);
      expect((await ledger.events(sid)).map((e) => e.type)).toEqual(['call.received']);
    });

    it('ends in the right state when status callbacks arrive out of order', async () => {
      const sid = callSid();
      await hotline.twilio('/twilio/voice', voiceParams(sid));
      const status = (seq: number, value: string, extra: Record<string, string> = {}) =>
        hotline.twilio('/twilio/status', {
          ...voiceParams(sid),
          CallStatus: value,
          SequenceNumber: String(seq),
          CallbackSource: 'call-progress-events',
          ...extra,
        });
      clock.advance(30_000);
      expect((await status(2, 'completed', { CallDuration: '30' })).status).toBe(204);
      expect((await status(0, 'ringing')).status).toBe(204);
      expect((await status(1, 'in-progress')).status).toBe(204);
      expect((await status(2, 'completed', { CallDuration: '30' })).status).toBe(204);
      const call = await ledger.find(sid);
      expect(call).toMatchObject({
        status: 'completed',
        statusSeq: 2,
        outcome: 'ivr-hangup',
        endedAt: OPEN + 30_000,
      });
      const completed = (await ledger.events(sid)).filter((e) => e.type === 'call.completed');
      expect(completed.map((e) => e.data)).toEqual([{ durationSeconds: 30, outcome: 'ivr-hangup' }]);
    });

    it('routes after-hours callers to the closed message, then to voicemail', async () => {
      clock.set(CLOSED);
      const sid = callSid();
      const first = await hotline.twilio('/twilio/voice', voiceParams(sid, '+8613900000009'));
      expect(first.body).toContain('Our lines are open Monday to Friday');
      expect(first.body).toContain('To leave a message, press 1');
      const voicemail = await hotline.twilio(actionOf(first.body, 'Gather'), {
        ...voiceParams(sid),
        Digits: '1',
      });
      expect(voicemail.body).toContain('<Record');
      expect(voicemail.body).toContain('action="https://hotline.example.com/twilio/voicemail"');
      const recorded = await hotline.twilio('/twilio/voicemail', {
        ...voiceParams(sid),
        RecordingUrl: 'https://api.twilio.com/recording/RE1',
        RecordingDuration: '17',
      });
      expect(recorded.body).toContain('<Hangup/>');
      const events = await ledger.events(sid);
      expect(events.find((e) => e.type === 'call.after-hours')?.data).toEqual({
        route: 'voicemail',
        reason: 'closed',
      });
      expect(events.find((e) => e.type === 'call.voicemail')?.data).toEqual({
        recordingUrl: 'https://api.twilio.com/recording/RE1',
        durationSeconds: 17,
      });
      expect((await ledger.find(sid))?.outcome).toBe('routed-elsewhere');
    });

    it('routes holiday callers to the holiday message and takes callback requests', async () => {
      clock.set(HOLIDAY);
      const sid = callSid();
      const first = await hotline.twilio('/twilio/voice', voiceParams(sid));
      const chinese = await hotline.twilio(actionOf(first.body, 'Gather'), {
        ...voiceParams(sid),
        Digits: '1',
      });
      expect(chinese.body).toContain('节假日期间我们暂停人工服务');
      const callback = await hotline.twilio(actionOf(chinese.body, 'Gather'), {
        ...voiceParams(sid),
        Digits: '2',
      });
      expect(callback.body).toContain('我们上班后会尽快回电');
      expect(callback.body).toContain('<Hangup/>');
      const requested = (await ledger.events(sid)).find((e) => e.type === 'queue.callback-requested');
      expect(requested?.data).toEqual({ queue: 'general', number: '+8613800000001', waitSeconds: 0 });
      expect((await ledger.find(sid))?.outcome).toBe('callback');
    });

    it('greets a known VIP caller by tier in their language, skipping the language menu', async () => {
      const sid = callSid();
      const response = await hotline.twilio('/twilio/voice', voiceParams(sid, '+8613900000009'));
      expect(response.body).toContain('Welcome back, gold member.');
      expect(response.body).toContain('For billing, press 1');
      expect(response.body).not.toContain('普通话');
      expect(await ledger.find(sid)).toMatchObject({
        tier: 'gold',
        language: 'en-US',
        customerId: '00000000-0000-4000-8000-000000000001',
      });
    });
  });
}

describeWebhooks('sqlite');

describe('without a Twilio account or the sandbox', () => {
  it('refuses every webhook with 403, since no signature can be checked', async () => {
    const hotline = await startHotline({
      env: { TWILIO_ACCOUNT_SID: '', TWILIO_AUTH_TOKEN: '', SANDBOX: 'off' },
    });
    try {
      const response = await hotline.twilio('/twilio/voice', voiceParams(callSid()));
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ code: 'TWILIO.NO_ACCOUNT' });
    } finally {
      await hotline.close();
    }
  });
});
describeMysql('on MySQL/MariaDB', () => describeWebhooks('mysql'));
