import fc from 'fast-check';
import { fixedOffsetLocalTime } from './fixed-offset-local-time.resolver';
import { SMALL_CONFIG_QUEUES, smallRawConfig } from './ivr-config.fixture';
import type { IvrConfig } from './ivr-config.model';
import { validateIvrConfig } from './ivr-config.validator';
import type { IvrInput, IvrOutcome, IvrPosition } from './ivr-step.model';
import { IvrInterpreter } from './ivr.interpreter';

function smallConfig(): IvrConfig {
  const { value, problems } = validateIvrConfig(smallRawConfig(), { knownQueues: SMALL_CONFIG_QUEUES });
  if (value === undefined) throw new Error(JSON.stringify(problems));
  return value;
}

const config = smallConfig();
const ivr = new IvrInterpreter(config, fixedOffsetLocalTime(8 * 60));
/** Shanghai wall-clock time (UTC+8) as epoch milliseconds. */
const shanghai = (y: number, m: number, d: number, hh: number, mm = 0) => Date.UTC(y, m - 1, d, hh - 8, mm);
const MONDAY_10AM = shanghai(2026, 3, 9, 10);

const en = (text: string) => ({ text, voice: 'Polly.Joanna', language: 'en-US' });
const zh = (text: string) => ({ text, voice: 'Polly.Zhiyu', language: 'cmn-CN' });
const at = (node: string, attempt = 1, language = 'en-US'): IvrPosition => ({
  flow: 'main',
  node,
  attempt,
  language,
});
const digits = (d: string): IvrInput => ({ kind: 'digits', digits: d });
const speech = (text: string, confidence = 0.9): IvrInput => ({ kind: 'speech', text, confidence });
const none: IvrInput = { kind: 'none' };

function position(outcome: IvrOutcome): IvrPosition | undefined {
  return outcome.step.kind === 'gather' ? outcome.step.position : undefined;
}

describe('IvrInterpreter.enter', () => {
  it('greets a known gold member by name and tier, says the message and asks the menu', () => {
    const outcome = ivr.enter(
      'main',
      { known: true, name: 'Ada', tier: 'gold', language: 'en-US' },
      MONDAY_10AM,
    );
    expect(outcome).toEqual({
      step: {
        kind: 'gather',
        language: 'en-US',
        prompts: [
          en('Welcome back, Ada, gold member.'),
          en('Calls are recorded.'),
          en('Billing 1, sales 2.'),
        ],
        position: at('menu'),
        input: ['dtmf', 'speech'],
        timeoutSeconds: 7,
        numDigits: 1,
        speechLanguage: 'en-US',
        hints: ['billing', 'bill', 'sales', 'buy'],
      },
      events: [],
    });
  });

  it('greets in Chinese with the Chinese tier name and hints only the Chinese keywords', () => {
    const outcome = ivr.enter(
      'main',
      { known: true, name: '李雷', tier: 'gold', language: 'zh-CN' },
      MONDAY_10AM,
    );
    expect(outcome.step).toMatchObject({
      language: 'zh-CN',
      prompts: [zh('李雷，欢迎回来，金卡会员。'), zh('通话将被录音。'), zh('账单按1，销售按2。')],
      speechLanguage: 'cmn-Hans-CN',
      hints: ['账单'],
    });
  });

  it("falls back to the default known greeting when the tier's greeting needs a name the CRM lacks", () => {
    const outcome = ivr.enter('main', { known: true, tier: 'gold', language: 'en-US' }, MONDAY_10AM);
    expect(outcome.step.prompts[0]).toEqual(en('Welcome back.'));
  });

  it('greets a known caller of a tier without its own greeting with the default one', () => {
    const outcome = ivr.enter('main', { known: true, tier: 'silver', language: 'zh-CN' }, MONDAY_10AM);
    expect(outcome.step.prompts[0]).toEqual(zh('欢迎回来。'));
  });

  it('offers the language menu, each part in its own voice, to a caller whose language is unknown', () => {
    const outcome = ivr.enter('main', { known: false }, MONDAY_10AM);
    expect(outcome.step).toEqual({
      kind: 'gather',
      language: 'en-US',
      prompts: [en('Hello.'), en('For English press 1.'), zh('中文请按2。')],
      position: at('lang'),
      input: ['dtmf'],
      timeoutSeconds: 5,
      numDigits: 1,
      hints: [],
    });
  });

  it('treats a preferred language the flow does not offer as unknown', () => {
    expect(position(ivr.enter('main', { known: true, language: 'fr-FR' }, MONDAY_10AM))?.node).toBe('lang');
  });

  it.each([
    ['over lunch on a Monday', shanghai(2026, 3, 9, 12, 30)],
    ['at 18:00 sharp (ranges end before their end time)', shanghai(2026, 3, 9, 18)],
    ['on a Sunday', shanghai(2026, 3, 8, 11)],
  ])('answers with the closed menu %s', (_, now) => {
    const outcome = ivr.enter('main', { known: true, language: 'en-US' }, now);
    expect(position(outcome)).toEqual({ ...at('closed-menu'), afterHours: 'closed' });
    expect(outcome.step.prompts.map((p) => p.text)).toEqual([
      'Welcome back.',
      'We are closed. Message 1, call back 2.',
    ]);
  });

  it('says the holiday message and hangs up on a holiday, logging the after-hours route', () => {
    const outcome = ivr.enter('main', { known: false, language: 'zh-CN' }, shanghai(2026, 10, 1, 10));
    expect(outcome).toEqual({
      step: {
        kind: 'message-hangup',
        language: 'zh-CN',
        prompts: [zh('您好。'), zh('节日快乐。'), zh('再见。')],
      },
      events: [{ type: 'call.after-hours', data: { route: 'message', reason: 'holiday' } }],
    });
  });

  it('keeps the reduced opening hours of a partial holiday', () => {
    const caller = { known: true, language: 'en-US' };
    expect(position(ivr.enter('main', caller, shanghai(2026, 12, 31, 11, 59)))?.node).toBe('menu');
    expect(ivr.enter('main', caller, shanghai(2026, 12, 31, 12)).step.kind).toBe('message-hangup');
  });

  it('lets an unknown caller choose a language before the after-hours menu', () => {
    const sunday = shanghai(2026, 3, 8, 11);
    expect(position(ivr.enter('main', { known: false }, sunday))).toEqual({
      ...at('lang'),
      afterHours: 'closed',
    });
    const chosen = ivr.advance({ ...at('lang'), afterHours: 'closed' }, digits('2'));
    expect(chosen.step.prompts).toEqual([zh('已下班。留言按1，回电按2。')]);
    expect(position(chosen)).toEqual({ ...at('closed-menu', 1, 'zh-CN'), afterHours: 'closed' });
  });

  it('refuses an unknown flow', () => {
    expect(() => ivr.enter('nope', { known: false }, MONDAY_10AM)).toThrow('IVR.UNKNOWN_FLOW');
  });
});

describe('IvrInterpreter.advance', () => {
  it('routes digit 1 straight to the billing queue and logs the answer and the route', () => {
    expect(ivr.advance(at('menu'), digits('1'))).toEqual({
      step: { kind: 'enqueue', language: 'en-US', prompts: [], queue: 'billing', reason: 'billing' },
      events: [
        { type: 'ivr.step', data: { node: 'menu', input: '1', attempt: 1 } },
        { type: 'ivr.routed', data: { queue: 'billing', reason: 'billing' } },
      ],
    });
  });

  it('routes through a route node, saying its prompt', () => {
    expect(ivr.advance(at('menu'), speech('I want to BUY a phone')).step).toEqual({
      kind: 'enqueue',
      language: 'en-US',
      prompts: [en('Connecting you to sales.')],
      queue: 'sales',
      reason: 'new-purchase',
    });
  });

  it.each([
    ['the keyword said first', 'buy, not billing', 'sales'],
    ['the longer keyword at the same place', 'billing please', 'billing'],
    ['the digit said', ' 1 ', 'billing'],
    ['a keyword inside Chinese text', '我的账单有问题', 'billing'],
  ])('picks %s', (_, text, queue) => {
    const language = /[\u4e00-\u9fff]/.test(text) ? 'zh-CN' : 'en-US';
    expect(ivr.advance(at('menu', 1, language), speech(text)).step).toMatchObject({ kind: 'enqueue', queue });
  });

  it('asks again after speech below the confidence threshold, as an invalid answer', () => {
    const outcome = ivr.advance(at('menu'), speech('billing', 0.49));
    expect(outcome.step.prompts).toEqual([en('Not an option.'), en('Billing 1, sales 2.')]);
    expect(position(outcome)).toEqual(at('menu', 2));
    expect(outcome.events).toEqual([
      { type: 'ivr.step', data: { node: 'menu', input: 'speech:billing', attempt: 1 } },
    ]);
  });

  it('asks again after a timeout, saying it heard nothing', () => {
    const outcome = ivr.advance(at('menu', 1, 'zh-CN'), none);
    expect(outcome.step.prompts).toEqual([zh('没有听到。'), zh('账单按1，销售按2。')]);
    expect(outcome.events).toEqual([{ type: 'ivr.step', data: { node: 'menu', attempt: 1 } }]);
  });

  it('takes the fallback route once the attempts are used up', () => {
    expect(ivr.advance(at('menu', 2), digits('7')).step).toMatchObject({
      kind: 'enqueue',
      queue: 'general',
      reason: 'ivr-fallback',
    });
  });

  it('hangs up with a goodbye on #', () => {
    const outcome = ivr.advance(at('menu'), digits('#'));
    expect(outcome.step).toEqual({ kind: 'message-hangup', language: 'en-US', prompts: [en('Goodbye.')] });
    expect(outcome.events.map((e) => e.type)).toEqual(['ivr.step']);
  });

  it('switches language from the language menu', () => {
    const outcome = ivr.advance(at('lang'), digits('2'));
    expect(outcome.step.prompts).toEqual([zh('通话将被录音。'), zh('账单按1，销售按2。')]);
    expect(position(outcome)).toEqual(at('menu', 1, 'zh-CN'));
    expect(outcome.events).toEqual([{ type: 'ivr.step', data: { node: 'lang', input: '2', attempt: 1 } }]);
  });

  it('repeats the language menu, then carries on in the default language', () => {
    expect(position(ivr.advance(at('lang', 1, 'zh-CN'), none))).toEqual(at('lang', 2, 'zh-CN'));
    expect(position(ivr.advance(at('lang', 2, 'zh-CN'), digits('9')))).toEqual(at('menu', 1, 'en-US'));
  });

  it.each([
    ['voicemail', '1', { kind: 'voicemail', maxLengthSeconds: 90 }, 'voicemail'],
    ['a callback', '2', { kind: 'callback', queue: 'general', reason: 'after-hours-callback' }, 'callback'],
  ])('logs the after-hours route when a closed caller chooses %s', (_, key, step, route) => {
    const outcome = ivr.advance({ ...at('closed-menu'), afterHours: 'closed' }, digits(key));
    expect(outcome.step).toMatchObject(step);
    expect(outcome.events).toEqual([
      { type: 'ivr.step', data: { node: 'closed-menu', input: key, attempt: 1 } },
      { type: 'call.after-hours', data: { route, reason: 'closed' } },
    ]);
  });

  it('starts the flow over when the node is gone (a configuration reload), logging no answer', () => {
    for (const node of ['removed', 'constructor', '__proto__']) {
      const outcome = ivr.advance(at(node), digits('1'));
      expect(position(outcome)).toEqual(at('menu'));
      expect(outcome.events).toEqual([]);
    }
  });

  it('carries out a node that asks nothing again when a position points at it', () => {
    expect(ivr.advance(at('sales'), digits('1')).step).toMatchObject({ kind: 'enqueue', queue: 'sales' });
  });

  it('speaks the default language when the position names one the flow does not offer', () => {
    expect(position(ivr.advance(at('menu', 1, 'de-DE'), none))).toEqual(at('menu', 2, 'en-US'));
  });

  it('refuses to loop through messages forever in a configuration that bypassed the validator', () => {
    const flow = config.flows.main;
    const looping: IvrConfig = {
      ...config,
      flows: {
        main: {
          ...flow,
          nodes: {
            ...flow.nodes,
            welcome: { kind: 'message', prompt: { 'en-US': 'a', 'zh-CN': 'a' }, next: { next: 'welcome' } },
          },
        },
      },
    };
    const broken = new IvrInterpreter(looping, fixedOffsetLocalTime(480));
    expect(() => broken.enter('main', { known: true, language: 'en-US' }, MONDAY_10AM)).toThrow(
      'IVR.MESSAGE_LOOP',
    );
  });

  it('leaves the IVR within the sum of the attempts whatever the caller does, and decides the same twice', () => {
    const inputs = fc.oneof(
      fc.constantFrom<IvrInput>(none, digits('1'), digits('2'), digits('9'), digits('#')),
      fc.record({
        kind: fc.constant('speech' as const),
        text: fc.string(),
        confidence: fc.double({ min: 0, max: 1 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(inputs, { minLength: 5, maxLength: 5 }),
        fc.nat(7 * 24 * 60),
        (answers, minute) => {
          const now = MONDAY_10AM + minute * 60_000;
          let outcome = ivr.enter('main', { known: false }, now);
          expect(ivr.enter('main', { known: false }, now)).toEqual(outcome);
          for (const answer of answers) {
            const current = position(outcome);
            if (current === undefined) return;
            expect(current.attempt).toBeLessThanOrEqual(3);
            outcome = ivr.advance(current, answer);
            expect(ivr.advance(current, answer)).toEqual(outcome);
          }
          // At most 5 questions: the language menu twice, then the closed menu three times.
          expect(outcome.step.kind).not.toBe('gather');
        },
      ),
    );
  });
});
