import { getExpectedTwilioSignature, validateRequest } from 'twilio';
import { AUTH_TOKEN, CALLER, HOTLINE, Harness, startHarness, twiml } from '../testing/sim-harness';
import { eventually } from '../testing/fake-application';
import { computeTwilioSignature } from './twilio-signature';

describe('computeTwilioSignature', () => {
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = {
    To: '+18005551212',
    From: '+14158675310',
    Digits: '1234',
    CallSid: 'CA1234567890ABCDE0123456789ABCDEF',
    Caller: '+14158675310',
  };

  it('matches an HMAC-SHA1 computed by hand (openssl) over URL + sorted name/value pairs', () => {
    expect(computeTwilioSignature('12345', url, params)).toBe('Utv48vwV/53aTvpe34pbXNEsqiI=');
  });

  it('matches the twilio library', () => {
    const signature = computeTwilioSignature('12345', url, params);
    expect(getExpectedTwilioSignature('12345', url, params)).toBe(signature);
    expect(validateRequest('12345', signature, url, params)).toBe(true);
    expect(validateRequest('other-token', signature, url, params)).toBe(false);
  });

  it('sorts names byte-wise, upper case before lower case', () => {
    const a = computeTwilioSignature('t', 'http://x/', { b: '1', B: '2', a: '3' });
    expect(a).toBe(computeTwilioSignature('t', 'http://x/', { B: '2', a: '3', b: '1' }));
    expect(getExpectedTwilioSignature('t', 'http://x/', { b: '1', B: '2', a: '3' })).toBe(a);
  });
});

describe('signed webhooks', () => {
  let h: Harness;
  beforeEach(async () => (h = await startHarness()));
  afterEach(() => h.close());

  it('signs the voice request and a GET action so that twilio.validateRequest accepts both', async () => {
    h.app.on(
      '/voice',
      twiml('<Gather numDigits="1" action="/menu?step=1" method="GET"><Say>Press</Say></Gather>'),
    );
    h.app.on('/menu', twiml('<Hangup/>'));
    const call = h.sim.placeCall({ from: CALLER, to: HOTLINE, callerScript: { gather: ['7'] } });
    await call.ended;
    const [voice] = h.app.requestsTo('/voice');
    expect(voice.method).toBe('POST');
    expect(validateRequest(AUTH_TOKEN, voice.signature, voice.url, voice.params)).toBe(true);
    const [menu] = h.app.requestsTo('/menu');
    expect(menu.method).toBe('GET');
    expect(menu.params.Digits).toBe('7');
    expect(validateRequest(AUTH_TOKEN, menu.signature, menu.url, {})).toBe(true);
    await eventually(() => h.app.requestsTo('/status').length === 1);
    const [status] = h.app.requestsTo('/status');
    expect(validateRequest(AUTH_TOKEN, status.signature, status.url, status.params)).toBe(true);
  });

  it("sends Twilio's voice parameters", async () => {
    h.app.on('/voice', twiml('<Hangup/>'));
    const call = h.sim.placeCall({ from: CALLER, to: HOTLINE });
    await call.ended;
    const [voice] = h.app.requestsTo('/voice');
    expect(voice.params).toMatchObject({
      CallSid: call.sid,
      AccountSid: 'AC0123456789abcdef0123456789abcdef',
      From: CALLER,
      To: HOTLINE,
      Caller: CALLER,
      Called: HOTLINE,
      CallStatus: 'ringing',
      Direction: 'inbound',
      ApiVersion: '2010-04-01',
      FromCountry: 'US',
    });
    expect(call.sid).toMatch(/^CA[0-9a-f]{32}$/);
  });
});
