import { CustomerImportReport, CustomerPage, CustomerView } from '@hotline/contracts';
import { CallLedger, CallRecord } from '@hotline/persistence';
import { ContactProjector } from '../apps/hotline/src/crm/contact-projector';
import { PreferredAgentPolicy } from '../apps/hotline/src/routing/preferred-agent.policy';
import { SurveyPolicy } from '../apps/hotline/src/crm/survey-policy';
import { handledCall } from './crm-calls.fixture';
import { Harness, ManualClock, startHotline } from './support/hotline-harness';
import { describeMysql } from './support/test-databases';

const T0 = Date.parse('2026-11-18T02:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

/**
 * Agents are created with a routing profile (POST /api/agents), so that the routing engine knows
 * them when their dispositions end their wrap-up; other users with POST /api/users.
 */
async function createUser(hotline: Harness, admin: string, username: string, role: string): Promise<string> {
  const password = `${username}-password`;
  const response =
    role === 'agent'
      ? await hotline.http('POST', '/api/agents', {
          token: admin,
          body: {
            username,
            password,
            displayName: username,
            queues: [{ queue: 'billing' }, { queue: 'support' }],
          },
        })
      : await hotline.http('POST', '/api/users', { token: admin, body: { username, password, role } });
  if (response.status !== 201) throw new Error(`user ${username}: ${response.status} ${response.body}`);
  return response.json<{ id: string }>().id;
}

function describeCrm(db: 'sqlite' | 'mysql') {
  describe(`customers, dispositions and case ownership on ${db}`, () => {
    let hotline: Harness;
    let clock: ManualClock;
    let ledger: CallLedger;
    let supervisor: string;
    let agent: string;
    let agentId: string;
    let otherAgent: string;
    let otherAgentId: string;

    beforeAll(async () => {
      clock = new ManualClock(T0);
      hotline = await startHotline({ db, clock, suite: 'crm' });
      ledger = hotline.app.get(CallLedger);
      const admin = await hotline.login('root', 'root-password-1');
      await createUser(hotline, admin, 'sue', 'supervisor');
      agentId = await createUser(hotline, admin, 'ann', 'agent');
      otherAgentId = await createUser(hotline, admin, 'bob', 'agent');
      supervisor = await hotline.login('sue', 'sue-password');
      agent = await hotline.login('ann', 'ann-password');
      otherAgent = await hotline.login('bob', 'bob-password');
    });
    afterAll(() => hotline.close());
    beforeEach(() => clock.set(T0));

    describe('customers', () => {
      it('creates a customer whose tier follows their value, and a manual override wins', async () => {
        const created = await hotline.http('POST', '/api/customers', {
          token: supervisor,
          body: {
            phone: '+8613900000101',
            name: 'Alice Chen',
            language: 'en-US',
            value: 250000,
            notes: 'VIP',
          },
        });
        expect(created.status).toBe(201);
        const alice = created.json<CustomerView>();
        expect(alice).toMatchObject({
          tier: 'gold',
          computedTier: 'gold',
          tierOverride: null,
          value: 250000,
        });

        const overridden = await hotline.http('PATCH', `/api/customers/${alice.id}`, {
          token: supervisor,
          body: { tierOverride: 'platinum' },
        });
        expect(overridden.json<CustomerView>()).toMatchObject({ tier: 'platinum', computedTier: 'gold' });
        const cleared = await hotline.http('PATCH', `/api/customers/${alice.id}`, {
          token: supervisor,
          body: { tierOverride: null, value: 1000 },
        });
        expect(cleared.json<CustomerView>()).toMatchObject({ tier: 'standard', computedTier: 'standard' });

        // The record the call path reads (CallRecord.tier at arrival) carries the effective tier.
        await hotline.http('PATCH', `/api/customers/${alice.id}`, {
          token: supervisor,
          body: { value: 1_200_000 },
        });
        const arrival = await hotline.twilio('/twilio/voice', {
          CallSid: 'CA' + 'f'.repeat(32),
          AccountSid: 'AC' + '1'.repeat(32),
          From: '+8613900000101',
          To: '+864000000000',
          CallStatus: 'ringing',
        });
        expect(arrival.status).toBe(200);
        expect((await ledger.find('CA' + 'f'.repeat(32)))?.tier).toBe('platinum');

        const read = await hotline.http('GET', `/api/customers/${alice.id}`, { token: agent });
        expect(read.json<CustomerView>()).toMatchObject({ name: 'Alice Chen', tier: 'platinum' });
      });

      it('refuses bad fields with every problem named and stores nothing', async () => {
        const refused = await hotline.http('POST', '/api/customers', {
          token: supervisor,
          body: {
            phone: '13900000102',
            name: ' ',
            language: 'fr-FR',
            tierOverride: 'diamond',
            value: -5,
            age: 3,
          },
        });
        expect(refused.status).toBe(400);
        expect(refused.json()).toMatchObject({
          code: 'CUSTOMER.INVALID',
          details: {
            problems: [
              'phone: must be E.164, like +8613800138000',
              'name: must be 1 to 200 characters',
              'language: must be one of zh-CN, en-US',
              'tier: must be a tier of tiers.yaml or empty (got "diamond")',
              'value: must be a whole number from 0, or empty (got -5)',
              'age: is not a customer field (expected one of: phone, name, language, tierOverride, value, notes)',
            ],
          },
        });
        const missing = await hotline.http('POST', '/api/customers', { token: supervisor, body: {} });
        expect(missing.json()).toMatchObject({
          details: { problems: ['phone: is required', 'name: is required'] },
        });
        const page = await hotline.http('GET', '/api/customers?q=13900000102', { token: supervisor });
        expect(page.json<CustomerPage>().total).toBe(0);
      });

      it('refuses a number another customer has, a customer that does not exist, and agents writing', async () => {
        const body = { phone: '+8613900000103', name: 'Bob Li' };
        expect((await hotline.http('POST', '/api/customers', { token: supervisor, body })).status).toBe(201);
        const taken = await hotline.http('POST', '/api/customers', { token: supervisor, body });
        expect([taken.status, taken.json().code]).toEqual([409, 'CUSTOMER.PHONE_TAKEN']);
        const missing = await hotline.http('PATCH', '/api/customers/nobody', {
          token: supervisor,
          body: { name: 'X' },
        });
        expect([missing.status, missing.json().code]).toEqual([404, 'CUSTOMER.NOT_FOUND']);
        const byAgent = await hotline.http('POST', '/api/customers', {
          token: agent,
          body: { ...body, phone: '+86139' },
        });
        expect([byAgent.status, byAgent.json().code]).toEqual([403, 'AUTH.FORBIDDEN']);
      });

      it('searches by name or number and tier, a page at a time', async () => {
        await hotline.http('POST', '/api/customers', {
          token: supervisor,
          body: { phone: '+8613900000104', name: 'Carol Chen', value: 300000 },
        });
        const chens = await hotline.http('GET', '/api/customers?q=chen&tier=gold', { token: agent });
        expect(chens.json<CustomerPage>().items.map((c) => c.name)).toEqual(['Carol Chen']);
        const bad = await hotline.http('GET', '/api/customers?limit=5000', { token: agent });
        expect([bad.status, bad.json().code]).toEqual([400, 'CUSTOMER.BAD_SEARCH']);
      });
    });

    describe('CSV import', () => {
      const csv = [
        'phone,name,language,tier,value,notes',
        '+8613900000201,Dan Wu,zh-CN,,60000,"likes ""quiet"" calls, mornings"',
        '8613900000202,Eve,zh-CN,,,',
        '+8613900000203,Fay,xx-XX,diamond,12.5,',
        '+8613900000201,Dan again,,,,',
        '+8613900000204,Gus',
        '+8613900000205,"Hal, Jr.",en-US,gold,,',
        '',
      ].join('\r\n');

      it('applies nothing from a file with bad rows and names every bad row with its line and reason', async () => {
        const empty = await importCsv('');
        expect([empty.status, empty.json().code]).toEqual([400, 'CUSTOMER_IMPORT.BAD_FILE']);
        const refused = await importCsv(csv);
        expect(refused.status).toBe(422);
        expect(refused.json()).toMatchObject({
          code: 'CUSTOMER_IMPORT.INVALID_ROWS',
          details: {
            mode: 'all-or-nothing',
            rows: 6,
            created: 0,
            updated: 0,
            rejected: [
              { line: 3, reason: 'phone: must be E.164, like +8613800138000' },
              {
                line: 4,
                reason:
                  'language: must be one of zh-CN, en-US; tier: must be a tier of tiers.yaml or empty (got "diamond"); ' +
                  'value: must be a whole number from 0, or empty (got "12.5")',
              },
              { line: 5, reason: 'phone: +8613900000201 is already on line 2' },
              { line: 6, reason: 'has 2 fields; the header has 6' },
            ],
          },
        });
        const found = await hotline.http('GET', '/api/customers?q=86139000002', { token: supervisor });
        expect(found.json<CustomerPage>().total).toBe(0);
      });

      it('applies only the good rows in good-rows mode, as JSON {csv} too, updating customers it knows', async () => {
        const response = await hotline.http('POST', '/api/customers/import?mode=good-rows', {
          token: supervisor,
          body: { csv },
        });
        expect(response.status).toBe(200);
        const report = response.json<CustomerImportReport>();
        expect([report.created, report.updated, report.rejected.map((r) => r.line)]).toEqual([
          2,
          0,
          [3, 4, 5, 6],
        ]);
        const found = await hotline.http('GET', '/api/customers?q=86139000002', { token: supervisor });
        expect(found.json<CustomerPage>().items.map((c) => [c.name, c.tier, c.notes])).toEqual([
          ['Dan Wu', 'silver', 'likes "quiet" calls, mornings'],
          ['Hal, Jr.', 'gold', ''],
        ]);
        const again = await importCsv('phone,name,value\n+8613900000201,Dan Wu,250000\n');
        expect(again.json<CustomerImportReport>()).toMatchObject({ created: 0, updated: 1, rejected: [] });
        const dan = (
          await hotline.http('GET', '/api/customers?q=Dan', { token: supervisor })
        ).json<CustomerPage>();
        expect(dan.items[0]).toMatchObject({
          tier: 'gold',
          language: 'zh-CN',
          notes: 'likes "quiet" calls, mornings',
        });
      });

      it('refuses a file it cannot read, naming the line', async () => {
        const unclosed = await importCsv('phone,name\n+8613900000301,"Ivy\n');
        expect([unclosed.status, unclosed.json()]).toEqual([
          400,
          expect.objectContaining({
            code: 'CUSTOMER_IMPORT.BAD_FILE',
            details: { line: 2, reason: 'a quoted field is not closed' },
          }),
        ]);
        const header = await importCsv('phone,nom\n');
        expect(header.json()).toMatchObject({ details: { line: 1 } });
        expect(header.json<{ message: string }>().message).toContain('unknown column "nom"');
      });

      async function importCsv(text: string) {
        return hotline.app
          .getHttpAdapter()
          .getInstance()
          .inject({
            method: 'POST',
            url: '/api/customers/import',
            headers: { authorization: `Bearer ${supervisor}`, 'content-type': 'text/csv' },
            payload: text,
          })
          .then((response) => ({
            status: response.statusCode,
            json: <T = Record<string, unknown>>() => JSON.parse(response.body) as T,
          }));
      }
    });

    describe('dispositions', () => {
      it('stores the handling agent’s disposition once, refuses another agent’s and a second one', async () => {
        const callSid = await handledCall(ledger, {
          from: '+8613900000401',
          queue: 'billing',
          reason: 'billing',
          agent: agentId,
          at: T0,
        });
        const body = {
          resolved: true,
          reason: 'refund',
          notes: 'refunded the double charge',
          followUp: false,
        };
        const foreign = await hotline.http('POST', `/api/calls/${callSid}/disposition`, {
          token: otherAgent,
          body,
        });
        expect([foreign.status, foreign.json().code]).toEqual([403, 'DISPOSITION.NOT_YOUR_CALL']);
        expect((await ledger.events(callSid)).some((e) => e.type === 'call.disposition')).toBe(false);

        const invalid = await hotline.http('POST', `/api/calls/${callSid}/disposition`, {
          token: agent,
          body: { resolved: 'yes', reason: 'Bad Reason' },
        });
        expect([invalid.status, invalid.json().code]).toEqual([400, 'DISPOSITION.INVALID']);

        const heard: string[] = [];
        ledger.onAppended((event) => heard.push(event.type));
        const stored = await hotline.http('POST', `/api/calls/${callSid}/disposition`, {
          token: agent,
          body,
        });
        expect(stored.status).toBe(201);
        expect(heard).toContain('call.disposition');
        const events = await ledger.events(callSid);
        expect(events.find((e) => e.type === 'call.disposition')?.data).toEqual({ agent: agentId, ...body });
        expect((await ledger.find(callSid))?.reason).toBe('refund');

        const second = await hotline.http('POST', `/api/calls/${callSid}/disposition`, {
          token: agent,
          body,
        });
        expect([second.status, second.json().code]).toEqual([409, 'DISPOSITION.ALREADY_RECORDED']);
        const unknown = await hotline.http('POST', `/api/calls/CA${'0'.repeat(32)}/disposition`, {
          token: agent,
          body,
        });
        expect(unknown.status).toBe(404);
      });
    });

    describe('case ownership and the screen pop', () => {
      it('prefers the owner of an open case inside the window, and nobody after it', async () => {
        const from = '+8613900000501';
        const first = await handledCall(ledger, {
          from,
          queue: 'support',
          reason: 'tech-mobile',
          agent: agentId,
          at: T0,
        });
        await hotline.http('POST', `/api/calls/${first}/disposition`, {
          token: agent,
          body: { resolved: true, notes: 'reset the APN' },
        });
        clock.set(T0 + 2 * DAY);
        const repeat = await handledCall(ledger, {
          from,
          queue: 'support',
          reason: 'tech-mobile',
          agent: otherAgentId,
          at: T0 + 2 * DAY,
        });
        await hotline.app.get(ContactProjector).idle();

        const policy = hotline.app.get(PreferredAgentPolicy);
        const caller = (reason: string | null): CallRecord => ({
          callSid: 'CA' + 'e'.repeat(32),
          accountSid: 'AC' + '1'.repeat(32),
          direction: 'inbound',
          from,
          to: '+864000000000',
          customerId: null,
          language: 'en-US',
          tier: 'standard',
          ivrPath: [],
          queue: 'support',
          reason,
          agent: null,
          status: 'in-progress',
          statusSeq: -1,
          outcome: 'in-progress',
          receivedAt: 0,
          queuedAt: null,
          answeredAt: null,
          endedAt: null,
        });
        // The case opened by `first` (ann) was reopened by `repeat`: ann owns it for 7 days after the repeat.
        const lastInWindow = T0 + 2 * DAY + 40_000 + 7 * DAY - 1;
        expect(await policy.preferredAgentFor(caller('tech-mobile'), T0 + 3 * DAY)).toEqual({
          agentId,
          until: T0 + 3 * DAY + 60_000,
        });
        expect((await policy.preferredAgentFor(caller('tech-mobile'), lastInWindow))?.agentId).toBe(agentId);
        expect(await policy.preferredAgentFor(caller('tech-mobile'), lastInWindow + 1)).toBeNull();
        expect(await policy.preferredAgentFor(caller('billing'), T0 + 3 * DAY)).toBeNull();

        clock.set(T0 + 3 * DAY);
        const mine = await hotline.http('GET', `/api/calls/${repeat}/profile`, { token: otherAgent });
        expect(mine.json()).toMatchObject({
          tier: 'standard',
          reason: 'tech-mobile',
          lastContacts: [
            { callSid: first, agent: agentId, reason: 'tech-mobile', resolved: true, notes: 'reset the APN' },
          ],
          openCase: { owner: agentId, reason: 'tech-mobile', contacts: 1 },
        });
        const notMine = await hotline.http('GET', `/api/calls/${repeat}/profile`, { token: agent });
        expect([notMine.status, notMine.json().code]).toEqual([403, 'CALL.NOT_YOURS']);
        expect(
          (await hotline.http('GET', `/api/calls/${repeat}/profile`, { token: supervisor })).status,
        ).toBe(200);
      });

      it('offers the survey URL for queues that have a survey only', () => {
        const surveys = hotline.app.get(SurveyPolicy);
        const call = { queue: 'billing' } as CallRecord;
        expect(surveys.surveyUrlFor(call)).toBe('https://hotline.example.com/twilio/survey');
        expect(surveys.surveyUrlFor({ ...call, queue: 'sales' })).toBeNull();
        expect(surveys.surveyUrlFor({ ...call, queue: null })).toBeNull();
      });
    });
  });
}

describeCrm('sqlite');
describeMysql('on MySQL/MariaDB', () => describeCrm('mysql'));
