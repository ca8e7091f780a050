import { AgentDirectory, CallLedger } from '@hotline/persistence';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sandbox, startSandbox } from '../apps/twilio-sim/src/sandbox/sandbox-launcher';
import { wantsSandbox } from '../apps/twilio-sim/src/sandbox/sandbox-options';
import { HotlineClient } from '../apps/twilio-sim/src/simulation/hotline-client';
import { eventually } from './support/eventually';

describe('the sandbox of npm start', () => {
  let dir: string;
  let sandbox: Sandbox;
  const startedAt = Date.now();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-sandbox-'));
    sandbox = await startSandbox({
      PORT: '0',
      SANDBOX_SIM_PORT: '0',
      DATABASE_URL: `sqlite:${join(dir, 'hotline.db')}`,
      LOG_LEVEL: 'silent',
      SANDBOX_TIME_SCALE: '0.02',
      SANDBOX_CALLS_PER_MINUTE: '120',
      SANDBOX_AGENTS: '2',
      SANDBOX_PATIENCE: '600',
      SANDBOX_SEED: '5',
    });
  });
  afterAll(async () => {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs unless SANDBOX is off or a Twilio account is configured', () => {
    expect(wantsSandbox({})).toBe(true);
    expect(wantsSandbox({ SANDBOX: 'off' })).toBe(false);
    expect(wantsSandbox({ TWILIO_ACCOUNT_SID: 'AC' + '1'.repeat(32) })).toBe(false);
  });

  it('answers simulated calls by simulated agents within a minute, as Hotline’s own log shows', async () => {
    const ledger = sandbox.center.hotline.get(CallLedger);
    const answered = await eventually(
      async () => {
        const events = await ledger.eventsBetween(startedAt, Date.now() + 1);
        const found = events.filter((e) => e.type === 'queue.answered' || e.type === 'call.disposition');
        expect(found.map((e) => e.type)).toEqual(
          expect.arrayContaining(['queue.answered', 'call.disposition']),
        );
        return found;
      },
      60_000,
      250,
    );
    const directory = sandbox.center.hotline.get(AgentDirectory);
    const agentNames = await Promise.all(
      answered.map(async (e) => (await directory.findById((e.data as { agent: string }).agent))!.identity),
    );
    // agent1… are left for people in the browser.
    expect(agentNames.every((name) => /^sim_agent_[12]$/.test(name))).toBe(true);
    expect(sandbox.placed).toBeGreaterThan(0);
  }, 70_000);

  it('tells the person what to open, and gives agent1’s page the softphone bridge, open to Hotline’s origin', async () => {
    const { hotlineUrl, standInUrl } = sandbox.center;
    const site = hotlineUrl.replace('127.0.0.1', 'localhost');
    expect(sandbox.banner()).toContain(`${site}/wallboard`);
    expect(sandbox.banner()).toContain(`${site}/agent`);
    expect(sandbox.banner()).toContain(`${site}/api/docs`);

    const agent1 = await HotlineClient.signIn(hotlineUrl, 'agent1', 'agent-demo');
    const token = await agent1.request<{ sandbox: boolean; softphoneUrl?: string }>(
      'GET',
      '/api/agents/me/voice-token',
    );
    expect(token).toMatchObject({ sandbox: true, softphoneUrl: standInUrl });
    const handshake = await fetch(`${standInUrl}/sim/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: site },
    });
    expect(handshake.status).toBe(200);
    expect(handshake.headers.get('access-control-allow-origin')).toBe(site);
  });
});
