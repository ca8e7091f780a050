import { ivrPositionQuery, type GatherStep } from '@hotline/ivr';
import { TwimlRenderer } from './twiml.renderer';

const renderer = new TwimlRenderer();
const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const BASE = 'https://hotline.example.com';
const zh = { text: '账单按1。', voice: 'Polly.Zhiyu-Neural', language: 'cmn-CN' };
const en = { text: 'Billing, press 1 & more.', voice: 'Polly.Joanna-Neural', language: 'en-US' };
const SAY_ZH = '<Say voice="Polly.Zhiyu-Neural" language="cmn-CN">账单按1。</Say>';
const SAY_EN = '<Say voice="Polly.Joanna-Neural" language="en-US">Billing, press 1 &amp; more.</Say>';

describe('TwimlRenderer', () => {
  it('renders an IVR question for keys and speech, escaping the query in the action URL', () => {
    const xml = renderer.gather({
      prompts: [zh],
      input: ['dtmf', 'speech'],
      timeoutSeconds: 6,
      numDigits: 1,
      speechLanguage: 'cmn-Hans-CN',
      hints: ['账单', '缴费'],
      actionUrl: `${BASE}/twilio/ivr?flow=main&node=main-menu&attempt=1&lang=zh-CN`,
    });
    expect(xml).toBe(
      XML +
        '<Response><Gather input="dtmf speech" ' +
        `action="${BASE}/twilio/ivr?flow=main&amp;node=main-menu&amp;attempt=1&amp;lang=zh-CN" method="POST" ` +
        'actionOnEmptyResult="true" timeout="6" numDigits="1" language="cmn-Hans-CN" hints="账单, 缴费" ' +
        `speechTimeout="auto">${SAY_ZH}</Gather></Response>`,
    );
  });

  it('leaves speech settings out of a keys-only question', () => {
    const xml = renderer.gather({
      prompts: [en, zh],
      input: ['dtmf'],
      timeoutSeconds: 5,
      numDigits: 1,
      hints: [],
      actionUrl: `${BASE}/twilio/ivr`,
    });
    expect(xml).toBe(
      XML +
        `<Response><Gather input="dtmf" action="${BASE}/twilio/ivr" method="POST" actionOnEmptyResult="true" ` +
        `timeout="5" numDigits="1">${SAY_EN}${SAY_ZH}</Gather></Response>`,
    );
  });

  it('redirects, leaves a queue, and answers with nothing', () => {
    expect(renderer.redirect('https://h.example/twilio/queue/wait?lang=en-US&x=1')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Redirect method="POST">https://h.example/twilio/queue/wait?lang=en-US&amp;x=1</Redirect></Response>',
    );
    expect(renderer.leave()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Leave/></Response>');
    expect(renderer.empty()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  it('puts a caller in a queue after the prompts', () => {
    const xml = renderer.enqueue({
      prompts: [en],
      queue: 'billing',
      waitUrl: `${BASE}/twilio/queue/wait?lang=en-US`,
      actionUrl: `${BASE}/twilio/queue/left`,
    });
    expect(xml).toBe(
      XML +
        `<Response>${SAY_EN}<Enqueue action="${BASE}/twilio/queue/left" method="POST" ` +
        `waitUrl="${BASE}/twilio/queue/wait?lang=en-US" waitUrlMethod="POST">billing</Enqueue></Response>`,
    );
  });

  it('renders the wait loop with announcements, the callback offer and hold music inside one Gather', () => {
    const xml = renderer.waitLoop({
      announcements: [zh],
      holdMusicUrl: `${BASE}/audio/hold.mp3`,
      callbackOffer: { prompt: en, actionUrl: `${BASE}/twilio/callback?queue=billing` },
    });
    expect(xml).toBe(
      XML +
        `<Response><Gather input="dtmf" numDigits="1" action="${BASE}/twilio/callback?queue=billing" ` +
        `method="POST" timeout="1">${SAY_ZH}${SAY_EN}<Play>${BASE}/audio/hold.mp3</Play></Gather></Response>`,
    );
  });

  it('renders a wait loop without a callback offer as plain announcements and music', () => {
    const xml = renderer.waitLoop({ announcements: [en], holdMusicUrl: `${BASE}/audio/hold.mp3` });
    expect(xml).toBe(`${XML}<Response>${SAY_EN}<Play>${BASE}/audio/hold.mp3</Play></Response>`);
  });

  it('records a voicemail after the prompt, with a beep', () => {
    const xml = renderer.voicemail({
      prompts: [zh],
      maxLengthSeconds: 120,
      actionUrl: `${BASE}/twilio/voicemail`,
    });
    expect(xml).toBe(
      XML +
        `<Response>${SAY_ZH}<Record action="${BASE}/twilio/voicemail" method="POST" maxLength="120" ` +
        'playBeep="true"/></Response>',
    );
  });

  it('says a message and hangs up; the apology is one such message', () => {
    expect(renderer.messageHangup([en, zh])).toBe(`${XML}<Response>${SAY_EN}${SAY_ZH}<Hangup/></Response>`);
    expect(renderer.apology(zh)).toBe(`${XML}<Response>${SAY_ZH}<Hangup/></Response>`);
  });

  it('joins the caller to the conference room, ending it when the caller leaves', () => {
    const xml = renderer.conferenceJoin({
      room: 'CA0123456789abcdef0123456789abcdef',
      participantLabel: 'customer',
      statusCallbackUrl: `${BASE}/twilio/conference`,
      waitUrl: '',
    });
    expect(xml).toBe(
      XML +
        '<Response><Dial><Conference startConferenceOnEnter="true" endConferenceOnExit="true" ' +
        `participantLabel="customer" statusCallback="${BASE}/twilio/conference" statusCallbackMethod="POST" ` +
        'statusCallbackEvent="start end join leave mute hold" waitUrl="" waitMethod="POST">' +
        'CA0123456789abcdef0123456789abcdef</Conference></Dial></Response>',
    );
  });

  it('plays hold music forever, after an optional prompt', () => {
    expect(renderer.hold({ holdMusicUrl: `${BASE}/audio/hold.mp3`, prompts: [en] })).toBe(
      `${XML}<Response>${SAY_EN}<Play loop="0">${BASE}/audio/hold.mp3</Play></Response>`,
    );
  });
});

describe('TwimlRenderer keeping what it rendered', () => {
  it('answers a repeated description with the same document, and any difference with its own', () => {
    const keeping = new TwimlRenderer();
    const music = `${BASE}/audio/hold.mp3`;
    const first = keeping.waitLoop({ announcements: [en], holdMusicUrl: music });
    expect(keeping.waitLoop({ announcements: [en], holdMusicUrl: music })).toBe(first);
    const otherText = keeping.waitLoop({
      announcements: [{ ...en, text: 'You are number 2.' }],
      holdMusicUrl: music,
    });
    expect(otherText).toContain('You are number 2.');
    expect(otherText).not.toContain('Billing');
    expect(keeping.waitLoop({ announcements: [], holdMusicUrl: music })).toBe(
      `${XML}<Response><Play>${music}</Play></Response>`,
    );
    // Same content under another kind of document is another document.
    expect(keeping.messageHangup([en])).toBe(`${XML}<Response>${SAY_EN}<Hangup/></Response>`);
    expect(keeping.voicemail({ prompts: [en], maxLengthSeconds: 60, actionUrl: `${BASE}/vm` })).toContain(
      '<Record',
    );
  });
});

describe('TwimlRenderer with the IVR interpreter', () => {
  it("renders an IVR gather step as it comes, plus the server's action URL", () => {
    const step: GatherStep = {
      kind: 'gather',
      language: 'en-US',
      prompts: [en],
      position: { flow: 'main', node: 'main-menu', attempt: 2, language: 'en-US' },
      input: ['dtmf', 'speech'],
      timeoutSeconds: 6,
      numDigits: 1,
      speechLanguage: 'en-US',
      hints: ['billing'],
    };
    const actionUrl = `${BASE}/twilio/ivr?${new URLSearchParams(ivrPositionQuery(step.position))}`;
    expect(renderer.gather({ ...step, actionUrl })).toBe(
      XML +
        '<Response><Gather input="dtmf speech" ' +
        `action="${BASE}/twilio/ivr?flow=main&amp;node=main-menu&amp;attempt=2&amp;lang=en-US" method="POST" ` +
        'actionOnEmptyResult="true" timeout="6" numDigits="1" language="en-US" hints="billing" ' +
        `speechTimeout="auto">${SAY_EN}</Gather></Response>`,
    );
  });
});
