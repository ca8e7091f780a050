import request from 'supertest';
import { eventually } from '../../testing/fake-application';
import { api, CALLER, HOTLINE, Harness, startHarness, twiml } from '../../testing/sim-harness';

describe('<Dial>', () => {
  let h: Harness;
  beforeEach(async () => (h = await startHarness()));
  afterEach(() => h.close());

  it('Client: the agent accepts, they talk, the agent hangs up, the action gets DialCallStatus=completed', async () => {
    const alice = h.sim.register('client:alice');
    alice.on('incoming', (call) => {
      expect(call.customParameters).toEqual({ topic: 'billing' });
      call.accept();
      // Twenty seconds of talk from when the stand-in has the callee answered (the duration counts
      // from then), however late a loaded machine gets there after the accept.
      void eventually(() => h.sim.observe.call(call.callSid)?.status === 'in-progress')
        .then(() => h.sim.clock.sleep(20))
        .then(() => call.disconnect());
    });
    h.app.on(
      '/voice',
      twiml(
        '<Dial action="/dialed" timeout="10"><Client><Identity>alice</Identity><Parameter name="topic" value="billing"/></Client></Dial>',
      ),
    );
    h.app.on('/dialed', twiml('<Say>Thanks for calling</Say>'));
    const view = await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
    const [dialed] = h.app.requestsTo('/dialed');
    expect(dialed.params).toMatchObject({ DialCallStatus: 'completed', DialBridged: 'true' });
    expect(Number(dialed.params.DialCallDuration)).toBeGreaterThanOrEqual(20);
    expect(view.talkedTo).toEqual([expect.objectContaining({ party: 'client:alice', via: 'dial' })]);
    expect(view.heard.at(-1)).toMatchObject({ text: 'Thanks for calling' });
    const child = h.sim.observe.call(dialed.params.DialCallSid);
    expect(child).toMatchObject({ direction: 'outbound-dial', parentCallSid: view.sid, to: 'client:alice' });
  });

  it('Number: nobody answers within the timeout, DialCallStatus=no-answer; a rejecting client gives busy', async () => {
    h.sim.register('client:bob').on('incoming', (call) => call.reject());
    h.app.on('/voice', twiml('<Dial action="/one" timeout="5"><Number>+14155550123</Number></Dial>'));
    h.app.on('/one', twiml('<Dial action="/two"><Client>bob</Client></Dial>'));
    h.app.on('/two', twiml('<Hangup/>'));
    await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
    expect(h.app.requestsTo('/one')[0].params).toMatchObject({
      DialCallStatus: 'no-answer',
      DialBridged: 'false',
    });
    expect(h.app.requestsTo('/two')[0].params.DialCallStatus).toBe('busy');
  });

  it('Conference: join/leave callbacks, start when two are in, end when endConferenceOnExit leaves', async () => {
    const room =
      '<Dial action="/after"><Conference startConferenceOnEnter="true" endConferenceOnExit="true" ' +
      'participantLabel="customer" waitUrl="/room-wait" statusCallback="/conf" ' +
      'statusCallbackEvent="start end join leave mute hold">room-1</Conference></Dial>';
    h.app.on('/voice', twiml(room));
    h.app.on('/room-wait', twiml('<Say>Your agent is on the way</Say>'));
    h.app.on('/after', (p) => twiml(`<Say>Conference over: ${p.DialCallStatus}</Say>`));
    h.sim.register('client:alice').on('incoming', (call) => call.accept());
    const customer = h.sim.placeCall({ from: CALLER, to: HOTLINE, callerScript: { talkSeconds: 30 } });
    const conference = await eventually(() => h.sim.observe.conference('room-1'));
    await eventually(() => h.app.requestsTo('/room-wait').length > 0);

    const added = await request(h.sim.url)
      .post(api(`/Conferences/${conference.sid}/Participants.json`))
      .set('Authorization', h.auth)
      .type('form')
      .send({ From: HOTLINE, To: 'client:alice', Label: 'agent', Timeout: '20' });
    expect(added.status).toBe(201);
    const agentSid: string = added.body.call_sid;
    await eventually(() =>
      h.app.requestsTo('/conf').some((r) => r.params.StatusCallbackEvent === 'conference-start'),
    );
    const muted = await request(h.sim.url)
      .post(api(`/Conferences/${conference.sid}/Participants/agent.json`))
      .set('Authorization', h.auth)
      .type('form')
      .send({ Muted: 'true' });
    expect(muted.body).toMatchObject({ muted: true, label: 'agent', call_sid: agentSid });

    const view = await customer.ended;
    await h.sim.settled();
    await eventually(() =>
      h.app.requestsTo('/conf').some((r) => r.params.StatusCallbackEvent === 'conference-end'),
    );
    const events = h.app
      .requestsTo('/conf')
      .map((r) => [r.params.StatusCallbackEvent, r.params.ParticipantLabel]);
    expect(events).toEqual([
      ['participant-join', 'customer'],
      ['participant-join', 'agent'],
      ['conference-start', 'agent'],
      ['participant-mute', 'agent'],
      ['participant-leave', 'customer'],
      ['participant-leave', 'agent'],
      ['conference-end', undefined],
    ]);
    const conf = h.app.requestsTo('/conf');
    expect(conf.map((r) => Number(r.params.SequenceNumber))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(conf[0].params).toMatchObject({
      FriendlyName: 'room-1',
      ConferenceSid: conference.sid,
      CallSid: customer.sid,
    });
    expect(conf.at(-1)?.params.ReasonConferenceEnded).toBe('participant-with-end-conference-on-exit-left');
    expect(view.heard[0]).toMatchObject({ text: 'Your agent is on the way', context: 'conference-wait' });
    expect(view.talkedTo).toEqual([
      expect.objectContaining({ callSid: agentSid, party: 'client:alice', via: 'conference' }),
    ]);
    expect(h.sim.observe.call(agentSid)).toMatchObject({ status: 'completed', endedBy: 'conference-ended' });
    await eventually(() => h.app.requestsTo('/after').length === 1);
    expect(h.app.requestsTo('/after')[0].params.DialCallStatus).toBe('answered');
  });

  it('coaching: a supervisor whispering to the agent is heard by the agent only', async () => {
    h.app.on('/voice', twiml('<Dial><Conference>room-2</Conference></Dial>'));
    for (const who of ['alice', 'sue']) h.sim.register(`client:${who}`).on('incoming', (c) => c.accept());
    const customer = h.sim.placeCall({ from: CALLER, to: HOTLINE });
    const room = await eventually(() => h.sim.observe.conference('room-2'));
    const add = (form: Record<string, string>) =>
      request(h.sim.url)
        .post(api(`/Conferences/${room.sid}/Participants.json`))
        .set('Authorization', h.auth)
        .type('form')
        .send(form);
    const agent = (await add({ From: HOTLINE, To: 'client:alice', Label: 'agent' })).body.call_sid;
    await eventually(() => h.sim.observe.call(agent)?.talkedTo.length === 1);
    const sup = await add({
      From: HOTLINE,
      To: 'client:sue',
      Label: 'supervisor',
      Coaching: 'true',
      CallSidToCoach: agent,
    });
    expect(sup.body).toMatchObject({ coaching: true, call_sid_to_coach: agent });
    await eventually(() => h.sim.observe.call(sup.body.call_sid)?.talkedTo.length === 1);
    expect(h.sim.observe.call(customer.sid)?.talkedTo.map((t) => t.party)).toEqual(['client:alice']);
    expect(h.sim.observe.call(sup.body.call_sid)?.talkedTo.map((t) => t.party)).toEqual(['client:alice']);
    const barge = await request(h.sim.url)
      .post(api(`/Conferences/${room.sid}/Participants/supervisor.json`))
      .set('Authorization', h.auth)
      .type('form')
      .send({ Coaching: 'false' });
    expect(barge.body.coaching).toBe(false);
    await eventually(() => h.sim.observe.call(customer.sid)?.talkedTo.length === 2);
    const removed = await request(h.sim.url)
      .delete(api(`/Conferences/${room.sid}/Participants/supervisor.json`))
      .set('Authorization', h.auth);
    expect(removed.status).toBe(204);
    await eventually(() => h.sim.observe.call(sup.body.call_sid)?.status === 'completed');
    customer.hangUp();
  });
});
