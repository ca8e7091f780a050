import { AgentDirectory } from '@hotline/persistence';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './support/eventually';
import { Harness, startHotline, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from './support/hotline-harness';
import { RecordingTwilioApi, startRecordingTwilioApi } from './support/recording-twilio-api';

const CUSTOMER = '+8613555550001';

describe('a repeat caller goes first to the agent who owns their case', () => {
  let fake: RecordingTwilioApi;
  let hotline: Harness;
  let configDir: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let sequence = 0;

  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'hotline-ownership-'));
    cpSync(join(__dirname, '..', 'config'), configDir, { recursive: true });
    writeFileSync(
      join(configDir, 'crm.yaml'),
      'fcr:\n  windowDays: 7\ncaseOwnership:\n  preferOwnerSeconds: 2\n',
    );
    fake = await startRecordingTwilioApi({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    fake.addQueue('billing');
    hotline = await startHotline({
      env: { TWILIO_API_BASE_URL: fake.url, SANDBOX: 'on', CONFIG_DIR: configDir },
    });
    for (const name of ['agent1', 'agent2']) {
      tokens[name] = await hotline.login(name, 'agent-demo');
      ids[name] = (await hotline.app.get(AgentDirectory).findByIdentity(name))!.id;
    }
  });
  afterAll(async () => {
    await hotline.close();
    await fake.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  const setState = (agent: string, state: string, reason?: string) =>
    hotline.http('POST', '/api/agents/me/state', { token: tokens[agent], body: { state, reason } });
  const offersTo = () =>
    fake.requests
      .filter((r) => r.path.endsWith('/Participants.json'))
      .map((r) => r.params.To.replace('client:', ''));
  const params = (sid: string, extra: Record<string, string> = {}) => ({
    CallSid: sid,
    AccountSid: TEST_ACCOUNT_SID,
    From: CUSTOMER,
    To: '+864000000000',
    CallStatus: 'in-progress',
    ...extra,
  });

  async function billingCaller(): Promise<string> {
    sequence += 1;
    const sid = 'CA' + (0xca5e00 + sequence).toString(16).padStart(32, '0');
    const voice = await hotline.twilio('/twilio/voice', params(sid, { CallStatus: 'ringing' }));
    const step = (body: string) =>
      /action="https:\/\/hotline\.example\.com([^"]+)"/.exec(body)![1].replace(/&amp;/g, '&');
    const menu = await hotline.twilio(step(voice.body), { ...params(sid), Digits: '2' });
    await hotline.twilio(step(menu.body), { ...params(sid), Digits: '1' });
    await hotline.twilio('/twilio/queue/wait?lang=en-US', { ...params(sid), QueuePosition: '1' });
    return sid;
  }

  const leg = (caller: string, agent: string, status: string) =>
    hotline.twilio(`/twilio/participant?caller=${caller}&agent=${ids[agent]}`, {
      CallSid: 'CA' + 'b'.repeat(32),
      AccountSid: TEST_ACCOUNT_SID,
      CallStatus: status,
    });

  it('offers the repeat to the owner over a longer-idle agent, and to anyone once the owner has been busy too long', async () => {
    await setState('agent2', 'available');
    const first = await billingCaller();
    await eventually(() => expect(offersTo()).toEqual(['agent2']));
    await leg(first, 'agent2', 'in-progress');
    await eventually(async () =>
      expect((await hotline.http('GET', '/api/agents/me', { token: tokens.agent2 })).json()).toMatchObject({
        state: 'on-call',
      }),
    );
    // agent1 starts waiting for calls now, so by the repeat call they have been idle the longest.
    await setState('agent1', 'available');
    await leg(first, 'agent2', 'completed');
    const disposition = await hotline.http('POST', `/api/calls/${first}/disposition`, {
      token: tokens.agent2,
      body: { resolved: true, reason: 'billing', notes: 'refunded', followUp: false },
    });
    expect(disposition.status).toBe(201);
    await hotline.twilio('/twilio/status', {
      ...params(first),
      CallStatus: 'completed',
      SequenceNumber: '3',
    });
    await eventually(async () =>
      expect((await hotline.http('GET', '/api/agents/me', { token: tokens.agent2 })).json()).toMatchObject({
        state: 'available',
      }),
    );

    // agent1 has been idle longest, yet the repeat caller rings the owner of their case first.
    fake.reset();
    const repeat = await billingCaller();
    await eventually(() => expect(offersTo()).toEqual(['agent2']));
    await leg(repeat, 'agent2', 'in-progress');

    // The owner is now busy: a third call waits for them, then goes to agent1 after 2 s.
    fake.reset();
    const third = await billingCaller();
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(offersTo()).toEqual([]);
    await eventually(() => expect(offersTo()).toEqual(['agent1']), 5000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    for (const sid of [repeat, third]) {
      await hotline.twilio('/twilio/status', {
        ...params(sid),
        CallStatus: 'completed',
        SequenceNumber: '9',
      });
    }
  });
});
