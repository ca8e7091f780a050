import { SMALL_CONFIG_QUEUES, smallRawConfig } from './ivr-config.fixture';
import { validateIvrConfig, type IvrValidationOptions } from './ivr-config.validator';

type Raw = Record<string, unknown>;

/** The mapping at a dotted path of the raw fixture, for a test to change in place. */
function at(raw: Raw, path: string): Raw {
  return path.split('.').reduce((value: Raw, key) => value[key] as Raw, raw);
}

function problemsAfter(change: (raw: Raw) => void, options: Partial<IvrValidationOptions> = {}) {
  const raw = smallRawConfig();
  change(raw);
  return validateIvrConfig(raw, { knownQueues: SMALL_CONFIG_QUEUES, ...options }).problems;
}

const MENU = 'flows.main.nodes.menu';
const OFFICE = 'businessHours.office';

describe('validateIvrConfig', () => {
  it('accepts the fixture and fills in defaults, lower-cased keywords and digits as text', () => {
    const { value, problems } = validateIvrConfig(smallRawConfig(), { knownQueues: SMALL_CONFIG_QUEUES });
    expect(problems).toEqual([]);
    const flow = value?.flows.main;
    expect(flow?.defaultLanguage).toBe('en-US');
    expect(flow?.afterHours).toEqual({ closed: 'closed-menu', holiday: 'holiday' });
    expect(flow?.nodes['closed-menu']).toMatchObject({ timeoutSeconds: 5, maxAttempts: 3 });
    expect(flow?.nodes.menu).toMatchObject({
      options: [
        { digit: '1', keywords: { 'en-US': ['billing', 'bill'], 'zh-CN': ['账单'] } },
        { digit: '2', target: { next: 'sales' } },
        { digit: '#', keywords: {}, target: { next: 'bye' } },
      ],
      fallback: { queue: 'general', reason: 'ivr-fallback' },
    });
    expect(value?.businessHours.office.weekly).toEqual({
      mon: [
        { from: 540, to: 720 },
        { from: 780, to: 1080 },
      ],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [{ from: 600, to: 840 }],
      sun: [],
    });
    expect(value?.businessHours.office.holidays).toEqual([
      { date: '2026-10-01', name: 'National Day', open: [] },
      { date: '2026-12-31', open: [{ from: 540, to: 720 }] },
    ]);
  });

  it('reports text that YAML split at an unquoted comma instead of silently shortening it', () => {
    const problems = problemsAfter((raw) => {
      at(raw, MENU).prompt = { 'en-US': 'For English', 'press 2.': null, 'zh-CN': '中文' };
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          key: `${MENU}.prompt.press 2.`,
          problem: 'language "press 2." is not spoken here (only en-US, zh-CN)',
        },
        { key: `${MENU}.prompt.press 2.`, problem: 'must be a non-empty string, not null' },
      ]),
    );
  });

  it('wants a mapping at the root', () => {
    expect(validateIvrConfig(['flows'], { knownQueues: [] })).toEqual({
      problems: [{ key: '(root)', problem: 'must be a mapping, not a list' }],
    });
  });

  it('names an unknown node at the key that refers to it (and the node no longer reached)', () => {
    expect(
      problemsAfter((raw) => ((at(raw, `${MENU}.options`) as unknown as Raw[])[1].next = 'salez')),
    ).toEqual([
      { key: `${MENU}.options.1.next`, problem: 'unknown node "salez"' },
      {
        key: 'flows.main.nodes.sales',
        problem: 'unreachable: nothing leads here from start, languageMenu or afterHours',
      },
    ]);
  });

  it('names unknown queues with the known ones', () => {
    expect(problemsAfter((raw) => (at(raw, 'flows.main.nodes.sales').queue = 'sale'))).toEqual([
      {
        key: 'flows.main.nodes.sales.queue',
        problem: 'unknown queue "sale" (known: billing, general, sales)',
      },
    ]);
  });

  it('finds digits and keywords used twice in one menu', () => {
    const problems = problemsAfter((raw) => {
      const options = at(raw, `${MENU}.options`) as unknown as Raw[];
      options[2].digit = '1';
      options[1].keywords = { 'en-US': ['sales', ' BILL '] };
    });
    expect(problems).toEqual([
      {
        key: `${MENU}.options.1.keywords.en-US.1`,
        problem: 'keyword "bill" is also used by flows.main.nodes.menu.options.0',
      },
      {
        key: `${MENU}.options.2.digit`,
        problem: 'digit 1 is already used by flows.main.nodes.menu.options.0',
      },
    ]);
  });

  it('checks that every text has every language of the flow, and no other', () => {
    const problems = problemsAfter((raw) => {
      at(raw, `${MENU}.prompt`)['zh-CN'] = undefined;
      at(raw, `${MENU}.prompt`)['fr-FR'] = 'Factures 1.';
    });
    expect(problems).toEqual([
      { key: `${MENU}.prompt.fr-FR`, problem: 'language "fr-FR" is not spoken here (only en-US, zh-CN)' },
      { key: `${MENU}.prompt.zh-CN`, problem: 'missing: every text is needed in each language' },
    ]);
    expect(problemsAfter((raw) => (at(raw, 'announcements.apology')['zh-CN'] = 7))).toEqual([
      { key: 'announcements.apology.zh-CN', problem: 'must be a non-empty string, not 7' },
    ]);
    expect(problemsAfter((raw) => delete at(raw, 'announcements.apology')['zh-CN'])).toEqual([
      { key: 'announcements.apology.zh-CN', problem: 'missing: every text is needed in each language' },
    ]);
  });

  it('checks placeholders against what each text can be filled with', () => {
    const problems = problemsAfter((raw) => {
      at(raw, 'flows.main.greeting.known.gold')['en-US'] = 'Hi {nmae}.';
      at(raw, 'flows.main.greeting.unknown')['en-US'] = 'Hi {name}.';
      at(raw, 'announcements.estimate')['en-US'] = '{position} {minutes}';
    });
    expect(problems).toEqual([
      { key: 'announcements.estimate.en-US', problem: 'unknown placeholder {position} (allowed: {minutes})' },
      {
        key: 'flows.main.greeting.known.gold.en-US',
        problem: 'unknown placeholder {nmae} (allowed: {name}, {tier})',
      },
      {
        key: 'flows.main.greeting.unknown.en-US',
        problem: 'unknown placeholder {name} (allowed: none here)',
      },
    ]);
  });

  it('checks the shape of the time zone, and its existence when the server can tell', () => {
    expect(problemsAfter((raw) => (at(raw, OFFICE).timeZone = 'GMT+8'))).toEqual([
      { key: `${OFFICE}.timeZone`, problem: '"GMT+8" is not an IANA time zone name such as "Asia/Shanghai"' },
    ]);
    const known = (tz: string) => tz !== 'Asia/Shangai';
    expect(
      problemsAfter((raw) => (at(raw, OFFICE).timeZone = 'Asia/Shangai'), { isKnownTimeZone: known }),
    ).toEqual([{ key: `${OFFICE}.timeZone`, problem: 'unknown time zone "Asia/Shangai"' }]);
    expect(problemsAfter(() => undefined, { isKnownTimeZone: known })).toEqual([]);
  });

  it('checks opening ranges: format, times, order, overlaps and weekday names', () => {
    const problems = problemsAfter((raw) => {
      at(raw, OFFICE).weekly = {
        mon: ['09:00-12:00', '11:30-13:00', '12:00-25:00', '9:00-10:00'],
        tue: ['18:00-09:00', '00:00-24:00', '10:60-11:00'],
        Wed: ['09:00-10:00'],
      };
    });
    expect(problems).toEqual([
      {
        key: `${OFFICE}.weekly.Wed`,
        problem: 'unknown key (expected one of: mon, tue, wed, thu, fri, sat, sun)',
      },
      { key: `${OFFICE}.weekly.mon.1`, problem: 'overlaps 09:00-12:00 (businessHours.office.weekly.mon.0)' },
      { key: `${OFFICE}.weekly.mon.2`, problem: 'bad time "25:00" (times run from 00:00 to 24:00)' },
      {
        key: `${OFFICE}.weekly.mon.3`,
        problem: 'must be a time range such as "09:00-18:00", not "9:00-10:00"',
      },
      {
        key: `${OFFICE}.weekly.tue.0`,
        problem: '"18:00-09:00" ends before it starts; split a range that passes midnight over two days',
      },
      { key: `${OFFICE}.weekly.tue.2`, problem: 'bad time "10:60" (times run from 00:00 to 24:00)' },
    ]);
  });

  it('checks holiday dates, including the calendar and repeats', () => {
    const problems = problemsAfter((raw) => {
      at(raw, OFFICE).holidays = [
        { date: '2026-02-30' },
        { date: '2028-02-29', name: 'Leap day' },
        { date: '2028-02-29' },
        { date: 20261001 },
      ];
    });
    expect(problems).toEqual([
      {
        key: `${OFFICE}.holidays.0.date`,
        problem: 'must be a date written YYYY-MM-DD (quoted in YAML), not "2026-02-30"',
      },
      {
        key: `${OFFICE}.holidays.2.date`,
        problem: '2028-02-29 is already listed at businessHours.office.holidays.1',
      },
      {
        key: `${OFFICE}.holidays.3.date`,
        problem: 'must be a date written YYYY-MM-DD (quoted in YAML), not 20261001',
      },
    ]);
  });

  it('reports misspelt keys, unknown kinds and out-of-range numbers', () => {
    const problems = problemsAfter((raw) => {
      at(raw, MENU).timout = 9;
      at(raw, MENU).maxAttempts = 0;
      at(raw, 'flows.main.nodes.voicemail').maxLengthSeconds = 30.5;
      at(raw, 'flows.main.nodes.bye').kind = 'goodbye';
    });
    expect(problems).toEqual([
      {
        key: `${MENU}.timout`,
        problem:
          'unknown key (expected one of: kind, prompt, options, timeoutSeconds, maxAttempts, fallback)',
      },
      { key: `${MENU}.maxAttempts`, problem: 'must be a whole number from 1 to 10, not 0' },
      {
        key: 'flows.main.nodes.bye.kind',
        problem:
          'must be one of menu, language-menu, message, route, voicemail, callback, hangup, not "goodbye"',
      },
      {
        key: 'flows.main.nodes.voicemail.maxLengthSeconds',
        problem: 'must be a whole number from 5 to 600, not 30.5',
      },
      { key: `${MENU}.options.2.next`, problem: 'unknown node "bye"' },
      { key: 'flows.main.nodes.holiday.next', problem: 'unknown node "bye"' },
    ]);
  });

  it('finds messages that go round without asking anything', () => {
    const problems = problemsAfter((raw) => {
      at(raw, 'flows.main.nodes').intro = {
        kind: 'message',
        prompt: { 'en-US': 'a', 'zh-CN': 'a' },
        next: 'welcome',
      };
      at(raw, 'flows.main.nodes.welcome').next = 'intro';
    });
    expect(problems).toEqual([
      {
        key: 'flows.main.nodes.welcome',
        problem: 'messages go round without asking anything: welcome → intro → welcome',
      },
      {
        key: 'flows.main.nodes.menu',
        problem: 'unreachable: nothing leads here from start, languageMenu or afterHours',
      },
      {
        key: 'flows.main.nodes.sales',
        problem: 'unreachable: nothing leads here from start, languageMenu or afterHours',
      },
    ]);
  });

  it('checks what flow-level references point at', () => {
    const problems = problemsAfter((raw) => {
      const flow = at(raw, 'flows.main');
      flow.languageMenu = 'menu';
      flow.defaultLanguage = 'fr-FR';
      flow.languages = ['en-US', 'zh-CN', 'en-US', 'ja-JP'];
      flow.hours = 'office2';
      (at(raw, 'flows.main.nodes.lang').options as Raw[])[1].language = 'de-DE';
    });
    expect(problems).toEqual([
      { key: 'flows.main.languages.2', problem: '"en-US" is listed twice' },
      { key: 'flows.main.languages.3', problem: '"ja-JP" is not declared under languages' },
      { key: 'flows.main.defaultLanguage', problem: '"fr-FR" is not one of the flow\'s languages' },
      {
        key: 'flows.main.nodes.lang.options.1.language',
        problem: '"de-DE" is not one of the flow\'s languages',
      },
      { key: 'flows.main.languageMenu', problem: 'node "menu" is a menu, not a language-menu' },
      { key: 'flows.main.hours', problem: 'unknown businessHours "office2"' },
      {
        key: 'flows.main.nodes.lang',
        problem: 'unreachable: nothing leads here from start, languageMenu or afterHours',
      },
    ]);
  });

  it('wants either a next node or a queue with a reason', () => {
    const problems = problemsAfter((raw) => {
      at(raw, `${MENU}.fallback`).next = 'bye';
      at(raw, 'flows.main.nodes.welcome').next = undefined;
    });
    expect(problems).toEqual([
      { key: 'flows.main.nodes.welcome.next', problem: 'missing' },
      { key: `${MENU}.fallback.next`, problem: 'give either next or queue + reason, not both' },
      {
        key: 'flows.main.nodes.menu',
        problem: 'unreachable: nothing leads here from start, languageMenu or afterHours',
      },
      {
        key: 'flows.main.nodes.sales',
        problem: 'unreachable: nothing leads here from start, languageMenu or afterHours',
      },
    ]);
  });

  it('wants afterHours only with hours, and declared languages only', () => {
    const problems = problemsAfter((raw) => {
      raw.defaultLanguage = 'en-GB';
      at(raw, 'flows.main').hours = undefined;
    });
    expect(problems).toEqual([
      { key: 'defaultLanguage', problem: '"en-GB" is not declared under languages' },
      {
        key: 'flows.main.defaultLanguage',
        problem:
          '"en-GB" is not one of the flow\'s languages (the top-level defaultLanguage, as the flow names none)',
      },
      { key: 'flows.main.afterHours', problem: 'only used with hours, which is missing' },
      {
        key: 'flows.main.nodes.closed-menu',
        problem: 'unreachable: nothing leads here from start, languageMenu or afterHours',
      },
      {
        key: 'flows.main.nodes.holiday',
        problem: 'unreachable: nothing leads here from start, languageMenu or afterHours',
      },
      {
        key: 'flows.main.nodes.voicemail',
        problem: 'unreachable: nothing leads here from start, languageMenu or afterHours',
      },
      {
        key: 'flows.main.nodes.callback',
        problem: 'unreachable: nothing leads here from start, languageMenu or afterHours',
      },
    ]);
  });
});
