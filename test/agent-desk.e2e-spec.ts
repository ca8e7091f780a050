import { AgentDeskSettingsView, AgentTodayView } from '@hotline/contracts';
import { AgentDirectory, CallLedger } from '@hotline/persistence';
import { handledCall } from './crm-calls.fixture';
import { Harness, ManualClock, startHotline } from './support/hotline-harness';

/** 10:00 in Shanghai, the contact center's zone (config/ivr/main.yaml). */
const NOW = Date.parse('2026-03-10T10:00:00+08:00');
const HOUR = 3600_000;

describe('the agent desktop’s REST: settings and figures for today', () => {
  let hotline: Harness;
  let clock: ManualClock;
  let agent1: string;
  let agent1Id: string;
  let agent2Id: string;

  beforeAll(async () => {
    clock = new ManualClock(NOW);
    hotline = await startHotline({ env: { SANDBOX: 'on' }, clock, suite: 'desk' });
    agent1 = await hotline.login('agent1', 'agent-demo');
    const directory = hotline.app.get(AgentDirectory);
    agent1Id = (await directory.findByIdentity('agent1'))!.id;
    agent2Id = (await directory.findByIdentity('agent2'))!.id;
  });
  afterAll(() => hotline.close());

  it('gives an agent the away reasons and the wrap-up time of each queue they serve', async () => {
    const response = await hotline.http('GET', '/api/agents/me/settings', { token: agent1 });
    expect(response.status).toBe(200);
    expect(response.json<AgentDeskSettingsView>()).toEqual({
      awayReasons: ['break', 'lunch', 'meeting', 'training', 'coaching', 'after-call-work'],
      wrapUpSeconds: { general: 30, billing: 45, support: 60, sales: 30 },
    });
  });

  it('keeps the desktop’s REST to agents', async () => {
    const supervisor = await hotline.login('supervisor', 'supervisor-demo');
    for (const path of ['/api/agents/me/settings', '/api/agents/me/today']) {
      expect((await hotline.http('GET', path, { token: supervisor })).status).toBe(403);
      expect((await hotline.http('GET', path)).status).toBe(401);
    }
  });

  it('counts the agent’s own offers, missed offers, handled calls, AHT and provisional FCR since local midnight', async () => {
    const ledger = hotline.app.get(CallLedger);
    let callers = 0;
    const handle = async (agent: string, at: number, talkSeconds: number, wrapSeconds: number) => {
      callers += 1;
      const callSid = await handledCall(ledger, {
        // A caller each: a second call of the same caller would be a repeat contact, not a first.
        from: `+861380000000${callers}`,
        queue: 'billing',
        reason: 'billing',
        agent,
        at,
      });
      const answeredAt = at + 40_000;
      await ledger.record(callSid, {
        type: 'queue.offered',
        at: answeredAt - 5_000,
        key: `offered:${agent}`,
        data: { queue: 'billing', agent, ringSeconds: 20 },
      });
      await ledger.record(callSid, {
        type: 'call.wrapup-started',
        at: answeredAt + talkSeconds * 1000,
        key: 'wrapup-started',
        data: { agent, talkSeconds, holdSeconds: 10 },
      });
      await ledger.record(callSid, {
        type: 'call.wrapup-ended',
        at: answeredAt + (talkSeconds + wrapSeconds) * 1000,
        key: 'wrapup-ended',
        data: { agent, wrapSeconds },
      });
      return callSid;
    };
    // Yesterday's call and another agent's do not count.
    await handle(agent1Id, NOW - 12 * HOUR, 500, 50);
    await handle(agent2Id, NOW - 2 * HOUR, 500, 50);
    const resolved = await handle(agent1Id, NOW - 2 * HOUR, 100, 30);
    const unresolved = await handle(agent1Id, NOW - HOUR, 200, 30);
    await ledger.record(unresolved, {
      type: 'queue.offer-missed',
      at: NOW - HOUR + 30_000,
      key: 'missed',
      data: { queue: 'billing', agent: agent1Id, reason: 'declined' },
    });
    for (const [callSid, isResolved] of [
      [resolved, true],
      [unresolved, false],
    ] as const) {
      const disposed = await hotline.http('POST', `/api/calls/${callSid}/disposition`, {
        token: agent1,
        body: { resolved: isResolved, notes: '' },
      });
      expect(disposed.status).toBe(201);
    }

    const response = await hotline.http('GET', '/api/agents/me/today', { token: agent1 });
    expect(response.status).toBe(200);
    expect(response.json<AgentTodayView>()).toEqual({
      from: Date.parse('2026-03-10T00:00:00+08:00'),
      to: Date.parse('2026-03-11T00:00:00+08:00'),
      at: NOW,
      offers: 2,
      missedOffers: 1,
      handled: 2,
      // (100 + 10 + 30 + 200 + 10 + 30) / 2
      ahtSeconds: 190,
      firstContacts: 2,
      provisionalFcrResolved: 1,
      provisionalFcrRate: 0.5,
    });
  });
});
