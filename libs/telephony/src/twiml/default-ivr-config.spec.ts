import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { IvrInterpreter, fixedOffsetLocalTime, ivrPositionQuery, validateIvrConfig } from '@hotline/ivr';
import { TwimlRenderer } from './twiml.renderer';

// The shipped configuration: it must load cleanly with the queues config/queues.yaml defines. The
// spec lives here rather than in libs/ivr because reading a file is I/O, which the pure lib may not do.
const QUEUES = ['general', 'billing', 'support', 'sales'];
const raw: unknown = parse(readFileSync(join(__dirname, '../../../../config/ivr/main.yaml'), 'utf8'));

describe('config/ivr/main.yaml', () => {
  it('validates with no problems', () => {
    const { problems, value } = validateIvrConfig(raw, { knownQueues: QUEUES });
    expect(problems).toEqual([]);
    expect(Object.keys(value?.flows ?? {})).toEqual(['main']);
  });

  it('names a queue the lead has not defined as a problem', () => {
    const { problems } = validateIvrConfig(raw, { knownQueues: ['general', 'support', 'sales'] });
    expect(problems).toEqual([
      {
        key: 'flows.main.nodes.main-menu.options.0.queue',
        problem: 'unknown queue "billing" (known: general, sales, support)',
      },
    ]);
  });

  describe('a call on a Tuesday', () => {
    const config = validateIvrConfig(raw, { knownQueues: QUEUES }).value;
    if (config === undefined) throw new Error('main.yaml does not validate');
    const ivr = new IvrInterpreter(config, fixedOffsetLocalTime(8 * 60));
    // 2026-03-10 is a Tuesday; 10:30 in Shanghai is 02:30 UTC.
    const tuesdayMorning = Date.UTC(2026, 2, 10, 2, 30);

    it('takes an unknown caller through the language menu and support sub-menu to the support queue', () => {
      const first = ivr.enter('main', { known: false }, tuesdayMorning);
      expect(first.step.kind === 'gather' && first.step.position.node).toBe('choose-language');
      const english = ivr.advance(
        { flow: 'main', node: 'choose-language', attempt: 1, language: 'zh-CN' },
        { kind: 'digits', digits: '2' },
      );
      expect(english.step.kind === 'gather' && english.step.position).toEqual({
        flow: 'main',
        node: 'main-menu',
        attempt: 1,
        language: 'en-US',
      });
      const tech = ivr.advance(
        { flow: 'main', node: 'main-menu', attempt: 1, language: 'en-US' },
        { kind: 'speech', text: 'Technical support please', confidence: 0.9 },
      );
      expect(tech.step.kind === 'gather' && tech.step.position.node).toBe('tech-menu');
      const mobile = ivr.advance(
        { flow: 'main', node: 'tech-menu', attempt: 1, language: 'en-US' },
        { kind: 'speech', text: 'my phone has no signal', confidence: 0.8 },
      );
      expect(mobile.step).toMatchObject({ kind: 'enqueue', queue: 'support', reason: 'tech-mobile' });
    });

    it('renders the first question of an unknown caller as TwiML, each language in its own voice', () => {
      const { step } = ivr.enter('main', { known: false }, tuesdayMorning);
      if (step.kind !== 'gather') throw new Error(`expected a gather, got ${step.kind}`);
      const query = new URLSearchParams(ivrPositionQuery(step.position));
      const xml = new TwimlRenderer().gather({
        ...step,
        actionUrl: `https://hotline.example.com/twilio/ivr?${query}`,
      });
      expect(xml).toBe(
        '<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="dtmf" ' +
          'action="https://hotline.example.com/twilio/ivr?flow=main&amp;node=choose-language&amp;attempt=1&amp;lang=zh-CN" ' +
          'method="POST" actionOnEmptyResult="true" timeout="5" numDigits="1">' +
          '<Say voice="Polly.Zhiyu-Neural" language="cmn-CN">您好，感谢致电客户服务热线。</Say>' +
          '<Say voice="Polly.Zhiyu-Neural" language="cmn-CN">普通话服务请按1。</Say>' +
          '<Say voice="Polly.Joanna-Neural" language="en-US">For English, press 2.</Say>' +
          '</Gather></Response>',
      );
    });

    it('greets a gold member in Chinese by tier and routes speech about a 账单 to billing', () => {
      const first = ivr.enter('main', { known: true, tier: 'gold', language: 'zh-CN' }, tuesdayMorning);
      expect(first.step.prompts[0].text).toBe('欢迎回来，尊敬的金卡会员。');
      const billing = ivr.advance(
        { flow: 'main', node: 'main-menu', attempt: 1, language: 'zh-CN' },
        { kind: 'speech', text: '我想查一下账单', confidence: 0.7 },
      );
      expect(billing.step).toMatchObject({ kind: 'enqueue', queue: 'billing', reason: 'billing' });
    });
  });
});
