import { eventually } from '../testing/fake-application';
import { CALLER, HOTLINE, Harness, startHarness, twiml } from '../testing/sim-harness';

describe('TwiML verbs', () => {
  let h: Harness;
  beforeEach(async () => (h = await startHarness()));
  afterEach(() => h.close());

  it('Say, Play and Pause are heard in order with voice and language; the call ends when TwiML runs out', async () => {
    h.app.on(
      '/voice',
      twiml(
        '<Say voice="Polly.Amy" language="en-GB">Welcome to <break time="1s"/> the hotline</Say>' +
          '<Play loop="2">/music/intro.mp3</Play><Pause length="3"/>',
      ),
    );
    const view = await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
    expect(view.heard.map(({ kind, ...rest }) => [kind, 'text' in rest ? rest.text : rest.url])).toEqual([
      ['say', 'Welcome to the hotline'],
      ['play', `${h.app.url}/music/intro.mp3`],
    ]);
    expect(view.heard[0]).toMatchObject({ voice: 'Polly.Amy', language: 'en-GB' });
    expect(view.timeline.find((e) => e.type === 'pause')).toMatchObject({ seconds: 3 });
    expect(view.status).toBe('completed');
    expect(view.endedBy).toBe('twiml-ended');
    // 22 chars / 15 per s + 2 plays × 10 s + 3 s pause = 24.5 s of simulated time
    expect(view.durationSeconds).toBeGreaterThanOrEqual(24);
  });

  it('Gather posts DTMF Digits without the finishOnKey and continues with the action TwiML', async () => {
    h.app.on(
      '/voice',
      twiml('<Gather action="/menu" finishOnKey="#"><Say>Enter your account</Say></Gather>'),
    );
    h.app.on('/menu', (p) => twiml(`<Say>You entered ${p.Digits}</Say>`));
    const view = await h.sim.placeCall({ from: CALLER, to: HOTLINE, callerScript: { gather: ['4711#'] } })
      .ended;
    const [menu] = h.app.requestsTo('/menu');
    expect(menu.params).toMatchObject({ Digits: '4711', FinishedOnKey: '#', CallStatus: 'in-progress' });
    expect(view.digits).toEqual(['4711']);
    expect(view.heard.map((e) => (e.kind === 'say' ? e.text : e.url))).toEqual([
      'Enter your account',
      'You entered 4711',
    ]);
  });

  it('Gather stops at numDigits and defaults its action to the current document', async () => {
    h.app.on('/voice', (p) => (p.Digits ? twiml('<Hangup/>') : twiml('<Gather numDigits="1"/>')));
    await h.sim.placeCall({ from: CALLER, to: HOTLINE, callerScript: { gather: ['29'] } }).ended;
    expect(h.app.requestsTo('/voice').map((r) => r.params.Digits)).toEqual([undefined, '2']);
  });

  it('Gather speech posts SpeechResult and Confidence', async () => {
    h.app.on(
      '/voice',
      twiml('<Gather input="speech dtmf" action="/speech"><Say>How can we help?</Say></Gather>'),
    );
    h.app.on('/speech', twiml('<Hangup/>'));
    const view = await h.sim.placeCall({
      from: CALLER,
      to: HOTLINE,
      callerScript: { gather: [{ speech: 'billing question', confidence: 0.87 }] },
    }).ended;
    expect(h.app.requestsTo('/speech')[0].params).toMatchObject({
      SpeechResult: 'billing question',
      Confidence: '0.87',
    });
    expect(view.speech).toEqual(['billing question']);
  });

  it('Gather with no input times out and falls through to the next verb without requesting the action', async () => {
    h.app.on('/voice', twiml('<Gather action="/menu" timeout="3"/><Say>We did not get that</Say>'));
    const view = await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
    expect(h.app.requestsTo('/menu')).toHaveLength(0);
    expect(view.timeline.some((e) => e.type === 'gather-timeout')).toBe(true);
    expect(view.heard).toEqual([expect.objectContaining({ text: 'We did not get that' })]);
  });

  it('Gather answered after the timeout counts as no input', async () => {
    h.app.on('/voice', twiml('<Gather action="/menu" timeout="2"/>'));
    await h.sim.placeCall({
      from: CALLER,
      to: HOTLINE,
      callerScript: { gather: [{ digits: '1', afterSeconds: 3 }] },
    }).ended;
    expect(h.app.requestsTo('/menu')).toHaveLength(0);
  });

  it('actionOnEmptyResult requests the action without Digits', async () => {
    h.app.on('/voice', twiml('<Gather action="/menu" actionOnEmptyResult="true"/>'));
    h.app.on('/menu', twiml('<Hangup/>'));
    await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
    const [menu] = h.app.requestsTo('/menu');
    expect(menu).toBeDefined();
    expect(menu.params.Digits).toBeUndefined();
  });

  it('Redirect follows relative URLs with the given method; Hangup ends the call at once', async () => {
    h.app.on('/voice', twiml('<Redirect method="GET">next?x=1</Redirect><Say>never</Say>'));
    h.app.on('/next', twiml('<Hangup/><Say>never either</Say>'));
    const view = await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
    const [next] = h.app.requestsTo('/next');
    expect(next.method).toBe('GET');
    expect(next.params.x).toBe('1');
    expect(view.heard).toEqual([]);
    expect(view.endedBy).toBe('twiml-hangup');
  });

  it('Record posts RecordingUrl and RecordingDuration to the action after the caller stops talking', async () => {
    h.app.on(
      '/voice',
      twiml('<Say>Leave a message</Say><Record action="/voicemail" maxLength="60" timeout="2"/>'),
    );
    h.app.on('/voicemail', twiml('<Say>Thanks</Say><Hangup/>'));
    const view = await h.sim.placeCall({
      from: CALLER,
      to: HOTLINE,
      callerScript: { voicemail: { seconds: 12, endWith: 'key', key: '#' } },
    }).ended;
    const [voicemail] = h.app.requestsTo('/voicemail');
    expect(voicemail.params).toMatchObject({ RecordingDuration: '12', Digits: '#' });
    expect(voicemail.params.RecordingUrl).toMatch(/\/Recordings\/RE[0-9a-f]{32}$/);
    expect(view.recordings).toHaveLength(1);
  });

  it('Record: a caller who hangs up mid-message still gets the action requested with Digits=hangup', async () => {
    h.app.on('/voice', twiml('<Record action="/voicemail"/>'));
    const view = await h.sim.placeCall({
      from: CALLER,
      to: HOTLINE,
      callerScript: { voicemail: { seconds: 8, endWith: 'hangup' } },
    }).ended;
    const [voicemail] = await eventually(
      () => h.app.requestsTo('/voicemail').length > 0 && h.app.requestsTo('/voicemail'),
    );
    expect(voicemail.params).toMatchObject({ Digits: 'hangup', RecordingDuration: '8' });
    expect(view.endedBy).toBe('caller');
  });

  it('Reject before answering ends the call busy without answering it', async () => {
    h.app.on('/voice', twiml('<Reject reason="busy"/>'));
    const view = await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
    expect(view.status).toBe('busy');
    expect(view.answeredAt).toBeUndefined();
  });

  it('a caller who runs out of patience (max duration) hangs up in the middle of a Say', async () => {
    h.app.on('/voice', twiml('<Play loop="10">hold.mp3</Play>'));
    const view = await h.sim.placeCall({
      from: CALLER,
      to: HOTLINE,
      callerScript: { maxDurationSeconds: 15 },
    }).ended;
    expect(view.endedBy).toBe('caller');
    expect(view.durationSeconds).toBeGreaterThanOrEqual(15);
    expect(view.durationSeconds).toBeLessThan(100);
  });
});
