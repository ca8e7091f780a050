import { api, CALLER, HOTLINE, Harness, startHarness, twiml } from '../../testing/sim-harness';
import { eventually } from '../../testing/fake-application';
import request from 'supertest';

describe('<Enqueue>', () => {
  let h: Harness;
  beforeEach(async () => (h = await startHarness()));
  afterEach(() => h.close());

  const enqueue = (queue = 'support') =>
    twiml(`<Enqueue action="/left" waitUrl="/wait" waitUrlMethod="POST">${queue}</Enqueue>`);

  it('requests waitUrl again and again with the queue parameters while the caller waits', async () => {
    h.app.on('/voice', enqueue());
    h.app.on('/wait', (p) =>
      p.QueueTime && Number(p.QueueTime) >= 20
        ? twiml('<Leave/>')
        : twiml('<Say>Please hold</Say><Pause length="5"/>'),
    );
    h.app.on('/left', twiml('<Say>Goodbye</Say>'));
    const view = await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
    const waits = h.app.requestsTo('/wait');
    expect(waits.length).toBeGreaterThanOrEqual(2);
    expect(waits[0].params).toMatchObject({
      QueuePosition: '1',
      CurrentQueueSize: '1',
      MaxQueueSize: '1000',
    });
    expect(waits[0].params.QueueSid).toMatch(/^QU[0-9a-f]{32}$/);
    expect(Object.keys(waits[0].params)).toEqual(expect.arrayContaining(['QueueTime', 'AvgQueueTime']));
    const [left] = h.app.requestsTo('/left');
    expect(left.params).toMatchObject({ QueueResult: 'leave', QueueSid: waits[0].params.QueueSid });
    expect(Number(left.params.QueueTime)).toBeGreaterThanOrEqual(20);
    expect(view.queues).toEqual([expect.objectContaining({ queue: 'support', result: 'leave' })]);
    expect(view.heard.at(-1)).toMatchObject({ text: 'Goodbye', context: 'call' });
    expect(view.heard[0]).toMatchObject({ text: 'Please hold', context: 'queue-wait' });
  });

  it('REST dequeue of a specific member: action gets QueueResult=redirected at once, call continues at Url', async () => {
    h.app.on('/voice', enqueue());
    h.app.on('/wait', twiml('<Play>hold.mp3</Play>'));
    h.app.on('/bridge', twiml('<Say>Connecting you</Say>'));
    const first = h.sim.placeCall({ from: CALLER, to: HOTLINE });
    const second = h.sim.placeCall({ from: '+14155550101', to: HOTLINE });
    const queue = await eventually(
      () => h.sim.observe.queue('support')?.members.length === 2 && h.sim.observe.queue('support'),
    );
    const members = await request(h.sim.url)
      .get(api(`/Queues/${queue.sid}/Members.json`))
      .set('Authorization', h.auth);
    expect(members.body.queue_members.map((m: { call_sid: string }) => m.call_sid)).toEqual([
      first.sid,
      second.sid,
    ]);
    const dequeued = await request(h.sim.url)
      .post(api(`/Queues/${queue.sid}/Members/${second.sid}.json`))
      .set('Authorization', h.auth)
      .type('form')
      .send({ Url: `${h.app.url}/bridge`, Method: 'POST' });
    expect(dequeued.status).toBe(200);
    expect(dequeued.body).toMatchObject({ call_sid: second.sid, position: 2 });
    await eventually(() => h.app.requestsTo('/bridge').length === 1);
    const left = h.app.requestsTo('/left');
    expect(left).toHaveLength(1);
    expect(left[0].params).toMatchObject({ CallSid: second.sid, QueueResult: 'redirected' });
    expect(h.app.received.findIndex((r) => r.path === '/left')).toBeLessThan(
      h.app.received.findIndex((r) => r.path === '/bridge'),
    );
    const view = await second.ended;
    expect(view.heard.at(-1)).toMatchObject({ text: 'Connecting you' });
    expect(h.sim.observe.queue('support')?.members.map((m) => m.callSid)).toEqual([first.sid]);
    first.hangUp();
  });

  it('Front dequeues the head of the line', async () => {
    h.app.on('/voice', enqueue());
    const first = h.sim.placeCall({ from: CALLER, to: HOTLINE });
    const queue = await eventually(
      () => h.sim.observe.queue('support')?.members.length === 1 && h.sim.observe.queue('support'),
    );
    const res = await request(h.sim.url)
      .post(api(`/Queues/${queue.sid}/Members/Front.json`))
      .set('Authorization', h.auth)
      .type('form')
      .send({ Url: `${h.app.url}/bridge` });
    expect(res.body.call_sid).toBe(first.sid);
    await first.ended;
  });

  it('a caller who hangs up in the queue: action gets QueueResult=hangup; no waitUrl plays default music', async () => {
    h.app.on('/voice', twiml('<Enqueue action="/left">support</Enqueue>'));
    const call = h.sim.placeCall({ from: CALLER, to: HOTLINE, callerScript: { patience: 30 } });
    await call.ended;
    const [left] = await eventually(() => h.app.requestsTo('/left').length > 0 && h.app.requestsTo('/left'));
    const view = call.view();
    expect(left.params).toMatchObject({ QueueResult: 'hangup', CallStatus: 'completed' });
    expect(Number(left.params.QueueTime)).toBeGreaterThanOrEqual(30);
    expect(view.queues[0]).toMatchObject({ result: 'hangup' });
    expect(view.heard[0]).toMatchObject({ kind: 'play', context: 'queue-wait' });
  });

  it('a full queue answers QueueResult=queue-full without enqueuing', async () => {
    const created = await request(h.sim.url)
      .post(api('/Queues.json'))
      .set('Authorization', h.auth)
      .type('form')
      .send({ FriendlyName: 'tiny', MaxSize: '1' });
    expect(created.status).toBe(201);
    h.app.on('/voice', enqueue('tiny'));
    h.app.on('/left', twiml('<Hangup/>'));
    const first = h.sim.placeCall({ from: CALLER, to: HOTLINE });
    await eventually(() => h.sim.observe.queue('tiny')?.members.length === 1);
    const view = await h.sim.placeCall({ from: '+14155550101', to: HOTLINE }).ended;
    expect(view.queues[0]).toMatchObject({ result: 'queue-full', waitSeconds: 0 });
    expect(h.app.requestsTo('/left').at(-1)?.params.QueueResult).toBe('queue-full');
    first.hangUp();
  });

  it('Gather in the wait document: the caller presses 1 and the action TwiML says Leave', async () => {
    h.app.on('/voice', enqueue());
    h.app.on(
      '/wait',
      twiml('<Gather numDigits="1" action="/wait-key"><Say>Press 1 for a call back</Say></Gather>'),
    );
    h.app.on('/wait-key', twiml('<Leave/>'));
    h.app.on('/left', (p) => twiml(`<Say>Left with ${p.QueueResult}</Say>`));
    const view = await h.sim.placeCall({ from: CALLER, to: HOTLINE, callerScript: { gather: ['1'] } }).ended;
    expect(h.app.requestsTo('/wait-key')[0].params.Digits).toBe('1');
    expect(view.heard.at(-1)).toMatchObject({ text: 'Left with leave' });
  });
});
