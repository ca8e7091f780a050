import {
  AgentDirectory,
  AgentLog,
  CallLedger,
  CustomerDirectory,
  RoutingJournal,
} from '@hotline/persistence';
import { RoutingHost } from '../apps/hotline/src/routing/routing-host';
import { eventually } from './support/eventually';
import { Harness, PUBLIC_BASE_URL, startHotline, TEST_ACCOUNT_SID } from './support/hotline-harness';
import { RecordedRequest, RecordingTwilioApi, startRecordingTwilioApi } from './support/recording-twilio-api';
import { describeMysql, TestDatabase } from './support/test-databases';
import { TEST_AUTH_TOKEN } from './support/hotline-harness';

const API = `/2010-04-01/Accounts/${TEST_ACCOUNT_SID}`;
const HOTLINE_NUMBER = '+864000000000';

let sequence = 0;
/** Calls a test started; each test ends them all, so that one failure cannot leave callers in line. */
const started: string[] = [];
const newCallSid = () => {
  const sid = 'CA' + (0xacd000 + ++sequence).toString(16).padStart(32, '0');
  started.push(sid);
  return sid;
};

function describeRouting(db: 'sqlite' | 'mysql') {
  describe(`routing callers to agents through Twilio conferences on ${db}`, () => {
    let fake: RecordingTwilioApi;
    let hotline: Harness;
    let tokens: Record<string, string>;
    let agentIds: Record<string, string>;

    const boot = async (database?: TestDatabase) => {
      hotline = await startHotline({
        db,
        suite: 'acd',
        database,
        env: { TWILIO_API_BASE_URL: fake.url, SANDBOX: 'on' },
      });
      tokens = {};
      agentIds = {};
      for (const name of ['agent1', 'agent2', 'agent3']) {
        tokens[name] = await hotline.login(name, 'agent-demo');
        agentIds[name] = (await hotline.app.get(AgentDirectory).findByIdentity(name))!.id;
      }
    };

    beforeAll(async () => {
      fake = await startRecordingTwilioApi({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
      for (const queue of ['general', 'billing', 'support', 'sales']) fake.addQueue(queue);
      await boot();
    });
    afterAll(async () => {
      await hotline.close();
      await fake.close();
    });
    beforeEach(async () => {
      for (const name of ['agent1', 'agent2', 'agent3']) await setState(name, 'away', 'break');
      fake.reset();
    });
    afterEach(async () => {
      for (const sid of started.splice(0)) {
        await hotline.twilio('/twilio/status', {
          ...params(sid),
          CallStatus: 'completed',
          SequenceNumber: '99',
        });
      }
    });

    const setState = async (agent: string, state: string, reason?: string) => {
      const response = await hotline.http('POST', '/api/agents/me/state', {
        token: tokens[agent],
        body: { state, reason },
      });
      expect(response.status).toBe(204);
    };
    const stateOf = async (agent: string) =>
      (await hotline.http('GET', '/api/agents/me', { token: tokens[agent] })).json<{
        state: string;
        callSid?: string;
      }>();
    const ledger = () => hotline.app.get(CallLedger);
    /** agent1 records the call's disposition, which ends their wrap-up. */
    const disposeAsAgent1 = async (sid: string) => {
      await ledger().record(sid, {
        type: 'call.disposition',
        at: Date.now(),
        key: 'disposition',
        data: { agent: agentIds.agent1, resolved: true, reason: 'billing', notes: '', followUp: false },
      });
      await eventually(async () => expect((await stateOf('agent1')).state).toBe('available'));
    };
    const eventTypes = async (sid: string) => (await ledger().events(sid)).map((e) => e.type);
    const params = (sid: string, extra: Record<string, string> = {}) => ({
      CallSid: sid,
      AccountSid: TEST_ACCOUNT_SID,
      // One number per call: a repeat caller would be kept for the agent who owns their case.
      From: `+86138${String(parseInt(sid.slice(-8), 16)).padStart(8, '0')}`,
      To: HOTLINE_NUMBER,
      CallStatus: 'in-progress',
      Direction: 'inbound',
      ...extra,
    });
    const participantCreates = () =>
      fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Participants.json'));

    /** A caller through the English menu into billing, in the Twilio queue (the first wait-loop request). */
    async function callerWaitingInBilling(sid: string, hears: (waitLoop: string) => void = () => undefined) {
      await callerWaitingIn('billing', sid, hears);
    }

    /** A caller through the English menu into a queue (1 billing, 3 sales), in the Twilio queue. */
    async function callerWaitingIn(
      queue: 'billing' | 'sales',
      sid: string,
      hears: (waitLoop: string) => void,
    ) {
      const voice = await hotline.twilio('/twilio/voice', params(sid, { CallStatus: 'ringing' }));
      const language = /action="https:\/\/hotline\.example\.com([^"]+)"/
        .exec(voice.body)![1]
        .replace(/&amp;/g, '&');
      const english = await hotline.twilio(language, { ...params(sid), Digits: '2' });
      const menu = /action="https:\/\/hotline\.example\.com([^"]+)"/
        .exec(english.body)![1]
        .replace(/&amp;/g, '&');
      const chosen = await hotline.twilio(menu, { ...params(sid), Digits: queue === 'billing' ? '1' : '3' });
      expect(chosen.body).toContain(`>${queue}</Enqueue>`);
      const wait = await hotline.twilio('/twilio/queue/wait?lang=en-US', {
        ...params(sid),
        QueuePosition: '1',
        QueueSid: 'QU' + '0'.repeat(32),
        QueueTime: '0',
      });
      expect(wait.status).toBe(200);
      hears(wait.body);
    }

    function offeredTo(request: RecordedRequest): string {
      return request.params.To;
    }

    it('bridges a caller to an agent, then wrap-up after the call, ended early by a disposition', async () => {
      await setState('agent1', 'available');
      const sid = newCallSid();
      await callerWaitingInBilling(sid);

      const create = await eventually(() => {
        expect(participantCreates()).toHaveLength(1);
        return participantCreates()[0];
      });
      const dequeue = fake.requests.find((r) => r.path.includes('/Members/'));
      expect(dequeue).toMatchObject({
        method: 'POST',
        path: expect.stringMatching(new RegExp(`^${API}/Queues/QU[0-9a-f]{32}/Members/${sid}\\.json$`)),
        params: { Url: `${PUBLIC_BASE_URL}/twilio/bridge?room=${sid}`, Method: 'POST' },
      });
      expect(create.path).toBe(`${API}/Conferences/${sid}/Participants.json`);
      expect(create.params).toMatchObject({
        To: 'client:agent1',
        From: HOTLINE_NUMBER,
        Label: expect.stringMatching(/^agent-agent1-\d+$/),
        Timeout: '20',
        EndConferenceOnExit: 'false',
        StatusCallback: `${PUBLIC_BASE_URL}/twilio/participant?caller=${sid}&agent=${agentIds.agent1}`,
        StatusCallbackEvent: 'initiated,ringing,answered,completed',
      });
      expect((await stateOf('agent1')).state).toBe('reserved');

      // Twilio's side of the dequeue: the Enqueue action, then the Url's TwiML puts the caller in their room.
      expect(
        (
          await hotline.twilio('/twilio/queue/left', {
            ...params(sid),
            QueueResult: 'redirected',
            QueueTime: '3',
          })
        ).body,
      ).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
      const room = await hotline.twilio(`/twilio/bridge?room=${sid}`, params(sid));
      expect(room.body).toContain(`participantLabel="customer"`);
      expect(room.body).toContain(`endConferenceOnExit="true"`);
      expect(room.body).toContain(`>${sid}</Conference>`);

      const leg = 'CA' + 'e'.repeat(32);
      const participant = (status: string) =>
        hotline.twilio(`/twilio/participant?caller=${sid}&agent=${agentIds.agent1}`, {
          CallSid: leg,
          AccountSid: TEST_ACCOUNT_SID,
          CallStatus: status,
          ConferenceSid: 'CF' + '1'.repeat(32),
        });
      expect((await participant('ringing')).status).toBe(204);
      expect((await participant('in-progress')).status).toBe(204);
      await eventually(async () => expect((await stateOf('agent1')).state).toBe('on-call'));
      await eventually(async () => {
        const call = await ledger().find(sid);
        expect(call).toMatchObject({ agent: agentIds.agent1, queue: 'billing' });
        expect(call!.answeredAt).not.toBeNull();
      });

      fake.reset();
      expect((await participant('completed')).status).toBe(204);
      await eventually(async () => expect((await stateOf('agent1')).state).toBe('wrap-up'));
      // The agent left first: billing callers stay on for the post-call survey.
      await eventually(() =>
        expect(fake.requests).toContainEqual({
          method: 'POST',
          path: `${API}/Calls/${sid}.json`,
          params: { Url: `${PUBLIC_BASE_URL}/twilio/survey`, Method: 'POST' },
        }),
      );

      await disposeAsAgent1(sid);
      await hotline.twilio('/twilio/status', {
        ...params(sid),
        CallStatus: 'completed',
        SequenceNumber: '3',
        CallDuration: '40',
      });
      await eventually(async () =>
        expect(await eventTypes(sid)).toEqual(
          expect.arrayContaining([
            'queue.entered',
            'queue.offered',
            'queue.answered',
            'call.wrapup-started',
            'call.disposition',
            'call.wrapup-ended',
            'call.completed',
          ]),
        ),
      );
      expect((await ledger().find(sid))?.outcome).toBe('answered');
      const states = (await hotline.app.get(AgentLog).between(0, Number.MAX_SAFE_INTEGER))
        .filter((e) => e.agentId === agentIds.agent1 && e.callSid === sid)
        .map((e) => e.state);
      expect(states).toEqual(['reserved', 'on-call', 'wrap-up']);
    });

    it('offers the caller to the next agent when one does not answer, keeping their place', async () => {
      await setState('agent1', 'available');
      await setState('agent2', 'available');
      const sid = newCallSid();
      await callerWaitingInBilling(sid);
      const first = await eventually(
        () => participantCreates()[0] ?? expect(participantCreates()).toHaveLength(1),
      );
      const firstAgent = offeredTo(first).replace('client:', '');
      const otherAgent = firstAgent === 'agent1' ? 'agent2' : 'agent1';
      // Twilio reports the miss twice at once (a retry, or no-answer and busy): one miss, which must
      // not count against the offer that by then rings for the other agent.
      const report = (status: string) =>
        hotline.twilio(`/twilio/participant?caller=${sid}&agent=${agentIds[firstAgent]}`, {
          CallSid: 'CA' + 'f'.repeat(32),
          AccountSid: TEST_ACCOUNT_SID,
          CallStatus: status,
        });
      await Promise.all([report('no-answer'), report('busy')]);
      const second = await eventually(() => {
        expect(participantCreates()).toHaveLength(2);
        return participantCreates()[1];
      });
      expect(offeredTo(second)).toBe(`client:${otherAgent}`);
      // The caller was already in their room: no second dequeue.
      expect(fake.requests.filter((r) => r.path.includes('/Members/'))).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await stateOf(otherAgent)).state).toBe('reserved');
      expect(participantCreates()).toHaveLength(2);
      const missed = (await ledger().events(sid)).filter((e) => e.type === 'queue.offer-missed');
      expect(missed).toHaveLength(1);
      expect(missed[0].data).toMatchObject({ queue: 'billing', agent: agentIds[firstAgent] });
      expect((await stateOf(firstAgent)).state).toBe('available');
      await hotline.twilio('/twilio/status', {
        ...params(sid),
        CallStatus: 'completed',
        SequenceNumber: '9',
      });
      await eventually(async () => expect((await stateOf(otherAgent)).state).toBe('available'));
    });

    it('keeps the caller in line when a Twilio REST call fails, and offers them again', async () => {
      await setState('agent3', 'available');
      fake.failNext(
        { method: 'POST', pathIncludes: '/Participants.json' },
        { status: 400, code: 21201, message: 'bad' },
      );
      const sid = newCallSid();
      await callerWaitingInBilling(sid);
      const missed = await eventually(async () => {
        const found = (await ledger().events(sid)).find((e) => e.type === 'queue.offer-missed');
        expect(found).toBeDefined();
        return found;
      });
      expect(missed?.data).toEqual({ queue: 'billing', agent: agentIds.agent3, reason: 'failed' });
      await setState('agent2', 'available');
      await eventually(() =>
        expect(participantCreates().map(offeredTo)).toEqual(['client:agent3', 'client:agent2']),
      );
      await hotline.twilio('/twilio/status', {
        ...params(sid),
        CallStatus: 'completed',
        SequenceNumber: '9',
      });
    });

    it('records a caller who hangs up while waiting as abandoned, and takes them out of the line', async () => {
      const sid = newCallSid();
      await callerWaitingInBilling(sid);
      await hotline.twilio('/twilio/queue/left', { ...params(sid), QueueResult: 'hangup', QueueTime: '12' });
      await hotline.twilio('/twilio/status', {
        ...params(sid),
        CallStatus: 'completed',
        SequenceNumber: '4',
      });
      expect((await ledger().find(sid))?.outcome).toBe('abandoned');
      await setState('agent1', 'available');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(participantCreates()).toEqual([]);
    });

    it('tells waiting callers their place and estimated wait, a VIP seeing fewer callers ahead', async () => {
      await hotline.app.get(CustomerDirectory).save({
        id: '00000000-0000-4000-8000-00000000acd0',
        phone: '+8613900000077',
        name: 'Grace Gold',
        tier: 'gold',
        language: 'en-US',
        createdAt: Date.now(),
        updatedAt: Date.now(),
      });
      await setState('agent1', 'available');
      await setState('agent2', 'available');
      const ringing = [newCallSid(), newCallSid()];
      for (const sid of ringing) await callerWaitingIn('sales', sid, () => undefined);
      await eventually(() => expect(participantCreates()).toHaveLength(2));

      // Both agents are ringing for someone: they serve billing but none is free.
      const standard = newCallSid();
      await callerWaitingIn('sales', standard, (body) => {
        expect(body).toContain('You are number 1 in line.');
        // No call handled in sales yet: (0 ahead + 1) × 300 s expected handle time / 2 agents
        // = 150 s → about 3 minutes.
        expect(body).toContain('Your estimated wait is about 3 minutes.');
      });

      const vip = newCallSid();
      const vipParams = params(vip, { From: '+8613900000077' });
      const voice = await hotline.twilio('/twilio/voice', { ...vipParams, CallStatus: 'ringing' });
      expect(voice.body).toContain('Welcome back, gold member.');
      const menu = /action="https:\/\/hotline\.example\.com([^"]+)"/
        .exec(voice.body)![1]
        .replace(/&amp;/g, '&');
      await hotline.twilio(menu, { ...vipParams, Digits: '3' });
      const wait = await hotline.twilio('/twilio/queue/wait?lang=en-US', {
        ...vipParams,
        QueuePosition: '2',
      });
      // Entered after the standard caller, but 60 s of head start puts the gold caller first.
      expect(wait.body).toContain('You are number 1 in line.');
      expect(wait.body).toContain('Your estimated wait is about 3 minutes.');
      const announced = (await ledger().events(vip)).find((e) => e.type === 'queue.announced');
      expect(announced?.data).toEqual({ queue: 'sales', position: 1, ewtSeconds: 150 });

      for (const sid of [...ringing, standard, vip]) {
        await hotline.twilio('/twilio/status', {
          ...params(sid),
          CallStatus: 'completed',
          SequenceNumber: '9',
        });
      }
    });

    it('journals a caller leaving only while routing still holds them', async () => {
      const hangUp = async (sid: string) => {
        await hotline.twilio('/twilio/status', {
          ...params(sid),
          CallStatus: 'completed',
          SequenceNumber: '9',
        });
        await hotline.app.get(RoutingHost).idle();
      };
      const journaled = async (sid: string) =>
        (await hotline.app.get(RoutingJournal).since(0))
          .filter((input) => JSON.stringify(input.data).includes(sid))
          .map((input) => input.kind);

      const inMenu = newCallSid();
      await hotline.twilio('/twilio/voice', params(inMenu, { CallStatus: 'ringing' }));
      await hangUp(inMenu);
      expect(await journaled(inMenu)).toEqual([]);

      const waiting = newCallSid();
      await callerWaitingInBilling(waiting);
      await hangUp(waiting);
      expect(await journaled(waiting)).toEqual(['caller-entered', 'caller-left']);
      expect(hotline.app.get(RoutingHost).position(waiting)).toBeUndefined();

      await setState('agent1', 'available');
      const talking = newCallSid();
      await callerWaitingInBilling(talking);
      await eventually(() => expect(participantCreates()).toHaveLength(1));
      const agentLeg = (status: string) =>
        hotline.twilio(`/twilio/participant?caller=${talking}&agent=${agentIds.agent1}`, {
          CallSid: 'CA' + 'f'.repeat(32),
          AccountSid: TEST_ACCOUNT_SID,
          CallStatus: status,
          ConferenceSid: 'CF' + '2'.repeat(32),
        });
      expect((await agentLeg('in-progress')).status).toBe(204);
      await eventually(async () => expect((await stateOf('agent1')).state).toBe('on-call'));
      await hangUp(talking);
      expect(await journaled(talking)).toEqual(['caller-entered', 'offer-answered']);

      // The room ends with the caller: the agent's leg completes and their wrap-up ends with a disposition.
      expect((await agentLeg('completed')).status).toBe(204);
      await eventually(async () => expect((await stateOf('agent1')).state).toBe('wrap-up'));
      await disposeAsAgent1(talking);
    });

    it('after a restart, offers a caller already in their room without taking them out of the queue again', async () => {
      await setState('agent1', 'available');
      const sid = newCallSid();
      await callerWaitingInBilling(sid);
      await eventually(() => expect(participantCreates()).toHaveLength(1));
      await hotline.twilio('/twilio/queue/left', {
        ...params(sid),
        QueueResult: 'redirected',
        QueueTime: '2',
      });
      await hotline.twilio(`/twilio/bridge?room=${sid}`, params(sid));
      expect(
        (await hotline.http('POST', '/api/agents/me/offer/decline', { token: tokens.agent1 })).status,
      ).toBe(204);
      await setState('agent1', 'away', 'break');
      const database = hotline.database;
      await hotline.close({ keepDatabase: true });
      await boot(database);
      fake.reset();
      await setState('agent2', 'available');
      await eventually(() => expect(participantCreates().map(offeredTo)).toEqual(['client:agent2']));
      expect(fake.requests.filter((r) => r.path.includes('/Members/'))).toEqual([]);
      await hotline.twilio('/twilio/status', {
        ...params(sid),
        CallStatus: 'completed',
        SequenceNumber: '9',
      });
    });

    it('rebuilds lines and agent states from the database after a restart, losing no caller', async () => {
      await setState('agent2', 'away', 'lunch');
      const sid = newCallSid();
      await callerWaitingInBilling(sid);
      const database = hotline.database;
      await hotline.close({ keepDatabase: true });
      await boot(database);
      expect(await stateOf('agent2')).toMatchObject({ state: 'away' });
      expect(participantCreates()).toEqual([]);
      await setState('agent1', 'available');
      const create = await eventually(
        () => participantCreates()[0] ?? expect(participantCreates()).toHaveLength(1),
      );
      expect(create.params.To).toBe('client:agent1');
      expect(create.path).toBe(`${API}/Conferences/${sid}/Participants.json`);
      await hotline.twilio('/twilio/status', {
        ...params(sid),
        CallStatus: 'completed',
        SequenceNumber: '9',
      });
    });
  });
}

describeRouting('sqlite');
describeMysql('on MySQL/MariaDB', () => describeRouting('mysql'));
