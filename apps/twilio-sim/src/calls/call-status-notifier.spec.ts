import { CALLER, HOTLINE, Harness, startHarness, twiml } from '../testing/sim-harness';

describe('call status callbacks', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('sends initiated, ringing, answered, completed with SequenceNumber from 0 and CallDuration at the end', async () => {
    h = await startHarness({ statusCallbackEvents: ['initiated', 'ringing', 'answered', 'completed'] });
    h.app.on('/voice', twiml('<Pause length="12"/><Hangup/>'));
    const call = h.sim.placeCall({ from: CALLER, to: HOTLINE });
    await call.ended;
    await h.sim.settled();
    const status = h.app.requestsTo('/status');
    expect(status.map((r) => [r.params.SequenceNumber, r.params.CallStatus])).toEqual([
      ['0', 'initiated'],
      ['1', 'ringing'],
      ['2', 'in-progress'],
      ['3', 'completed'],
    ]);
    const completed = status[3].params;
    expect(completed).toMatchObject({
      CallSid: call.sid,
      CallbackSource: 'call-progress-events',
      Direction: 'inbound',
    });
    expect(Number(completed.CallDuration)).toBeGreaterThanOrEqual(12);
    expect(completed.Timestamp).toMatch(
      /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/,
    );
    expect(status[0].params.CallDuration).toBeUndefined();
  });

  it("by default a number's status callback gets only completed, as on Twilio", async () => {
    h = await startHarness();
    h.app.on('/voice', twiml('<Hangup/>'));
    await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
    await h.sim.settled();
    expect(h.app.requestsTo('/status').map((r) => [r.params.SequenceNumber, r.params.CallStatus])).toEqual([
      ['0', 'completed'],
    ]);
  });
});
