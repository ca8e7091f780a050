import { FcrReportView, TierReportView } from '@hotline/contracts';
import { CallLedger } from '@hotline/persistence';
import { handledCall, nextCallSid, ScriptedContact } from './crm-calls.fixture';
import { Harness, ManualClock, startHotline, TEST_ACCOUNT_SID } from './support/hotline-harness';
import { describeMysql } from './support/test-databases';

/** Wednesday 2026-11-18, 10:00 in Shanghai (the report's time zone, config/crm.yaml). */
const T0 = Date.parse('2026-11-18T02:00:00Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** 2026-11-18 in Shanghai. */
const REPORT_DAY = { from: Date.parse('2026-11-17T16:00:00Z'), to: Date.parse('2026-11-18T16:00:00Z') };

function phone(n: number): string {
  return `+86139000006${String(n).padStart(2, '0')}`;
}

function describeFcr(db: 'sqlite' | 'mysql') {
  describe(`FCR, survey and tier reports on ${db}`, () => {
    let hotline: Harness;
    let clock: ManualClock;
    let ledger: CallLedger;
    let supervisor: string;
    const agents: Record<'ann' | 'bob', { id: string; token: string }> = {
      ann: { id: '', token: '' },
      bob: { id: '', token: '' },
    };
    const calls: Record<string, string> = {};

    async function contact(name: string, agent: 'ann' | 'bob', script: Omit<ScriptedContact, 'agent'>) {
      calls[name] = await handledCall(ledger, { ...script, agent: agents[agent].id });
    }

    async function dispose(name: string, agent: 'ann' | 'bob', resolved: boolean): Promise<void> {
      const response = await hotline.http('POST', `/api/calls/${calls[name]}/disposition`, {
        token: agents[agent].token,
        body: { resolved },
      });
      expect(response.status).toBe(201);
    }

    async function survey(name: string, answers: [string, string][]): Promise<string[]> {
      const form = { CallSid: calls[name], AccountSid: TEST_ACCOUNT_SID, CallStatus: 'in-progress' };
      const replies = [(await hotline.twilio('/twilio/survey', form)).body];
      for (const [query, digits] of answers) {
        const reply = await hotline.twilio(`/twilio/survey?${query}`, { ...form, Digits: digits });
        expect(reply.status).toBe(200);
        replies.push(reply.body);
      }
      return replies;
    }

    async function report<T>(path: string): Promise<T> {
      const response = await hotline.http('GET', path, { token: supervisor });
      expect(response.status).toBe(200);
      return response.json<T>();
    }

    const fcrPath = (query = '') => `/api/reports/fcr?from=${REPORT_DAY.from}&to=${REPORT_DAY.to}${query}`;

    beforeAll(async () => {
      clock = new ManualClock(T0);
      hotline = await startHotline({ db, clock, suite: 'fcr' });
      ledger = hotline.app.get(CallLedger);
      const admin = await hotline.login('root', 'root-password-1');
      await hotline.http('POST', '/api/users', {
        token: admin,
        body: { username: 'sue', password: 'sue-password', role: 'supervisor' },
      });
      supervisor = await hotline.login('sue', 'sue-password');
      for (const name of ['ann', 'bob'] as const) {
        const created = await hotline.http('POST', '/api/agents', {
          token: admin,
          body: {
            username: name,
            password: `${name}-password`,
            displayName: name,
            queues: ['billing', 'support', 'general', 'sales'].map((queue) => ({ queue })),
          },
        });
        agents[name] = {
          id: created.json<{ id: string }>().id,
          token: await hotline.login(name, `${name}-password`),
        };
      }

      // The scripted day, 2026-11-18 (W = 7 days):
      //   c1 gold  billing  billing       ann  resolved   — repeated on day 3 (billing): not FCR
      //   c2       support  tech-mobile   ann  resolved   — FCR
      //   c3       support  tech-internet bob  unresolved — not FCR, and repeated at 16:00
      //   c4       general  ivr-no-choice bob  resolved   — unknown reason, repeated on day 2 (sales): not FCR
      //   c5       billing  billing       ann  resolved   — a sales call on day 1 is another issue: FCR
      //   c2b      support  tech-internet bob  resolved   — c2 again about another issue: FCR
      //   c3b      support  tech-internet ann  resolved   — a repeat of c3
      //   one caller abandons general after 40 s.
      await contact('c1', 'ann', {
        from: phone(1),
        tier: 'gold',
        queue: 'billing',
        reason: 'billing',
        at: T0,
      });
      await contact('c2', 'ann', { from: phone(2), queue: 'support', reason: 'tech-mobile', at: T0 + HOUR });
      await contact('c3', 'bob', {
        from: phone(3),
        queue: 'support',
        reason: 'tech-internet',
        at: T0 + 2 * HOUR,
      });
      await contact('c4', 'bob', {
        from: phone(4),
        queue: 'general',
        reason: 'ivr-no-choice',
        at: T0 + 3 * HOUR,
      });
      await contact('c5', 'ann', { from: phone(5), queue: 'billing', reason: 'billing', at: T0 + 4 * HOUR });
      await contact('c2b', 'bob', {
        from: phone(2),
        queue: 'support',
        reason: 'tech-internet',
        at: T0 + 5 * HOUR,
      });
      await contact('c3b', 'ann', {
        from: phone(3),
        queue: 'support',
        reason: 'tech-internet',
        at: T0 + 6 * HOUR,
      });
      for (const [name, agent, resolved] of [
        ['c1', 'ann', true],
        ['c2', 'ann', true],
        ['c3', 'bob', false],
        ['c4', 'bob', true],
        ['c5', 'ann', true],
        ['c2b', 'bob', true],
        ['c3b', 'ann', true],
      ] as const) {
        await dispose(name, agent, resolved);
      }
      const abandoned = nextCallSid();
      await ledger.open(
        {
          ...(await ledger.find(calls.c1))!,
          callSid: abandoned,
          from: phone(9),
          tier: 'standard',
          queue: null,
          reason: null,
          agent: null,
          outcome: 'in-progress',
          receivedAt: T0 + 7 * HOUR,
          answeredAt: null,
        },
        {
          type: 'call.received',
          at: T0 + 7 * HOUR,
          key: 'received',
          data: {
            from: phone(9),
            to: '+864000000000',
            customerId: null,
            tier: 'standard',
            language: 'en-US',
          },
        },
      );
      await ledger.record(abandoned, {
        type: 'queue.entered',
        at: T0 + 7 * HOUR,
        key: 'queue-entered',
        data: { queue: 'general', tier: 'standard', reason: 'general-enquiry', headStartSeconds: 0 },
      });
      await ledger.record(abandoned, {
        type: 'queue.abandoned',
        at: T0 + 7 * HOUR + 40_000,
        key: 'queue-exit',
        data: { queue: 'general', waitSeconds: 40 },
      });
    });
    afterAll(() => hotline.close());

    it('reports provisional FCR while windows are open, labelled as such', async () => {
      clock.set(T0 + 12 * HOUR);
      const { overall } = await report<FcrReportView>(fcrPath());
      // First contacts c1 c2 c3 c4 c5 c2b; resolved and not repeated so far: all but c3.
      expect(overall).toMatchObject({
        contacts: 7,
        repeatContacts: 1,
        firstContacts: 6,
        closedFirstContacts: 0,
        fcrRate: null,
        provisionalFcrResolved: 5,
        provisionalFcrRate: 5 / 6,
      });
    });

    it('stores survey answers step by step in the caller’s language and only for queues with a survey', async () => {
      clock.set(T0 + 12 * HOUR);
      const c2 = await survey('c2', [
        ['step=csat&attempt=1', '5'],
        ['step=resolved&attempt=1', '1'],
        ['step=nps&attempt=1', '10'],
      ]);
      expect(c2[0]).toContain('How satisfied were you');
      expect(c2[0]).toContain('action="https://hotline.example.com/twilio/survey?step=csat&amp;attempt=1"');
      expect(c2[1]).toContain('Was your issue resolved?');
      expect(c2[2]).toContain('numDigits="2"');
      expect(c2[3]).toContain('Thank you for your feedback');
      expect(c2[3]).toContain('<Hangup/>');

      const c5 = await survey('c5', [
        ['step=csat&attempt=1', '9'],
        ['step=csat&attempt=2', '2'],
        ['step=resolved&attempt=1', '2'],
        ['step=nps&attempt=1', '6'],
      ]);
      expect(c5[1]).toContain('Sorry, that is not one of the options.');
      expect(c5[1]).toContain('step=csat&amp;attempt=2');
      // general asks no NPS: the survey ends after "resolved"; a retried answer records nothing twice.
      const c4 = await survey('c4', [
        ['step=csat&attempt=1', '4'],
        ['step=resolved&attempt=1', '1'],
        ['step=resolved&attempt=1', '1'],
      ]);
      expect(c4[2]).toContain('Thank you for your feedback');
      const surveyed = (await ledger.events(calls.c4)).filter((event) => event.type === 'call.survey');
      expect(surveyed.map((event) => event.data)).toEqual([{ csat: 4 }, { resolved: true }]);

      const refused = await hotline.http('POST', '/twilio/survey', {
        form: { CallSid: calls.c2, AccountSid: TEST_ACCOUNT_SID, Digits: '1' },
        headers: { 'x-twilio-signature': 'forged' },
      });
      expect([refused.status, JSON.parse(refused.body).code]).toEqual([403, 'TWILIO.BAD_SIGNATURE']);
      const badStep = await hotline.twilio('/twilio/survey?step=mood', {
        CallSid: calls.c2,
        AccountSid: TEST_ACCOUNT_SID,
        Digits: '1',
      });
      expect(badStep.status).toBe(400);
    });

    it('agrees with the hand-computed FCR of the scripted day once every window has closed', async () => {
      await contact('c4-again', 'ann', {
        from: phone(4),
        queue: 'sales',
        reason: 'new-purchase',
        at: T0 + 2 * DAY,
      });
      await contact('c1-again', 'bob', {
        from: phone(1),
        queue: 'billing',
        reason: 'billing',
        at: T0 + 3 * DAY,
      });
      await contact('c5-other', 'bob', {
        from: phone(5),
        queue: 'sales',
        reason: 'new-purchase',
        at: T0 + 1 * DAY,
      });
      clock.set(T0 + 10 * DAY);

      const final = await report<FcrReportView>(fcrPath());
      expect(final.windowSeconds).toBe(7 * 24 * 60 * 60);
      expect(final.overall).toEqual({
        contacts: 7,
        repeatContacts: 1,
        repeatContactRate: 1 / 7,
        firstContacts: 6,
        closedFirstContacts: 6,
        fcrResolved: 3,
        fcrRate: 0.5,
        provisionalFcrResolved: 3,
        provisionalFcrRate: 0.5,
        surveyAnswers: 3,
        surveyResolved: 2,
        customerReportedFcr: 2 / 3,
        csatAnswers: 3,
        csat: 2 / 3,
        npsAnswers: 2,
        nps: 0,
      });

      const byAgent = await report<FcrReportView>(fcrPath('&groupBy=agent'));
      const summary = (group: FcrReportView['groups'][string]) => [
        group.contacts,
        group.firstContacts,
        group.fcrResolved,
      ];
      expect(summary(byAgent.groups[agents.ann.id])).toEqual([4, 3, 2]);
      expect(summary(byAgent.groups[agents.bob.id])).toEqual([3, 3, 1]);
      const byReason = await report<FcrReportView>(fcrPath('&groupBy=reason'));
      expect(
        Object.fromEntries(Object.entries(byReason.groups).map(([key, group]) => [key, summary(group)])),
      ).toEqual({
        billing: [2, 2, 1],
        'ivr-no-choice': [1, 1, 0],
        'tech-internet': [3, 2, 1],
        'tech-mobile': [1, 1, 1],
      });
      const byDay = await report<FcrReportView>(fcrPath('&groupBy=day'));
      expect(Object.keys(byDay.groups)).toEqual(['2026-11-18']);

      const csv = await hotline.http('GET', fcrPath('&groupBy=queue&format=csv'), { token: supervisor });
      expect(csv.status).toBe(200);
      const lines = csv.body.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'queue,contacts,repeatContacts,repeatContactRate,firstContacts,closedFirstContacts,fcrResolved,fcrRate,' +
          'provisionalFcrResolved,provisionalFcrRate,surveyAnswers,surveyResolved,customerReportedFcr,csatAnswers,' +
          'csat,npsAnswers,nps',
      );
      expect(lines.slice(1).map((line) => line.split(',').slice(0, 8).join(','))).toEqual([
        'billing,2,0,0,2,2,1,0.5',
        'general,1,0,0,1,1,0,0',
        'support,4,1,0.25,3,3,2,0.6666666666666666',
        '(all),7,1,0.14285714285714285,6,6,3,0.5',
      ]);
    });

    it('reports service level, ASA, abandon rate and FCR per tier', async () => {
      clock.set(T0 + 10 * DAY);
      const { tiers } = await report<TierReportView>(
        `/api/reports/tiers?from=${REPORT_DAY.from}&to=${REPORT_DAY.to}`,
      );
      expect(tiers.gold).toMatchObject({
        offered: 1,
        answered: 1,
        abandoned: 0,
        serviceLevel: 1,
        asaSeconds: 10,
        abandonRate: 0,
        fcr: { contacts: 1, firstContacts: 1, fcrResolved: 0, fcrRate: 0 },
      });
      // 6 answered within every queue's threshold, 1 abandoned after 40 s: F4 = 6 / 7.
      expect(tiers.standard).toMatchObject({
        offered: 7,
        answered: 6,
        abandoned: 1,
        serviceLevel: 6 / 7,
        asaSeconds: 10,
        abandonRate: 1 / 7,
        fcr: { contacts: 6, firstContacts: 5, fcrResolved: 3, fcrRate: 3 / 5 },
      });
      expect(tiers.platinum).toMatchObject({
        offered: 0,
        serviceLevel: null,
        fcr: { contacts: 0, fcrRate: null },
      });
    });

    it('refuses a bad period, grouping or format with a stable code', async () => {
      const codes = async (path: string) => {
        const response = await hotline.http('GET', path, { token: supervisor });
        return [response.status, response.json().code];
      };
      expect(await codes('/api/reports/fcr?from=x&to=1')).toEqual([400, 'REPORT.BAD_RANGE']);
      expect(await codes(`/api/reports/fcr?from=${REPORT_DAY.to}&to=${REPORT_DAY.from}`)).toEqual([
        400,
        'REPORT.BAD_RANGE',
      ]);
      expect(await codes(`/api/reports/tiers?from=${REPORT_DAY.from + 1}&to=${REPORT_DAY.to}`)).toEqual([
        400,
        'REPORT.BAD_RANGE',
      ]);
      expect(await codes(fcrPath('&groupBy=weather'))).toEqual([400, 'REPORT.BAD_GROUPING']);
      expect(await codes(fcrPath('&format=xml'))).toEqual([400, 'REPORT.BAD_FORMAT']);
      const byAgent = await hotline.http('GET', fcrPath(), { token: agents.ann.token });
      expect(byAgent.status).toBe(403);
    });
  });
}

describeFcr('sqlite');
describeMysql('on MySQL/MariaDB', () => describeFcr('mysql'));
