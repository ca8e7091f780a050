import type { MonitorQueuesResponse, QueueView } from '@hotline/contracts';
import { AgentDirectory, AgentLog, CallLedger, CustomerDirectory } from '@hotline/persistence';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { TokenService } from '../../apps/hotline/src/auth/token.service';
import { describeBrowser, launchChromium } from '../support/browser';
import { startWithStandIn, type StandInHarness } from '../support/stand-in-harness';

const ARTIFACTS = join(__dirname, '..', 'artifacts');
const AGENTS = [
  { id: 'a0000000-0000-4000-8000-000000000001', name: 'Li Wei', queues: ['billing', 'general'] },
  { id: 'a0000000-0000-4000-8000-000000000002', name: 'Wang Fang', queues: ['billing'] },
  { id: 'a0000000-0000-4000-8000-000000000003', name: 'Zhang Min', queues: ['sales', 'support'] },
  { id: 'a0000000-0000-4000-8000-000000000004', name: 'Chen Jie', queues: ['support', 'general'] },
];
const VIP_PHONE = '+8613900000777';
const AUTH_SECRET = 'wallboard-test-secret';

function pct(ratio: number | null): string {
  return ratio === null ? '–' : `${Math.round(ratio * 1000) / 10}%`;
}

/**
 * The wallboard in Chromium against a Hotline with simulated traffic: callers through the Twilio
 * stand-in (IVR → queue → hang up), a VIP among them, and, until the ACD answers calls itself,
 * answered calls and agent states appended to the ledger and the agent log as the ACD will.
 */
describeBrowser('wallboard in a browser', () => {
  let harness: StandInHarness;
  let browser: Browser;
  let page: Page;
  let traffic: Promise<void> | null = null;
  let flowing = true;
  let sequence = 0;

  async function answeredCall(
    queue: string,
    agent: string,
    waitSeconds: number,
    talkSeconds: number,
  ): Promise<void> {
    const ledger = harness.hotline.get(CallLedger);
    sequence += 1;
    const callSid = 'CA' + sequence.toString(16).padStart(32, 'b');
    const now = Date.now();
    const receivedAt = now - (waitSeconds + talkSeconds + 20) * 1000;
    const enteredAt = receivedAt + 10_000;
    await ledger.open(
      {
        callSid,
        accountSid: 'AC' + '1'.repeat(32),
        direction: 'inbound',
        from: '+8613700009' + String(sequence).padStart(3, '0'),
        to: '+864000000000',
        customerId: null,
        language: 'zh-CN',
        tier: 'standard',
        ivrPath: [],
        queue: null,
        reason: null,
        agent: null,
        status: 'in-progress',
        statusSeq: 0,
        outcome: 'in-progress',
        receivedAt,
        queuedAt: null,
        answeredAt: null,
        endedAt: null,
      },
      {
        type: 'call.received',
        at: receivedAt,
        key: 'received',
        data: {
          from: '+8613700009000',
          to: '+864000000000',
          customerId: null,
          tier: 'standard',
          language: 'zh-CN',
        },
      },
    );
    const tier = 'standard';
    const steps = [
      {
        type: 'queue.entered',
        at: enteredAt,
        key: 'queue-entered',
        data: { queue, tier, reason: 'billing', headStartSeconds: 0 },
      },
      {
        type: 'queue.answered',
        at: enteredAt + waitSeconds * 1000,
        key: 'queue-exit',
        data: { queue, agent, waitSeconds },
      },
      {
        type: 'call.wrapup-started',
        at: now - 10_000,
        key: 'wrapup-started',
        data: { agent, talkSeconds, holdSeconds: 0 },
      },
      {
        type: 'call.completed',
        at: now - 10_000,
        key: 'completed',
        data: { durationSeconds: 60, outcome: 'answered' },
      },
      { type: 'call.wrapup-ended', at: now, key: 'wrapup-ended', data: { agent, wrapSeconds: 10 } },
    ] as const;
    for (const step of steps) await ledger.record(callSid, step as never);
  }

  async function simulateTraffic(): Promise<void> {
    const routes = [
      ['2', '1'],
      ['2', '3'],
      ['2', '2', '1'],
      ['2', '0'],
    ];
    const calls: Promise<unknown>[] = [];
    for (let i = 0; flowing && i < 40; i++) {
      const digits = routes[i % routes.length];
      calls.push(
        harness.sim.placeCall({
          from: `+86137000${String(i).padStart(5, '0')}`,
          to: '+864000000000',
          callerScript: { gather: digits, patience: 60 + (i % 5) * 40 },
        }).ended,
      );
      if (i % 6 === 0) {
        calls.push(
          harness.sim.placeCall({
            from: VIP_PHONE,
            to: '+864000000000',
            callerScript: { gather: ['1'], patience: 200 },
          }).ended,
        );
      }
      if (i % 4 === 0)
        await answeredCall(i % 8 === 0 ? 'billing' : 'support', AGENTS[i % 4].id, 4 + (i % 30), 90);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await Promise.all(calls);
    await harness.sim.settled();
  }

  async function tileText(queue: string, figure: string): Promise<string> {
    return (await page.locator(`.tile[data-queue="${queue}"] .${figure} .value`).innerText()).trim();
  }

  async function restQueues(): Promise<QueueView[]> {
    const login = await fetch(`${harness.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor', password: 'supervisor-demo' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const response = await fetch(`${harness.baseUrl}/api/monitor/queues`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    return ((await response.json()) as MonitorQueuesResponse).queues;
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    harness = await startWithStandIn({ env: { SANDBOX: 'on', AUTH_SECRET } });
    await harness.hotline.get(CustomerDirectory).save({
      id: 'c0000000-0000-4000-8000-000000000777',
      phone: VIP_PHONE,
      name: 'Zhao Lei',
      tier: 'platinum',
      language: 'en-US',
      createdAt: Date.now(),
      updatedAt: Date.now(),
    });
    const directory = harness.hotline.get(AgentDirectory);
    const log = harness.hotline.get(AgentLog);
    const states = ['available', 'on-call', 'wrap-up', 'away'] as const;
    for (const [i, agent] of AGENTS.entries()) {
      await directory.save({
        id: agent.id,
        identity: `agent_${i}`,
        displayName: agent.name,
        skills: agent.queues,
        queues: agent.queues.map((queue) => ({ queue, priority: 1, delaySeconds: 0, level: 1 })),
        createdAt: Date.now(),
        updatedAt: Date.now(),
      });
      await log.append({
        agentId: agent.id,
        state: states[i],
        at: Date.now() - (i + 1) * 47_000,
        ...(states[i] === 'on-call' ? { queue: agent.queues[0], callSid: 'CA' + 'c'.repeat(32) } : {}),
      });
    }
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  });

  afterAll(async () => {
    flowing = false;
    await traffic;
    await browser?.close();
    await harness?.close();
  });

  it('signs in, shows live figures that change with the traffic and end equal to the REST figures', async () => {
    await page.goto(`${harness.baseUrl}/wallboard`);
    await page.fill('input[name=username]', 'supervisor');
    await page.fill('input[name=password]', 'supervisor-demo');
    await page.click('form#sign-in button[type=submit]');
    await page.locator('.tile[data-queue="billing"]').waitFor();
    await page.locator('#status[data-state="live"]').waitFor();

    traffic = simulateTraffic();
    const seen = new Set<string>();
    const deadline = Date.now() + 15_000;
    while (
      Date.now() < deadline &&
      (seen.size < 3 || !(await page.locator('#vips li[data-entered-at]').count()))
    ) {
      seen.add(await tileText('billing', 'waiting'));
      await page.waitForTimeout(100);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
    await expect(page.locator('#vips li[data-entered-at]').first().innerText()).resolves.toMatch(
      /platinum · \+86\*+0777 · billing/,
    );
    // Today's chart has caught up with the flow: bars for the current quarter hour.
    await page.locator('#chart rect.offered').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'wallboard.png') });

    await traffic;
    traffic = null;
    // Once the traffic has stopped and the last coalesced update is in, every tile shows the REST figures.
    await page.waitForTimeout(600);
    for (const view of await restQueues()) {
      expect({
        queue: view.queue,
        waiting: await tileText(view.queue, 'waiting'),
        sl: await tileText(view.queue, 'sl'),
        abandon: await tileText(view.queue, 'abandon'),
      }).toEqual({
        queue: view.queue,
        waiting: String(view.waiting),
        sl: pct(view.today.serviceLevel.value),
        abandon: pct(view.today.abandonRate),
      });
    }
    for (const agent of AGENTS)
      expect(await page.locator('#agents tr', { hasText: agent.name }).count()).toBe(1);
    await expect(page.locator('#agents tr', { hasText: 'Wang Fang' }).innerText()).resolves.toContain(
      'on call',
    );

    await page.click('#language');
    await expect(page.locator('h1').innerText()).resolves.toBe('热线实时看板');
  }, 60_000);

  it('renews its token when the server ends the connection at expiry, and is live again', async () => {
    // Expressions run in the page, where sessionStorage is.
    const stored = "sessionStorage.getItem('wallboard.accessToken')";
    const storedToken = () => page.evaluate<string | null>(stored);
    const signedIn = (await storedToken())!;
    const { sub } = JSON.parse(Buffer.from(signedIn.split('.')[1], 'base64url').toString()) as {
      sub: string;
    };
    const shortLived = new TokenService(AUTH_SECRET, 2).issueAccessToken({
      userId: sub,
      username: 'supervisor',
      role: 'supervisor',
    });
    await page.evaluate(`sessionStorage.setItem('wallboard.accessToken', ${JSON.stringify(shortLived)})`);
    await page.reload();
    await page.locator('#status[data-state="live"]').waitFor();
    expect(await storedToken()).toBe(shortLived);
    // The token expires within two seconds: the page must fetch a new one and reconnect with it.
    await page.waitForFunction(`${stored} !== ${JSON.stringify(shortLived)}`, undefined, { timeout: 5000 });
    await page.locator('#status[data-state="live"]').waitFor();
    await expect(page.locator('.tile[data-queue="billing"]').count()).resolves.toBe(1);
  }, 30_000);
});
