import { CALLER, HOTLINE, Harness, startHarness, twiml } from '../testing/sim-harness';

describe('TwiML the stand-in cannot play is reported like Twilio does', () => {
  let h: Harness;
  beforeEach(async () => (h = await startHarness()));
  afterEach(() => h.close());

  const cases: Array<[string, string, number, RegExp]> = [
    ['invalid XML', '<Response><Say>unclosed</Response>', 12100, /parse failure/],
    ['two roots', '<Response/><Response/>', 12100, /one root/],
    ['an empty body', '', 12100, /parse failure/],
    ['an unknown verb', twiml('<Sing>la la</Sing>'), 12200, /invalid verb <Sing>/],
    ['a verb the stand-in does not play', twiml('<Connect/>'), 12200, /not supported/],
    [
      'bad nesting',
      twiml('<Gather><Dial>+14155550100</Dial></Gather>'),
      12200,
      /<Dial> is not allowed in <Gather>/,
    ],
    ['an invalid attribute value', twiml('<Gather timeout="soon"/>'), 12200, /invalid timeout/],
    ['a root that is not Response', '<Reply><Say>Hi</Say></Reply>', 12200, /root element/],
  ];

  it.each(cases)(
    '%s: notification %i, application error message, hang-up',
    async (_name, body, code, message) => {
      h.app.on('/voice', body);
      const view = await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
      const [notification] = h.sim.observe.notifications(view.sid);
      expect(notification).toMatchObject({ code, level: 'error', url: `${h.app.url}/voice` });
      expect(notification.message).toMatch(message);
      expect(view.errors).toEqual([expect.objectContaining({ code })]);
      expect(view.heard).toEqual([
        expect.objectContaining({ text: 'We are sorry, an application error has occurred. Goodbye.' }),
      ]);
      expect(view).toMatchObject({ status: 'completed', endedBy: 'application-error' });
    },
  );

  it('a verb not allowed in a wait document fails it (QueueResult=error) and is reported', async () => {
    h.app.on('/voice', twiml('<Enqueue waitUrl="/wait" action="/left">support</Enqueue>'));
    h.app.on('/wait', twiml('<Dial>+14155550100</Dial>'));
    h.app.on('/left', twiml('<Say>Sorry</Say>'));
    const view = await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
    expect(h.sim.observe.notifications(view.sid)[0]).toMatchObject({ code: 12200 });
    expect(h.sim.observe.notifications(view.sid)[0].message).toMatch(/not allowed in a queue-wait document/);
    expect(h.app.requestsTo('/left')[0].params.QueueResult).toBe('error');
  });

  it('an application that answers 500 or is unreachable: 11200 / 11205', async () => {
    h.app.on('/voice', () => ({ status: 500, body: 'boom' }));
    const failed = await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
    expect(failed.errors[0].code).toBe(11200);
    await h.app.close();
    const unreachable = await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
    expect(unreachable.errors[0].code).toBe(11205);
  });

  it('a non-TwiML content type is 12300', async () => {
    h.app.on('/voice', () => ({ contentType: 'application/json', body: '{}' }));
    const view = await h.sim.placeCall({ from: CALLER, to: HOTLINE }).ended;
    expect(view.errors[0].code).toBe(12300);
  });
});
