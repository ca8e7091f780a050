import {
  AGENT_COMMANDS,
  AGENT_EVENTS,
  AGENT_NAMESPACE,
  AgentOfferPayload,
  AgentStatePayload,
} from '@hotline/contracts';
import { AgentDirectory, CallLedger } from '@hotline/persistence';
import jwt from 'jsonwebtoken';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { eventually } from './support/eventually';
import { Harness, startHotline, TEST_ACCOUNT_SID } from './support/hotline-harness';
import { RecordingTwilioApi, startRecordingTwilioApi } from './support/recording-twilio-api';
import { TEST_AUTH_TOKEN } from './support/hotline-harness';
import { TokenService } from '../apps/hotline/src/auth/token.service';

const AUTH_SECRET = 'agent-channel-test-secret';

describe('the agent desktop channel (/agent) and agent REST', () => {
  let fake: RecordingTwilioApi;
  let hotline: Harness;
  let url: string;
  let configDir: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'hotline-agents-config-'));
    cpSync(join(__dirname, '..', 'config'), configDir, { recursive: true });
    writeFileSync(join(configDir, 'agents.yaml'), 'awayReasons: [break, lunch]\ndisconnectGraceSeconds: 1\n');
    fake = await startRecordingTwilioApi({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    fake.addQueue('billing');
    hotline = await startHotline({
      env: { TWILIO_API_BASE_URL: fake.url, SANDBOX: 'on', CONFIG_DIR: configDir, AUTH_SECRET },
    });
    await hotline.app.listen({ port: 0, host: '127.0.0.1' });
    url = await hotline.app.getUrl();
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.disconnect()));
  afterAll(async () => {
    await hotline.close();
    await fake.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  const connect = (token?: string) => {
    const socket = io(`${url.replace('[::1]', '127.0.0.1')}${AGENT_NAMESPACE}`, {
      auth: token ? { token } : {},
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    return socket;
  };
  const next = <T>(socket: Socket, event: string, where: (payload: T) => boolean = () => true) =>
    new Promise<T>((resolve) => {
      const listener = (payload: T) => {
        if (!where(payload)) return;
        socket.off(event, listener);
        resolve(payload);
      };
      socket.on(event, listener);
    });

  it('refuses a handshake without a token or with a supervisor’s token', async () => {
    for (const token of [undefined, await hotline.login('supervisor', 'supervisor-demo')]) {
      const socket = connect(token);
      const refused = await next<{ code: string }>(socket, 'exception');
      expect(refused.code).toBe('AUTH.UNAUTHENTICATED');
      await eventually(() => expect(socket.connected).toBe(false));
    }
  });

  it('pushes an agent their own state and offers only, and withdraws the offer when they decline', async () => {
    const token = await hotline.login('agent1', 'agent-demo');
    const otherToken = await hotline.login('agent2', 'agent-demo');
    const agent1 = (await hotline.app.get(AgentDirectory).findByIdentity('agent1'))!.id;
    const socket = connect(token);
    const other = connect(otherToken);
    const first = await next<AgentStatePayload>(socket, AGENT_EVENTS.state);
    expect(first).toMatchObject({ agentId: agent1, state: 'offline' });
    const otherStates: AgentStatePayload[] = [];
    other.on(AGENT_EVENTS.state, (state: AgentStatePayload) => otherStates.push(state));

    const available = next<AgentStatePayload>(socket, AGENT_EVENTS.state, (s) => s.state === 'available');
    const ack = await socket.emitWithAck(AGENT_COMMANDS.changeState, { state: 'available' });
    expect(ack).toEqual({ ok: true });
    expect(await available).toMatchObject({ agentId: agent1, state: 'available' });
    const badAway = await socket.emitWithAck(AGENT_COMMANDS.changeState, { state: 'away', reason: 'nap' });
    expect(badAway).toMatchObject({ ok: false, code: 'AGENT.BAD_AWAY_REASON' });

    const sid = 'CA' + '7'.repeat(32);
    const offer = next<AgentOfferPayload>(socket, AGENT_EVENTS.offer);
    const params = {
      CallSid: sid,
      AccountSid: TEST_ACCOUNT_SID,
      From: '+8613877770000',
      To: '+864000000000',
      CallStatus: 'in-progress',
    };
    const voice = await hotline.twilio('/twilio/voice', { ...params, CallStatus: 'ringing' });
    const language = /action="https:\/\/hotline\.example\.com([^"]+)"/
      .exec(voice.body)![1]
      .replace(/&amp;/g, '&');
    const menu = await hotline.twilio(language, { ...params, Digits: '2' });
    const billing = /action="https:\/\/hotline\.example\.com([^"]+)"/
      .exec(menu.body)![1]
      .replace(/&amp;/g, '&');
    await hotline.twilio(billing, { ...params, Digits: '1' });
    await hotline.twilio('/twilio/queue/wait?lang=en-US', { ...params, QueuePosition: '1' });
    expect(await offer).toMatchObject({
      callSid: sid,
      queue: 'billing',
      ringSeconds: 20,
      profileUrl: `/api/calls/${sid}/profile`,
      caller: '+86*******0000',
      queuedAt: (await hotline.app.get(CallLedger).find(sid))!.queuedAt,
    });

    // A desktop that reconnects while the phone rings hears the same offer again.
    const reconnected = connect(token);
    const again = await next<AgentOfferPayload>(reconnected, AGENT_EVENTS.offer);
    expect(again).toEqual(await offer);

    // The screen pop opens while the phone rings, for the agent it rings for only.
    const pop = await hotline.http('GET', `/api/calls/${sid}/profile`, { token });
    expect(pop.status).toBe(200);
    expect(pop.json()).toMatchObject({ callSid: sid, reason: 'billing' });
    expect((await hotline.http('GET', `/api/calls/${sid}/profile`, { token: otherToken })).status).toBe(403);

    const declined = await socket.emitWithAck(AGENT_COMMANDS.decline);
    expect(declined).toEqual({ ok: true });
    await eventually(async () => {
      const missed = (await hotline.app.get(CallLedger).events(sid)).find(
        (e) => e.type === 'queue.offer-missed',
      );
      expect(missed?.data).toMatchObject({ agent: agent1, reason: 'declined' });
    });
    expect((await socket.emitWithAck(AGENT_COMMANDS.decline)).code).toBe('AGENT.NO_OFFER');
    // Once the offer is over, a reconnecting desktop hears its state and no offer.
    const later = connect(token);
    const offersHeard: AgentOfferPayload[] = [];
    later.on(AGENT_EVENTS.offer, (payload: AgentOfferPayload) => offersHeard.push(payload));
    await next(later, AGENT_EVENTS.state);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(offersHeard).toEqual([]);
    expect(otherStates.every((state) => state.agentId !== agent1)).toBe(true);
    await hotline.twilio('/twilio/status', { ...params, CallStatus: 'completed', SequenceNumber: '5' });
  });

  it('tells a desktop when its token expires and disconnects it; a fresh token connects again', async () => {
    const agent3 = (await hotline.app.get(AgentDirectory).findByIdentity('agent3'))!.id;
    const shortLived = new TokenService(AUTH_SECRET, 2).issueAccessToken({
      userId: agent3,
      username: 'agent3',
      role: 'agent',
    });
    const socket = connect(shortLived);
    expect(await next<AgentStatePayload>(socket, AGENT_EVENTS.state)).toMatchObject({ agentId: agent3 });
    const expired = await next<{ code: string; message: string }>(socket, 'exception');
    expect(expired).toEqual({ code: 'AUTH.UNAUTHENTICATED', message: 'The access token expired' });
    await eventually(() => expect(socket.connected).toBe(false));
    const renewed = connect(await hotline.login('agent3', 'agent-demo'));
    expect(await next<AgentStatePayload>(renewed, AGENT_EVENTS.state)).toMatchObject({ agentId: agent3 });
  });

  it('signs out an agent whose desktop is gone past the grace period', async () => {
    const token = await hotline.login('agent3', 'agent-demo');
    await hotline.http('POST', '/api/agents/me/state', { token, body: { state: 'available' } });
    const socket = connect(token);
    await next(socket, AGENT_EVENTS.state);
    socket.disconnect();
    const me = async () => (await hotline.http('GET', '/api/agents/me', { token })).json<{ state: string }>();
    expect((await me()).state).toBe('available');
    await eventually(async () => expect((await me()).state).toBe('offline'), 4000);
  });

  it('lets an agent change only their own state, and supervisors anyone’s', async () => {
    const token = await hotline.login('agent2', 'agent-demo');
    const agent3 = (await hotline.app.get(AgentDirectory).findByIdentity('agent3'))!.id;
    const refused = await hotline.http('POST', `/api/agents/${agent3}/state`, {
      token,
      body: { state: 'available' },
    });
    expect(refused.status).toBe(403);
    const supervisor = await hotline.login('supervisor', 'supervisor-demo');
    const changed = await hotline.http('POST', `/api/agents/${agent3}/state`, {
      token: supervisor,
      body: { state: 'away', reason: 'lunch' },
    });
    expect(changed.status).toBe(204);
    const listed = (await hotline.http('GET', '/api/agents', { token: supervisor })).json<
      { identity: string; state: string; reason?: string }[]
    >();
    expect(listed.find((agent) => agent.identity === 'agent3')).toMatchObject({
      state: 'away',
      reason: 'lunch',
    });
    const bad = await hotline.http('POST', '/api/agents/me/state', { token, body: { state: 'sleeping' } });
    expect(bad.status).toBe(400);
    expect((await hotline.http('POST', '/api/agents/me/call/hangup', { token })).json()).toMatchObject({
      code: 'AGENT.NO_CALL',
    });
  });

  it('creates agents with a checked routing profile (admin only)', async () => {
    const admin = await hotline.login('admin', 'admin-demo');
    const unknownQueue = await hotline.http('POST', '/api/agents', {
      token: admin,
      body: { username: 'dora', password: 'dora-password', displayName: 'Dora', queues: [{ queue: 'nope' }] },
    });
    expect(unknownQueue.status).toBe(400);
    expect(unknownQueue.json()).toMatchObject({ code: 'AGENT.UNKNOWN_QUEUE' });
    expect(await hotline.app.get(AgentDirectory).findByIdentity('dora')).toBeNull();
    const created = await hotline.http('POST', '/api/agents', {
      token: admin,
      body: {
        username: 'dora',
        password: 'dora-password',
        displayName: 'Dora',
        queues: [{ queue: 'support', level: 2 }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({
      identity: 'dora',
      skills: ['support'],
      queues: [{ queue: 'support', priority: 1, delaySeconds: 0, level: 2 }],
    });
    const supervisor = await hotline.login('supervisor', 'supervisor-demo');
    const refused = await hotline.http('POST', '/api/agents', {
      token: supervisor,
      body: { username: 'eve', password: 'eve-password', displayName: 'Eve', queues: [] },
    });
    expect(refused.status).toBe(403);
  });

  it('serves the agent desktop and, for production softphones, Twilio’s Voice SDK', async () => {
    const page = await hotline.http('GET', '/agent/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html');
    const sdk = await hotline.http('GET', '/agent/voice-sdk.js');
    expect(sdk.status).toBe(200);
    expect(sdk.body).toContain('Device');
  });

  it('issues a softphone token whose identity is the agent’s, with incoming calls allowed', async () => {
    const token = await hotline.login('agent1', 'agent-demo');
    const response = await hotline.http('GET', '/api/agents/me/voice-token', { token });
    expect(response.status).toBe(200);
    const body = response.json<{ token: string; identity: string; sandbox: boolean }>();
    expect(body).toMatchObject({ identity: 'agent1', sandbox: true });
    const claims = jwt.verify(body.token, TEST_AUTH_TOKEN) as {
      iss: string;
      sub: string;
      grants: Record<string, unknown>;
    };
    expect(claims.sub).toBe(TEST_ACCOUNT_SID);
    expect(claims.grants).toMatchObject({ identity: 'agent1', voice: { incoming: { allow: true } } });
    const supervisor = await hotline.login('supervisor', 'supervisor-demo');
    expect((await hotline.http('GET', '/api/agents/me/voice-token', { token: supervisor })).status).toBe(403);
  });
});
