import { CallLedger } from '@hotline/persistence';
import { startWithStandIn, StandInHarness } from './support/stand-in-harness';

describe('calls through the Twilio stand-in', () => {
  let harness: StandInHarness;
  beforeAll(async () => {
    harness = await startWithStandIn({ env: { SANDBOX: 'on' } });
  });
  afterAll(() => harness.close());

  it('takes a caller through the IVR into the billing queue; hanging up while waiting is an abandon', async () => {
    const call = harness.sim.placeCall({
      from: '+8613700000001',
      to: '+864000000000',
      callerScript: { gather: ['2', '1'], patience: 30 },
    });
    await call.ended;
    await harness.sim.settled();
    const view = call.view();
    expect(view.digits).toEqual(['2', '1']);
    expect(view.heard.map((h) => ('text' in h ? h.text : ''))).toEqual(
      expect.arrayContaining([
        'For billing, press 1 or say billing. For technical support, press 2 or say support. To buy a new plan, press 3 or say sales. For anything else, press 0 or say operator. To choose another language, press 9.',
      ]),
    );
    expect(view.queues).toEqual([expect.objectContaining({ queue: 'billing', result: 'hangup' })]);

    const ledger = harness.hotline.get(CallLedger);
    const stored = await ledger.find(call.sid);
    expect(stored).toMatchObject({
      queue: 'billing',
      reason: 'billing',
      language: 'en-US',
      outcome: 'abandoned',
      status: 'completed',
    });
    const types = (await ledger.events(call.sid)).map((e) => e.type);
    expect(types.filter((t) => t === 'queue.abandoned')).toHaveLength(1);
    expect(types.filter((t) => t === 'call.completed')).toHaveLength(1);
    const abandoned = (await ledger.events(call.sid)).find((e) => e.type === 'queue.abandoned');
    expect((abandoned?.data as { waitSeconds: number }).waitSeconds).toBeGreaterThan(0);
  });
});
