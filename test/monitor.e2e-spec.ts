import type {
  AgentView,
  AlertCleared,
  AlertView,
  FollowReply,
  IntervalReportResponse,
  MonitorClientToServerEvents,
  MonitorQueuesResponse,
  MonitorServerToClientEvents,
  MonitorSnapshot,
  QueueView,
} from '@hotline/contracts';
import { periodFiguresFromLog, type FlowFigures } from '@hotline/metrics';
import { AgentLog, CallLedger } from '@hotline/persistence';
import { io, type Socket } from 'socket.io-client';
import { TokenService } from '../apps/hotline/src/auth/token.service';
import { Settings } from '../apps/hotline/src/config/settings';
import { metricsConfigOf } from '../apps/hotline/src/monitor/monitor-settings';
import { startWithStandIn, type StandInHarness } from './support/stand-in-harness';

type MonitorSocket = Socket<MonitorServerToClientEvents, MonitorClientToServerEvents>;

// The sandbox configuration is open around the clock, so callers reach the queues whenever this runs.
const ADMIN = { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'root-password-1' };
const AUTH_SECRET = 'monitor-test-secret';

/** Everything one client heard, in order, with the local time it arrived. */
interface Heard {
  snapshots: MonitorSnapshot[];
  queues: Array<{ receivedAt: number; view: QueueView }>;
  agents: AgentView[];
  raised: AlertView[];
  cleared: AlertCleared[];
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('real-time queue monitor', () => {
  let harness: StandInHarness;
  let supervisorToken: string;
  let agentToken: string;
  const sockets: MonitorSocket[] = [];

  async function request(method: 'GET' | 'POST', path: string, token?: string, body?: unknown) {
    const response = await fetch(harness.baseUrl + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  async function login(username: string, password: string): Promise<string> {
    const response = await request('POST', '/api/auth/login', undefined, { username, password });
    return (JSON.parse(response.text) as { accessToken: string }).accessToken;
  }

  function connect(auth: Record<string, unknown>): MonitorSocket {
    const socket: MonitorSocket = io(`${harness.baseUrl}/monitor`, {
      auth,
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 100,
    });
    sockets.push(socket);
    return socket;
  }

  function listen(socket: MonitorSocket): Heard {
    const heard: Heard = { snapshots: [], queues: [], agents: [], raised: [], cleared: [] };
    socket.on('snapshot', (snapshot) => heard.snapshots.push(snapshot));
    socket.on('queue', (view) => heard.queues.push({ receivedAt: Date.now(), view }));
    socket.on('agent', (view) => heard.agents.push(view));
    socket.on('alert:raised', (alert) => heard.raised.push(alert));
    socket.on('alert:cleared', (cleared) => heard.cleared.push(cleared));
    return heard;
  }

  function refusalOf(auth: Record<string, unknown>): Promise<string> {
    const socket = connect(auth);
    return new Promise((resolve) =>
      socket.on('connect_error', (error) => {
        socket.disconnect();
        resolve(error.message);
      }),
    );
  }

  function latest(heard: Heard, queue: string): QueueView | undefined {
    const views = heard.queues.filter((entry) => entry.view.queue === queue);
    return views.length > 0
      ? views[views.length - 1].view
      : heard.snapshots.at(-1)?.queues.find((q) => q.queue === queue);
  }

  function placeCall(digits: string[], patience: number) {
    return harness.sim.placeCall({
      from: '+8613700000001',
      to: '+864000000000',
      callerScript: { gather: digits, patience },
    });
  }

  /** The figures the reports compute from call_events for the same period, with the same rules. */
  async function reportFromLog(day: { from: number; to: number }, now: number) {
    const calls = await harness.hotline.get(CallLedger).eventsBetween(day.from, day.to);
    const agents = await harness.hotline.get(AgentLog).between(day.from, day.to);
    const config = metricsConfigOf(harness.hotline.get(Settings).contactCenter);
    return periodFiguresFromLog({ calls: calls as never, agents }, day, now, config);
  }

  function flowOf(view: QueueView) {
    const { today } = view;
    return {
      offered: today.offered,
      answered: today.answered,
      abandoned: today.abandoned,
      shortAbandoned: today.shortAbandoned,
      routedElsewhere: today.routedElsewhere,
      callbacks: today.callbacks,
      handled: today.handled,
      serviceLevel: today.serviceLevel.value,
      asaSeconds: today.asaSeconds,
      ahtSeconds: today.ahtSeconds,
      abandonRate: today.abandonRate,
    };
  }

  function reportFlow(flow: FlowFigures) {
    return {
      offered: flow.offered,
      answered: flow.answered,
      abandoned: flow.abandoned,
      shortAbandoned: flow.shortAbandoned,
      routedElsewhere: flow.routedElsewhere,
      callbacks: flow.callbacks,
      handled: flow.handled,
      serviceLevel: flow.serviceLevel.value,
      asaSeconds: flow.asaSeconds,
      ahtSeconds: flow.ahtSeconds,
      abandonRate: flow.abandonRate,
    };
  }

  beforeAll(async () => {
    harness = await startWithStandIn({ env: { ...ADMIN, SANDBOX: 'on', AUTH_SECRET } });
    const admin = await login('root', 'root-password-1');
    for (const [username, role] of [
      ['watcher', 'supervisor'],
      ['agent_a', 'agent'],
    ]) {
      const created = await request('POST', '/api/users', admin, {
        username,
        password: 'monitor-pass-1',
        role,
        displayName: username,
      });
      expect(created.status).toBe(201);
    }
    supervisorToken = await login('watcher', 'monitor-pass-1');
    agentToken = await login('agent_a', 'monitor-pass-1');
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await harness.close();
  });

  it('refuses a handshake without a token, with a bad token, or from an agent', async () => {
    expect(await refusalOf({})).toBe('AUTH.UNAUTHENTICATED');
    expect(await refusalOf({ token: 'not-a-token' })).toBe('AUTH.UNAUTHENTICATED');
    expect(await refusalOf({ token: agentToken })).toBe('AUTH.FORBIDDEN');
    expect((await request('GET', '/api/monitor/queues')).status).toBe(401);
    expect((await request('GET', '/api/monitor/queues', agentToken)).status).toBe(403);
    expect((await request('GET', '/api/reports/intervals', agentToken)).status).toBe(403);
  });

  it('accepts the token in an Authorization header too', async () => {
    const socket: MonitorSocket = io(`${harness.baseUrl}/monitor`, {
      transports: ['websocket'],
      extraHeaders: { authorization: `Bearer ${supervisorToken}` },
    });
    sockets.push(socket);
    const snapshot = await new Promise<MonitorSnapshot>((resolve) => socket.once('snapshot', resolve));
    expect(snapshot.following).toEqual(['billing', 'general', 'sales', 'support']);
    socket.disconnect();
  });

  it('disconnects a wallboard when its token expires; a fresh token connects again', async () => {
    const claims = JSON.parse(Buffer.from(supervisorToken.split('.')[1], 'base64url').toString()) as {
      sub: string;
    };
    const shortLived = new TokenService(AUTH_SECRET, 2).issueAccessToken({
      userId: claims.sub,
      username: 'watcher',
      role: 'supervisor',
    });
    const socket = connect({ token: shortLived });
    const snapshot = new Promise<MonitorSnapshot>((resolve) => socket.once('snapshot', resolve));
    const reason = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await snapshot;
    expect(await reason).toBe('io server disconnect');
    const renewed = connect({ token: await login('watcher', 'monitor-pass-1') });
    await new Promise<MonitorSnapshot>((resolve) => renewed.once('snapshot', resolve));
    renewed.disconnect();
  });

  it('sends a snapshot, then coalesced updates as calls flow, ending equal to the report from call_events', async () => {
    const socket = connect({ token: supervisorToken });
    const heard = listen(socket);
    const snapshot = await waitFor('snapshot', () => heard.snapshots[0]);
    expect(snapshot.queues.map((q) => q.queue)).toEqual(['billing', 'general', 'sales', 'support']);
    const billingAtStart = snapshot.queues.find((q) => q.queue === 'billing');
    expect(billingAtStart).toMatchObject({ waiting: 0, longestWaitSeconds: null });

    // Two billing callers (English, billing) and one sales caller hang up while waiting.
    const calls = [placeCall(['2', '1'], 60), placeCall(['2', '1'], 150), placeCall(['2', '3'], 90)];
    const someoneWaiting = await waitFor('a billing caller waiting', () =>
      heard.queues.find((entry) => entry.view.queue === 'billing' && entry.view.waiting > 0),
    );
    expect(someoneWaiting.view.longestWaitSeconds).toBeGreaterThanOrEqual(0);
    await Promise.all(calls.map((call) => call.ended));
    await harness.sim.settled();
    const billing = await waitFor('billing to count both abandons', () => {
      const view = latest(heard, 'billing');
      return view && view.today.abandoned === 2 && view.waiting === 0 ? view : undefined;
    });
    const sales = await waitFor('sales to count its abandon', () => {
      const view = latest(heard, 'sales');
      return view && view.today.abandoned === 1 && view.waiting === 0 ? view : undefined;
    });
    expect(billing.today).toMatchObject({ offered: 2, answered: 0, abandoned: 2 });
    expect(billing.today.abandonRate).toBe(1);
    expect(billing.lastEventAt).not.toBeNull();

    // At most 4 updates a second per queue: the server computed consecutive updates of a queue
    // at least 250 ms apart (its send times; arrival times jitter with the client's event loop).
    for (const queue of ['billing', 'sales']) {
      const sent = heard.queues.filter((entry) => entry.view.queue === queue).map((entry) => entry.view.at);
      expect(sent.length).toBeGreaterThan(1);
      for (let i = 1; i < sent.length; i++) expect(sent[i] - sent[i - 1]).toBeGreaterThanOrEqual(249);
    }

    const report = await reportFromLog(snapshot.day, Date.now());
    expect(flowOf(billing)).toEqual(reportFlow(report.queues.billing));
    expect(flowOf(sales)).toEqual(reportFlow(report.queues.sales));

    const rest = JSON.parse(
      (await request('GET', '/api/monitor/queues', supervisorToken)).text,
    ) as MonitorQueuesResponse;
    for (const view of rest.queues) {
      expect(flowOf(view)).toEqual(reportFlow(report.queues[view.queue]));
      expect(view.waiting).toBe(0);
    }

    const metrics = (await request('GET', '/metrics')).text;
    expect(metrics).toContain('hotline_queue_offered_today{queue="billing"} 2');
    expect(metrics).toContain('hotline_queue_abandoned_today{queue="billing"} 2');
    expect(metrics).toContain('hotline_queue_abandon_ratio{queue="billing"} 1');
    expect(metrics).toContain('hotline_queue_waiting_callers{queue="sales"} 0');
    expect(metrics).toContain(`hotline_queue_offered_today{queue="sales"} ${sales.today.offered}`);

    const intervals = JSON.parse(
      (await request('GET', '/api/reports/intervals', supervisorToken)).text,
    ) as IntervalReportResponse;
    const billingRows = intervals.rows.filter((row) => row.queue === 'billing' && row.tier === null);
    expect(billingRows.reduce((sum, row) => sum + row.offered, 0)).toBe(2);
    expect(billingRows.reduce((sum, row) => sum + row.abandoned, 0)).toBe(2);
    const standardRows = intervals.rows.filter((row) => row.queue === 'billing' && row.tier === 'standard');
    expect(standardRows.reduce((sum, row) => sum + row.offered, 0)).toBe(2);
  });

  it('sends agent updates from the agent log, and raises and clears an agent-state alert', async () => {
    const socket = connect({ token: supervisorToken });
    const heard = listen(socket);
    await waitFor('snapshot', () => heard.snapshots[0]);
    const log = harness.hotline.get(AgentLog);
    // Away for 1,000 s already: past the default 900 s away limit.
    await log.append({ agentId: 'agent-z', state: 'away', at: Date.now() - 1_000_000, reason: 'lunch' });
    const away = await waitFor('agent update', () =>
      heard.agents.find((agent) => agent.agentId === 'agent-z'),
    );
    expect(away).toMatchObject({ state: 'away', callSid: null });
    expect(away.timeInStateSeconds).toBeGreaterThanOrEqual(1000);
    const alert = await waitFor('alert raised', () => heard.raised.find((a) => a.agentId === 'agent-z'));
    expect(alert).toMatchObject({ kind: 'agent-state', agentState: 'away', threshold: 900 });
    const listed = JSON.parse(
      (await request('GET', '/api/monitor/queues', supervisorToken)).text,
    ) as MonitorQueuesResponse;
    expect(listed.alerts.map((a) => a.id)).toContain(alert.id);

    await log.append({ agentId: 'agent-z', state: 'available', at: Date.now() });
    await waitFor('alert cleared', () => heard.cleared.find((c) => c.id === alert.id));
    await waitFor('agent available', () =>
      heard.agents.find((a) => a.agentId === 'agent-z' && a.state === 'available'),
    );
    const rest = JSON.parse((await request('GET', '/api/monitor/agents', supervisorToken)).text) as {
      agents: AgentView[];
    };
    expect(rest.agents.find((agent) => agent.agentId === 'agent-z')).toMatchObject({ state: 'available' });
    // Every queue counts an agent without a routing profile.
    const queues = JSON.parse(
      (await request('GET', '/api/monitor/queues', supervisorToken)).text,
    ) as MonitorQueuesResponse;
    for (const view of queues.queues) expect(view.agents.available).toBeGreaterThanOrEqual(1);
  });

  it('follows and unfollows queues, refusing unknown ones, and resynchronises on reconnection', async () => {
    const socket = connect({ token: supervisorToken, queues: ['sales'] });
    const heard = listen(socket);
    const first = await waitFor('snapshot', () => heard.snapshots[0]);
    expect(first.following).toEqual(['sales']);
    expect(first.queues.map((q) => q.queue)).toEqual(['sales']);

    const follow = (event: 'follow' | 'unfollow', queues: unknown) =>
      new Promise<FollowReply>((resolve) => socket.emit(event, { queues } as never, resolve));
    expect(await follow('follow', ['nope'])).toMatchObject({ ok: false, code: 'MONITOR.UNKNOWN_QUEUE' });
    expect(await follow('follow', 'billing')).toMatchObject({ ok: false, code: 'MONITOR.BAD_REQUEST' });
    const followed = await follow('follow', ['billing']);
    expect(followed).toMatchObject({ ok: true, following: ['sales', 'billing'] });
    expect(followed.ok && followed.queues.map((q) => q.queue)).toEqual(['billing']);
    expect(await follow('unfollow', ['sales'])).toMatchObject({ ok: true, following: ['billing'] });

    // The server drops the connection: the client reconnects and starts again from a snapshot.
    socket.io.engine.close();
    const second = await waitFor('snapshot after reconnecting', () => heard.snapshots[1]);
    expect(second.at).toBeGreaterThanOrEqual(first.at);
    expect(second.queues.find((q) => q.queue === 'sales')?.today).toEqual(first.queues[0].today);
  });

  it('exports intervals as CSV and refuses a bad query with a code, changing nothing', async () => {
    const csv = await request('GET', '/api/reports/intervals?format=csv&queue=billing', supervisorToken);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...lines] = csv.text.trim().split('\r\n');
    expect(header).toBe(
      'interval_start,interval_end,queue,tier,offered,answered,abandoned,short_abandoned,routed_elsewhere,callbacks,handled,service_level,service_level_formula,service_level_threshold_seconds,asa_seconds,aht_seconds,abandon_rate',
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00,[^,]+,billing,/.test(line))).toBe(
      true,
    );

    for (const [query, parameter] of [
      ['from=yesterday', 'from'],
      ['from=2026-02-30', 'from'],
      ['to=2026-11-22T08:00:00', 'to'],
      ['from=2026-11-22&to=2026-11-21', 'to'],
      ['from=2026-01-01&to=2026-03-01', 'to'],
      ['queue=nope', 'queue'],
      ['format=xml', 'format'],
      ['limit=5', 'limit'],
    ]) {
      const response = await request('GET', `/api/reports/intervals?${query}`, supervisorToken);
      expect({ query, status: response.status, body: JSON.parse(response.text) }).toMatchObject({
        query,
        status: 400,
        body: { code: 'REPORTS.BAD_QUERY', details: { parameter } },
      });
    }
  });
});
