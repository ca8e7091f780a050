import type { AgentTodayView, FcrReportView, MonitorQueuesResponse } from '@hotline/contracts';
import { AgentDirectory, CallLedger, CustomerDirectory } from '@hotline/persistence';
import type { IncomingCall } from '@hotline/twilio-sim';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describeBrowser, launchChromium } from '../support/browser';
import { handledCall } from '../crm-calls.fixture';
import { eventually } from '../support/eventually';
import { startWithStandIn, type StandInHarness } from '../support/stand-in-harness';

const ARTIFACTS = join(__dirname, '..', 'artifacts');
const VIP_PHONE = '+8613900000888';
const DAY = 24 * 3600_000;
/** A known caller skips the language menu; 3 is sales, with the reason new-purchase. */
const TO_SALES = { gather: ['3'], patience: 600, talkSeconds: 3600 };

/**
 * The agent desktop in Chromium against a real Hotline and the Twilio stand-in: the page answers
 * through the stand-in's softphone bridge, a second agent is a softphone registered in the test.
 */
describeBrowser('agent desktop in a browser', () => {
  let harness: StandInHarness;
  let configDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const ids: Record<string, string> = {};

  async function rest<T>(method: string, path: string, user: string, password: string, body?: unknown) {
    const login = await fetch(`${harness.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const response = await fetch(`${harness.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (response.status === 204 ? {} : await response.json()) as T };
  }
  const asAgent = <T>(agent: string, method: string, path: string, body?: unknown) =>
    rest<T>(method, path, agent, 'agent-demo', body);
  const stateOf = async (agent: string) =>
    (await asAgent<{ state: string; reason?: string }>(agent, 'GET', '/api/agents/me')).body;
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `agent-desktop-${name}.png`) });
  const text = async (selector: string) => (await page.locator(selector).innerText()).trim();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    configDir = mkdtempSync(join(tmpdir(), 'hotline-desk-config-'));
    cpSync(join(__dirname, '..', '..', 'config'), configDir, { recursive: true });
    // A short grace period: a dropped desktop is signed out within the test.
    writeFileSync(
      join(configDir, 'agents.yaml'),
      'awayReasons: [break, lunch, meeting, training, coaching, after-call-work]\ndisconnectGraceSeconds: 2\n',
    );
    // Simulated time at a quarter of real time: the IVR is quick, an offer rings for 5 real seconds.
    harness = await startWithStandIn({ timeScale: 0.25, env: { SANDBOX: 'on', CONFIG_DIR: configDir } });
    for (const name of ['agent1', 'agent2', 'agent3'])
      ids[name] = (await harness.hotline.get(AgentDirectory).findByIdentity(name))!.id;
    const customer = {
      id: 'c0000000-0000-4000-8000-000000000888',
      phone: VIP_PHONE,
      name: 'Zhao Lei',
      tier: 'gold',
      language: 'en-US',
      createdAt: Date.now(),
      updatedAt: Date.now(),
    };
    await harness.hotline.get(CustomerDirectory).save(customer);
    // Yesterday agent2 took this caller's purchase and could not finish it: an open case.
    const earlier = await handledCall(harness.hotline.get(CallLedger), {
      from: VIP_PHONE,
      customerId: customer.id,
      tier: 'gold',
      queue: 'sales',
      reason: 'new-purchase',
      agent: ids.agent2,
      at: Date.now() - DAY,
    });
    const disposed = await asAgent('agent2', 'POST', `/api/calls/${earlier}/disposition`, {
      resolved: false,
      notes: 'wants the family plan',
      followUp: true,
    });
    expect(disposed.status).toBe(201);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('signs in, goes available, rings with the screen pop, holds, hangs up and records the disposition', async () => {
    await page.goto(`${harness.baseUrl}/agent`);
    await page.fill('input[name=username]', 'agent1');
    await page.fill('input[name=password]', 'agent-demo');
    await page.click('form#sign-in button[type=submit]');
    await page.locator('#state[data-phase="offline"]').waitFor();
    await page.locator('#phone-status').waitFor({ state: 'hidden' });
    await page.keyboard.press('Alt+V');
    await page.locator('#state[data-phase="available"]').waitFor();
    expect((await stateOf('agent1')).state).toBe('available');
    await shot('available');

    const call = harness.sim.placeCall({ from: VIP_PHONE, to: '+864000000000', callerScript: TO_SALES });
    await page.locator('#ringing').waitFor();
    await page.locator('#profile').waitFor();
    expect(await text('#caller-name')).toMatch(/^(Zhao Lei|\+86\*+0888)$/);
    // Hotline's ring timeout (the queue's 20 s), counting down.
    expect(Number((await text('#ring-left')).replace('s', ''))).toBeGreaterThan(10);
    expect(Number((await text('#ring-left')).replace('s', ''))).toBeLessThanOrEqual(20);
    expect(await text('#caller-waited')).toMatch(/^0:\d\d$/);
    await shot('ringing');
    await page.keyboard.press('Alt+A');
    await page.locator('#state[data-phase="on-call"]').waitFor();

    // The screen pop, from the caller's profile: tier, language, IVR reason, the earlier contact, the open case.
    await page.locator('#caller-tier:not([hidden])').waitFor();
    expect({
      name: await text('#caller-name'),
      tier: await text('#caller-tier'),
      language: await text('#caller-language'),
      reason: await text('#caller-reason'),
    }).toEqual({ name: 'Zhao Lei', tier: 'gold', language: 'en-US', reason: 'new-purchase' });
    expect(await text('#contacts')).toContain('wants the family plan');
    expect(await text('#contacts')).toContain('not resolved');
    expect(await text('#open-case-text')).toMatch(
      /new-purchase · owner: a0|new-purchase · owner: [0-9a-f]{8}/,
    );

    await page.click('#hold');
    await page.locator('#hold[aria-pressed="true"]').waitFor();
    await shot('on-hold');
    await page.click('#hold');
    await page.locator('#hold[aria-pressed="false"]').waitFor();
    await page.click('#mute');
    await page.locator('#mute[aria-pressed="true"]').waitFor();
    await page.keyboard.press('Alt+H');

    await page.locator('#wrap-up').waitFor();
    expect(await page.inputValue('#wrap-up input[name=reason]')).toBe('new-purchase');
    expect(await text('#wrap-left')).toMatch(/^0:[0-3]\d$/);
    await page.check('#wrap-up input[name=resolved][value=yes]');
    await page.fill('#wrap-up textarea[name=notes]', 'family plan sold');
    await shot('wrap-up');
    await page.click('#wrap-up button[type=submit]');
    await page.locator('#state[data-phase="available"]').waitFor();
    await page.locator('[data-figure="handled"]', { hasText: '1' }).waitFor();
    // A repeat of yesterday's contact: no first contact of agent1's to count FCR over.
    expect(await text('[data-figure="fcr"]')).toBe('–');
    await call.ended;

    // Handled and resolved, as the reports count it.
    const today = (await asAgent<AgentTodayView>('agent1', 'GET', '/api/agents/me/today')).body;
    expect(today).toMatchObject({ handled: 1, missedOffers: 0, firstContacts: 0 });
    const quarter = 15 * 60_000;
    const from = Math.floor((Date.now() - DAY) / quarter) * quarter;
    const to = Math.ceil((Date.now() + 1) / quarter) * quarter;
    const fcr = await rest<FcrReportView>(
      'GET',
      `/api/reports/fcr?from=${from}&to=${to}&groupBy=agent`,
      'supervisor',
      'supervisor-demo',
    );
    expect(fcr.body.groups[ids.agent1]).toMatchObject({ contacts: 1, repeatContacts: 1 });
    const queues = await rest<MonitorQueuesResponse>(
      'GET',
      '/api/monitor/queues',
      'supervisor',
      'supervisor-demo',
    );
    expect(queues.body.queues.find((view) => view.queue === 'sales')?.today).toMatchObject({
      answered: 1,
      handled: 1,
    });
    const disposition = (await harness.hotline.get(CallLedger).events(call.sid)).find(
      (event) => event.type === 'call.disposition',
    );
    expect(disposition?.data).toMatchObject({ agent: ids.agent1, resolved: true, notes: 'family plan sold' });
    await shot('after-call');
  }, 90_000);

  it('gives a declined offer to another agent', async () => {
    const agent2Phone = harness.sim.register('client:agent2');
    const rang: IncomingCall[] = [];
    agent2Phone.on('incoming', (incoming) => {
      rang.push(incoming);
      incoming.accept();
    });
    const call = harness.sim.placeCall({
      from: '+8613700000555',
      to: '+864000000000',
      callerScript: { ...TO_SALES, gather: ['2', '3'] },
    });
    await page.locator('#ringing').waitFor();
    expect(await text('#caller-name')).toBe('+86*******0555');
    expect((await asAgent('agent2', 'POST', '/api/agents/me/state', { state: 'available' })).status).toBe(
      204,
    );
    await page.click('#decline');
    await page.locator('#state[data-phase="available"]').waitFor();
    await eventually(async () => expect((await stateOf('agent2')).state).toBe('on-call'), 10_000);
    expect(rang).toHaveLength(1);
    const events = await harness.hotline.get(CallLedger).events(call.sid);
    expect(events.find((event) => event.type === 'queue.offer-missed')?.data).toMatchObject({
      agent: ids.agent1,
      reason: 'declined',
    });
    expect(events.find((event) => event.type === 'queue.answered')?.data).toMatchObject({
      agent: ids.agent2,
    });
    await page.locator('[data-figure="missed"]', { hasText: '1' }).waitFor({ timeout: 5_000 });
    rang[0].disconnect();
    await call.ended;
    agent2Phone.unregister();
    await asAgent('agent2', 'POST', '/api/agents/me/state', { state: 'offline' });
  }, 60_000);

  it('warns when the connection drops, and restores the agent’s state after Hotline signed them out', async () => {
    await page.selectOption('#away-reason', 'coaching');
    await page.click('#go-away');
    await page.locator('#state[data-phase="away"]').waitFor();
    await context.setOffline(true);
    await page.locator('#connection').waitFor();
    // Past the grace period, Hotline signs the unreachable desktop out.
    await eventually(async () => expect(await stateOf('agent1')).toMatchObject({ state: 'offline' }), 8_000);
    await shot('connection-lost');
    await context.setOffline(false);
    await page.locator('#connection').waitFor({ state: 'hidden', timeout: 15_000 });
    await eventually(
      async () =>
        expect(await stateOf('agent1')).toEqual(
          expect.objectContaining({ state: 'away', reason: 'coaching' }),
        ),
      8_000,
    );
    await page.locator('#state[data-phase="away"]').waitFor();
    await page.locator('#phone-status').waitFor({ state: 'hidden' });

    await page.click('#language');
    expect(await text('#state')).toBe('离开 · 辅导');
    await shot('zh');
    await page.click('#language');
  }, 60_000);
});
