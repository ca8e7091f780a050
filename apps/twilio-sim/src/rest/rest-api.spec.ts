import request from 'supertest';
import { eventually } from '../testing/fake-application';
import { ACCOUNT_SID, api, CALLER, HOTLINE, Harness, startHarness, twiml } from '../testing/sim-harness';

describe('REST API', () => {
  let h: Harness;
  beforeEach(async () => (h = await startHarness()));
  afterEach(() => h.close());

  it('rejects bad credentials with 401 / 20003', async () => {
    const res = await request(h.sim.url)
      .get(api('/Calls.json'))
      .set('Authorization', `Basic ${Buffer.from(`${ACCOUNT_SID}:wrong`).toString('base64')}`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
  });

  it('answers an unknown call with 404 / 20404', async () => {
    const res = await request(h.sim.url)
      .get(api('/Calls/CA00000000000000000000000000000000.json'))
      .set('Authorization', h.auth);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 20404, status: 404 });
  });

  it('creating a call without To is 400 / 21201', async () => {
    const res = await request(h.sim.url)
      .post(api('/Calls.json'))
      .set('Authorization', h.auth)
      .type('form')
      .send({ From: HOTLINE });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(21201);
  });

  it('creates an outbound call to a customer who answers and presses 1; fetches it; status callbacks follow', async () => {
    h.sim.register(CALLER).on('incoming', (call) => call.accept({ gather: ['1'] }));
    h.app.on(
      '/callback',
      twiml('<Gather numDigits="1" action="/confirm"><Say>Press 1 to talk to us</Say></Gather>'),
    );
    h.app.on('/confirm', twiml('<Say>Connecting</Say>'));
    const created = await request(h.sim.url)
      .post(api('/Calls.json'))
      .set('Authorization', h.auth)
      .type('form')
      .send(
        `To=${encodeURIComponent(CALLER)}&From=${encodeURIComponent(HOTLINE)}&Url=${encodeURIComponent(`${h.app.url}/callback`)}` +
          `&StatusCallback=${encodeURIComponent(`${h.app.url}/cb-status`)}&StatusCallbackEvent=ringing&StatusCallbackEvent=answered&StatusCallbackEvent=completed`,
      );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'queued',
      direction: 'outbound-api',
      to: CALLER,
      from: HOTLINE,
    });
    const sid: string = created.body.sid;
    await eventually(() => h.sim.observe.call(sid)?.status === 'completed');
    expect(h.app.requestsTo('/confirm')[0].params).toMatchObject({ Digits: '1', Direction: 'outbound-api' });
    const fetched = await request(h.sim.url)
      .get(api(`/Calls/${sid}.json`))
      .set('Authorization', h.auth);
    expect(fetched.body).toMatchObject({ sid, status: 'completed', to_formatted: '(415) 555-0100' });
    expect(fetched.body.duration).toMatch(/^\d+$/);
    await h.sim.settled();
    expect(h.app.requestsTo('/cb-status').map((r) => r.params.CallStatus)).toEqual([
      'ringing',
      'in-progress',
      'completed',
    ]);
  });

  it('an outbound call to a client nobody registered ends no-answer', async () => {
    const created = await request(h.sim.url)
      .post(api('/Calls.json'))
      .set('Authorization', h.auth)
      .type('form')
      .send({ To: 'client:nobody', From: HOTLINE, Twiml: twiml('<Say>Hi</Say>') });
    await eventually(() => h.sim.observe.call(created.body.sid)?.status === 'no-answer');
  });

  it('updates a live call: Twiml redirect, then Status=completed; a completed call cannot be redirected (21220)', async () => {
    h.app.on('/voice', twiml('<Play loop="0">hold.mp3</Play>'));
    const call = h.sim.placeCall({ from: CALLER, to: HOTLINE });
    await eventually(() => call.view().status === 'in-progress');
    const redirected = await request(h.sim.url)
      .post(api(`/Calls/${call.sid}.json`))
      .set('Authorization', h.auth)
      .type('form')
      // Long enough to outlast a slow machine at the suite's time scale: the API must end it.
      .send({ Twiml: twiml('<Say>Redirected</Say><Pause length="3600"/>') });
    expect(redirected.status).toBe(200);
    await eventually(() => call.view().heard.some((e) => e.kind === 'say' && e.text === 'Redirected'));
    const ended = await request(h.sim.url)
      .post(api(`/Calls/${call.sid}.json`))
      .set('Authorization', h.auth)
      .type('form')
      .send({ Status: 'completed' });
    expect(ended.body.status).toBe('completed');
    expect((await call.ended).endedBy).toBe('api');
    const late = await request(h.sim.url)
      .post(api(`/Calls/${call.sid}.json`))
      .set('Authorization', h.auth)
      .type('form')
      .send({ Url: `${h.app.url}/x` });
    expect(late.status).toBe(400);
    expect(late.body.code).toBe(21220);
  });

  it('limits outbound calls per second when configured (429 / 20429)', async () => {
    await h.close();
    h = await startHarness({ outboundCallsPerSecond: 1, timeScale: 1 });
    const create = () =>
      request(h.sim.url)
        .post(api('/Calls.json'))
        .set('Authorization', h.auth)
        .type('form')
        .send({ To: CALLER, From: HOTLINE, Url: `${h.app.url}/x` });
    expect((await create()).status).toBe(201);
    const second = await create();
    expect(second.status).toBe(429);
    expect(second.body.code).toBe(20429);
  });

  it('participants: create by room name, fetch by label, hold with HoldUrl, unhold, delete', async () => {
    h.sim.register('client:alice').on('incoming', (call) => call.accept());
    h.app.on('/hold', twiml('<Play>hold-music.mp3</Play>'));
    const created = await request(h.sim.url)
      .post(api('/Conferences/sales-room/Participants.json'))
      .set('Authorization', h.auth)
      .type('form')
      .send({ From: HOTLINE, To: 'client:alice', Label: 'agent', EndConferenceOnExit: 'true' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ label: 'agent', end_conference_on_exit: true, status: 'queued' });
    const room = created.body.conference_sid;
    await eventually(() => h.sim.observe.conference(room)?.participants[0].status === 'connected');
    const byLabel = await request(h.sim.url)
      .get(api(`/Conferences/${room}/Participants/agent.json`))
      .set('Authorization', h.auth);
    expect(byLabel.body.call_sid).toBe(created.body.call_sid);
    const held = await request(h.sim.url)
      .post(api(`/Conferences/${room}/Participants/agent.json`))
      .set('Authorization', h.auth)
      .type('form')
      .send({ Hold: 'true', HoldUrl: `${h.app.url}/hold` });
    expect(held.body.hold).toBe(true);
    await eventually(() => h.app.requestsTo('/hold').length > 0);
    const unheld = await request(h.sim.url)
      .post(api(`/Conferences/${room}/Participants/agent.json`))
      .set('Authorization', h.auth)
      .type('form')
      .send({ Hold: 'false' });
    expect(unheld.body.hold).toBe(false);
    const deleted = await request(h.sim.url)
      .delete(api(`/Conferences/${room}/Participants/agent.json`))
      .set('Authorization', h.auth);
    expect(deleted.status).toBe(204);
    const conference = await request(h.sim.url)
      .get(api(`/Conferences/${room}.json`))
      .set('Authorization', h.auth);
    expect(conference.body).toMatchObject({
      status: 'completed',
      friendly_name: 'sales-room',
      reason_conference_ended: 'last-participant-kicked',
    });
    const list = await request(h.sim.url)
      .get(api('/Conferences.json?FriendlyName=sales-room&Status=completed'))
      .set('Authorization', h.auth);
    expect(list.body.conferences.map((c: { sid: string }) => c.sid)).toEqual([room]);
    const missing = await request(h.sim.url)
      .get(api(`/Conferences/${room}/Participants/agent.json`))
      .set('Authorization', h.auth);
    expect(missing.status).toBe(404);
  });

  it('an unanswered participant ends no-answer after Timeout and its StatusCallback says so', async () => {
    h.sim.register('client:bob').on('incoming', (call) => call.ignore());
    const created = await request(h.sim.url)
      .post(api('/Conferences/room-x/Participants.json'))
      .set('Authorization', h.auth)
      .type('form')
      .send({
        From: HOTLINE,
        To: 'client:bob',
        Timeout: '15',
        StatusCallback: `${h.app.url}/agent-status`,
        StatusCallbackEvent: 'ringing completed',
      });
    await eventually(() => h.sim.observe.call(created.body.call_sid)?.status === 'no-answer');
    await h.sim.settled();
    expect(h.app.requestsTo('/agent-status').map((r) => r.params.CallStatus)).toEqual([
      'ringing',
      'no-answer',
    ]);
  });
});
