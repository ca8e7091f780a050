import { casesOf, classifyContacts, openCaseFor, reasonsMatch } from './fcr-cases';
import type { FcrContact } from './fcr-contacts';
import { fcrReport } from './fcr';
import { DAY, HOUR } from './testing/event-log.builder';

const WEEK = 7 * 24 * HOUR;
const RULE = { windowMs: WEEK };

let serial = 0;
function contact(
  customer: string,
  at: number,
  reason: string | null,
  more: Partial<FcrContact> = {},
): FcrContact {
  serial += 1;
  return {
    callSid: `CA${String(serial).padStart(32, '0')}`,
    customer,
    customerId: customer,
    at,
    queue: 'billing',
    agent: 'ann',
    tier: 'standard',
    reason,
    resolved: true,
    followUp: false,
    notes: '',
    survey: {},
    ...more,
  };
}

function flags(contacts: FcrContact[], rule = RULE) {
  return classifyContacts(contacts, rule).map((entry) => [
    entry.contact.callSid,
    entry.repeat,
    entry.repeated,
  ]);
}

describe('repeat window', () => {
  it('counts a contact less than W later as a repeat, and one exactly W later as a new first contact', () => {
    const first = contact('c1', DAY, 'billing');
    const justInside = contact('c1', DAY + WEEK - 1, 'billing');
    expect(flags([first, justInside])).toEqual([
      [first.callSid, false, true],
      [justInside.callSid, true, false],
    ]);
    const atW = contact('c1', DAY + WEEK, 'billing');
    expect(flags([first, atW])).toEqual([
      [first.callSid, false, false],
      [atW.callSid, false, false],
    ]);
  });

  it('is measured from the latest matching contact, so a chain of repeats stays one case', () => {
    const a = contact('c1', DAY, 'billing');
    const b = contact('c1', DAY + 5 * 24 * HOUR, 'billing');
    const c = contact('c1', DAY + 10 * 24 * HOUR, 'billing');
    expect(flags([a, b, c]).map(([, repeat]) => repeat)).toEqual([false, true, true]);
    const cases = casesOf([c, a, b], RULE);
    expect(cases).toHaveLength(1);
    expect(cases[0].first).toBe(a);
    expect(cases[0].contacts).toEqual([a, b, c]);
  });

  it('never ties contacts of different customers', () => {
    expect(
      flags([contact('c1', DAY, 'billing'), contact('c2', DAY + HOUR, 'billing')]).map(([, r]) => r),
    ).toEqual([false, false]);
  });
});

describe('reason matching', () => {
  it('needs the same reason when both are known', () => {
    const a = contact('c1', DAY, 'billing');
    const b = contact('c1', DAY + HOUR, 'tech-mobile');
    expect(flags([a, b]).map(([, repeat, repeated]) => [repeat, repeated])).toEqual([
      [false, false],
      [false, false],
    ]);
  });

  it('treats an unknown reason, or one listed as unknown, as matching any reason', () => {
    expect(reasonsMatch(null, 'billing', RULE)).toBe(true);
    expect(reasonsMatch('billing', null, RULE)).toBe(true);
    expect(reasonsMatch('billing', 'sales', RULE)).toBe(false);
    const rule = { windowMs: WEEK, unknownReasons: ['ivr-no-choice'] };
    expect(reasonsMatch('ivr-no-choice', 'sales', rule)).toBe(true);
    const unknownFirst = contact('c1', DAY, 'ivr-no-choice');
    const anyRepeat = contact('c1', DAY + HOUR, 'sales');
    expect(flags([unknownFirst, anyRepeat], rule).map(([, repeat]) => repeat)).toEqual([false, true]);
    expect(flags([unknownFirst, anyRepeat], RULE).map(([, repeat]) => repeat)).toEqual([false, false]);
  });
});

describe('FCR rate', () => {
  const range = { from: DAY, to: DAY + 24 * HOUR };

  it('stops counting a resolved first contact once a repeat reopens its case', () => {
    const first = contact('c1', DAY + HOUR, 'billing', { resolved: true });
    const repeat = contact('c1', DAY + 3 * 24 * HOUR, 'billing', { resolved: true });
    const now = DAY + 30 * 24 * HOUR;
    const { overall } = fcrReport([first, repeat], { ...RULE, range, now });
    expect(overall).toMatchObject({
      contacts: 1,
      firstContacts: 1,
      closedFirstContacts: 1,
      fcrResolved: 0,
      fcrRate: 0,
      repeatContacts: 0,
    });
    const whole = fcrReport([first, repeat], { ...RULE, range: { from: DAY, to: DAY + 8 * 24 * HOUR }, now });
    expect(whole.overall).toMatchObject({
      contacts: 2,
      repeatContacts: 1,
      repeatContactRate: 0.5,
      firstContacts: 1,
    });
  });

  it('reports only closed windows as final and every first contact so far as provisional', () => {
    // Three first contacts on day 0: resolved, resolved, not resolved. Day 0 + 8 days: all closed.
    const contacts = [
      contact('c1', DAY + 1 * HOUR, 'billing'),
      contact('c2', DAY + 2 * HOUR, 'billing'),
      contact('c3', DAY + 3 * HOUR, 'billing', { resolved: false }),
    ];
    // 2 h after the second call: only the first is answered and none is closed.
    const early = fcrReport(contacts.slice(0, 2), { ...RULE, range, now: DAY + 4 * HOUR });
    expect(early.overall).toMatchObject({
      firstContacts: 2,
      closedFirstContacts: 0,
      fcrRate: null,
      provisionalFcrResolved: 2,
      provisionalFcrRate: 1,
    });
    // Exactly W after the first contact: its window has closed, the others' have not.
    const oneClosed = fcrReport(contacts, { ...RULE, range, now: DAY + HOUR + WEEK });
    expect(oneClosed.overall).toMatchObject({
      closedFirstContacts: 1,
      fcrResolved: 1,
      fcrRate: 1,
      provisionalFcrRate: 2 / 3,
    });
    const final = fcrReport(contacts, { ...RULE, range, now: DAY + 8 * 24 * HOUR });
    expect(final.overall).toMatchObject({ closedFirstContacts: 3, fcrResolved: 2, fcrRate: 2 / 3 });
  });

  it('counts a contact without a disposition as not resolved', () => {
    const { overall } = fcrReport([contact('c1', DAY + HOUR, 'billing', { resolved: null })], {
      ...RULE,
      range,
      now: DAY + 30 * 24 * HOUR,
    });
    expect(overall).toMatchObject({ closedFirstContacts: 1, fcrResolved: 0, fcrRate: 0 });
  });

  it('rolls up by queue, agent, reason, tier and day, each contact in its own group', () => {
    const now = DAY + 30 * 24 * HOUR;
    const twoDays = { from: DAY, to: DAY + 48 * HOUR };
    const contacts = [
      contact('c1', DAY + 1 * HOUR, 'billing', { queue: 'billing', agent: 'ann', tier: 'gold' }),
      contact('c1', DAY + 26 * HOUR, 'billing', { queue: 'billing', agent: 'bob', tier: 'gold' }),
      contact('c2', DAY + 2 * HOUR, 'tech-mobile', { queue: 'support', agent: 'bob', resolved: false }),
      contact('c3', DAY + 3 * HOUR, null, {
        queue: 'support',
        agent: null,
        survey: { resolved: true, csat: 5 },
      }),
    ];
    const by = (groupBy: 'queue' | 'agent' | 'reason' | 'tier' | 'day') =>
      Object.fromEntries(
        Object.entries(
          fcrReport(contacts, {
            ...RULE,
            range: twoDays,
            now,
            groupBy,
            dayOf: (at) => (at < DAY + 24 * HOUR ? 'day-1' : 'day-2'),
          }).groups,
        ).map(([key, figures]) => [key, [figures.contacts, figures.firstContacts, figures.fcrResolved]]),
      );
    // c1's first contact is reopened by its repeat; c2 unresolved; c3 resolved with no repeat.
    expect(by('queue')).toEqual({ billing: [2, 1, 0], support: [2, 2, 1] });
    expect(by('agent')).toEqual({ '(unknown)': [1, 1, 1], ann: [1, 1, 0], bob: [2, 1, 0] });
    expect(by('reason')).toEqual({ '(unknown)': [1, 1, 1], billing: [2, 1, 0], 'tech-mobile': [1, 1, 0] });
    expect(by('tier')).toEqual({ gold: [2, 1, 0], standard: [2, 2, 1] });
    expect(by('day')).toEqual({ 'day-1': [3, 3, 1], 'day-2': [1, 0, 0] });
  });

  it('reports customer-reported FCR, CSAT and NPS from the survey answers', () => {
    const contacts = [
      contact('c1', DAY + HOUR, 'billing', { survey: { csat: 5, resolved: true, nps: 10 } }),
      contact('c2', DAY + HOUR, 'billing', { survey: { csat: 2, resolved: false, nps: 3 } }),
      contact('c3', DAY + HOUR, 'billing', { survey: { csat: 4, resolved: true } }),
      contact('c4', DAY + HOUR, 'billing'),
    ];
    const { overall } = fcrReport(contacts, { ...RULE, range, now: DAY + 2 * HOUR });
    expect(overall).toMatchObject({
      surveyAnswers: 3,
      surveyResolved: 2,
      customerReportedFcr: 2 / 3,
      csatAnswers: 3,
      csat: 2 / 3,
      npsAnswers: 2,
      nps: 0,
    });
  });
});

describe('open case', () => {
  it('is the case of the latest matching contact less than W ago, owned by its first contact’s agent', () => {
    const first = contact('c1', DAY, 'billing', { agent: 'ann' });
    const repeat = contact('c1', DAY + 2 * 24 * HOUR, 'billing', { agent: 'bob' });
    const other = contact('c1', DAY + 3 * 24 * HOUR, 'sales', { agent: 'cy' });
    const contacts = [first, repeat, other];
    const open = openCaseFor(contacts, 'billing', DAY + 4 * 24 * HOUR, RULE);
    expect(open?.first.agent).toBe('ann');
    expect(open?.contacts).toHaveLength(2);
    expect(openCaseFor(contacts, 'sales', DAY + 4 * 24 * HOUR, RULE)?.first.agent).toBe('cy');
    expect(openCaseFor(contacts, null, DAY + 4 * 24 * HOUR, RULE)?.first.agent).toBe('cy');
    expect(openCaseFor(contacts, 'billing', DAY + 2 * 24 * HOUR + WEEK, RULE)).toBeNull();
    expect(openCaseFor(contacts, 'billing', DAY + 2 * 24 * HOUR + WEEK - 1, RULE)?.first.agent).toBe('ann');
  });
});
