import { AgentDirectory, CallLedger } from '@hotline/persistence';
import { AnyCallEvent } from '@hotline/contracts';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimClock } from '../apps/twilio-sim/src/core/sim-clock';
import { createAgentAccount } from '../apps/twilio-sim/src/simulation/agent-roster';
import { classifyCall } from '../apps/twilio-sim/src/simulation/call-outcome';
import { CallerPlan } from '../apps/twilio-sim/src/simulation/caller-plan';
import { HotlineClient } from '../apps/twilio-sim/src/simulation/hotline-client';
import { InProcessTarget, startInProcessTarget } from '../apps/twilio-sim/src/simulation/in-process-target';
import { seededRandom } from '../apps/twilio-sim/src/simulation/random-source';
import { importCustomers } from '../apps/twilio-sim/src/simulation/simulation-run';
import { AgentBehaviour, SimulatedAgent } from '../apps/twilio-sim/src/simulation/simulated-agent';
import { StandInClient } from '../apps/twilio-sim/src/simulation/stand-in-client';
import { SIMULATED_HOTLINE_NUMBER } from '../apps/twilio-sim/src/simulation/traffic';
import { eventually } from './support/eventually';

const TIME_SCALE = 0.02;
/** Gold's head start in this suite's tiers.yaml, in Hotline's (wall-clock) seconds. */
const GOLD_HEAD_START = 3;
const QUEUES = ['general', 'billing', 'support', 'sales'];
const STEADY: AgentBehaviour = {
  ringDelaySeconds: 2,
  missRate: 0,
  talkSeconds: 20,
  wrapUpSeconds: 4,
  resolvedShare: 1,
  softphoneHangUpShare: 0,
  pauseSeconds: 5,
};

/** The shipped configuration, with a gold head start short enough for a test to wait out. */
function configWithShortHeadStart(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-config-'));
  cpSync('config', dir, { recursive: true });
  writeFileSync(
    join(dir, 'tiers.yaml'),
    `tiers:\n  gold: { headStartSeconds: ${GOLD_HEAD_START} }\n  standard: { headStartSeconds: 0 }\ndefaultTier: standard\n`,
  );
  return dir;
}

describe('simulated callers and agents through the stand-in, against a real Hotline', () => {
  let configDir: string;
  let own: InProcessTarget;
  let admin: HotlineClient;
  let standIn: StandInClient;
  const agents: SimulatedAgent[] = [];
  const handled: string[] = [];
  const missed: string[] = [];

  beforeAll(async () => {
    configDir = configWithShortHeadStart();
    own = await startInProcessTarget({ configDir, timeScale: TIME_SCALE });
    admin = await HotlineClient.signIn(own.target.hotlineUrl, 'admin', 'admin-demo');
    standIn = new StandInClient(own.target.standInUrl);
    await importCustomers(admin, [
      { phone: '+8613900000001', name: 'Gao Jin', language: 'en-US', tier: 'gold' },
      { phone: '+8613900000002', name: 'Gu Yin', language: 'en-US', tier: 'gold' },
    ]);
  });
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.stop()));
  });
  afterAll(async () => {
    await own.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  const ledger = () => own.center.hotline.get(CallLedger);
  const events = async (sid: string) => ledger().events(sid);
  const agentId = async (username: string) =>
    (await own.center.hotline.get(AgentDirectory).findByIdentity(username))!.id;

  async function startAgent(
    username: string,
    behaviour: Partial<AgentBehaviour> = {},
  ): Promise<SimulatedAgent> {
    const account = { username, password: 'sim-agent-demo' };
    await createAgentAccount(admin, account, username, QUEUES);
    const agent = new SimulatedAgent(
      account,
      { hotline: own.target.hotlineUrl, standIn: own.target.standInUrl },
      { ...STEADY, ...behaviour },
      new SimClock(TIME_SCALE),
      seededRandom(1),
      {
        handled: (callSid) => handled.push(callSid),
        missed: (name) => missed.push(name),
        failed: (name, problem) => {
          throw new Error(`${name}: ${problem}`);
        },
      },
    );
    await agent.start();
    agents.push(agent);
    return agent;
  }

  const call = (from: string, plan: CallerPlan) => standIn.placeCall(from, SIMULATED_HOTLINE_NUMBER, plan);
  const observed = async (sid: string) => (await standIn.calls()).find((c) => c.sid === sid)!;
  const ended = (sid: string, timeoutMs = 15_000) =>
    eventually(async () => {
      const view = await observed(sid);
      expect(view.endedAt).toBeDefined();
      return view;
    }, timeoutMs);
  const queued = (sid: string) =>
    eventually(async () => expect((await events(sid)).map((e) => e.type)).toContain('queue.entered'), 10_000);
  const ofType = <T extends AnyCallEvent['type']>(list: AnyCallEvent[], type: T) =>
    list.filter((e): e is Extract<AnyCallEvent, { type: T }> => e.type === type);

  it('takes a known caller past the language menu into billing, to a simulated agent, through wrap-up and the survey', async () => {
    await startAgent('sim_desk_1');
    const sid = await call('+8613900000001', {
      ivrDigits: ['1'],
      patienceSeconds: 600,
      surveyDigits: ['5', '1', '9#'],
    });
    const view = await ended(sid);
    await eventually(() => expect(handled).toContain(sid), 10_000);

    expect(view.talkedTo.map((t) => t.party)).toEqual(['client:sim_desk_1']);
    expect(view.digits).toEqual(['1', '5', '1', '9']);
    expect(classifyCall(view).outcome).toBe('answered');
    const log = await events(sid);
    const types = log.map((e) => e.type);
    expect(types).not.toContain('queue.abandoned');
    expect(ofType(log, 'queue.entered')[0].data).toMatchObject({
      queue: 'billing',
      tier: 'gold',
      reason: 'billing',
    });
    const agent = await agentId('sim_desk_1');
    expect(ofType(log, 'queue.answered')[0].data).toMatchObject({ queue: 'billing', agent });
    expect(types.indexOf('call.wrapup-started')).toBeLessThan(types.indexOf('call.wrapup-ended'));
    expect(ofType(log, 'call.disposition')[0].data).toMatchObject({
      agent,
      resolved: true,
      reason: 'billing',
      notes: 'Simulated call',
      followUp: false,
    });
    expect(ofType(log, 'call.survey').map((e) => e.data)).toEqual([
      { csat: 5 },
      { resolved: true },
      { nps: 9 },
    ]);
    expect(await ledger().find(sid)).toMatchObject({ outcome: 'answered', language: 'en-US', agent });
  });

  it('a caller nobody answers hangs up in the queue after their patience: an abandon on both sides', async () => {
    const sid = await call('+8613700000001', { ivrDigits: ['2', '0'], patienceSeconds: 40 });
    const view = await ended(sid);

    const classified = classifyCall(view);
    expect(classified.outcome).toBe('abandoned');
    // Patience runs from entering the queue; the stand-in's clock is simulated seconds.
    expect(classified.waitSeconds).toBeGreaterThanOrEqual(40);
    expect(classified.waitSeconds).toBeLessThan(60);
    // The stand-in ends the call before Hotline has answered the webhooks that report it.
    const log = await eventually(async () => {
      const stored = await events(sid);
      expect(ofType(stored, 'call.completed')).toHaveLength(1);
      return stored;
    });
    expect(ofType(log, 'queue.abandoned')).toHaveLength(1);
    expect(ofType(log, 'queue.answered')).toHaveLength(0);
    expect(await ledger().find(sid)).toMatchObject({
      outcome: 'abandoned',
      queue: 'general',
      tier: 'standard',
    });
  });

  it('an offer an agent lets ring out goes to another agent, and the caller is answered there', async () => {
    // Longest idle first: the agent who never answers is available first, so is offered the call first.
    await startAgent('sim_deaf_1', { missRate: 1 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await startAgent('sim_desk_2');
    const sid = await call('+8613700000002', { ivrDigits: ['2', '3'], patienceSeconds: 600 });
    const view = await ended(sid);

    expect(view.talkedTo.map((t) => t.party)).toEqual(['client:sim_desk_2']);
    const [deaf, desk] = [await agentId('sim_deaf_1'), await agentId('sim_desk_2')];
    const log = await events(sid);
    expect(ofType(log, 'queue.offered').map((e) => e.data.agent)).toEqual([deaf, desk]);
    expect(ofType(log, 'queue.offer-missed').map((e) => e.data)).toEqual([
      { queue: 'sales', agent: deaf, reason: 'no-answer' },
    ]);
    expect(ofType(log, 'queue.answered')[0].data.agent).toBe(desk);
    expect(missed).toEqual(['sim_deaf_1']);
  });

  it('a gold caller goes ahead of standard callers who waited less than the head start, never of one who waited longer', async () => {
    const plan: CallerPlan = { ivrDigits: ['2', '0'], patienceSeconds: 100_000 };
    const longWaiter = await call('+8613700000003', plan);
    await queued(longWaiter);
    // Longer than gold's head start (Hotline's clock is the wall clock).
    await new Promise((resolve) => setTimeout(resolve, (GOLD_HEAD_START + 1) * 1000));
    const shortWaiter = await call('+8613700000004', plan);
    await queued(shortWaiter);
    const gold = await call('+8613900000002', { ivrDigits: ['0'], patienceSeconds: 100_000 });
    await queued(gold);

    await startAgent('sim_desk_3', { talkSeconds: 5, wrapUpSeconds: 1 });
    const views = await Promise.all([longWaiter, gold, shortWaiter].map((sid) => ended(sid, 20_000)));

    const answeredAt = views.map((view) => view.talkedTo[0].from);
    expect(answeredAt[0]).toBeLessThan(answeredAt[1]);
    expect(answeredAt[1]).toBeLessThan(answeredAt[2]);
    expect(ofType(await events(gold), 'queue.entered')[0].data).toMatchObject({
      tier: 'gold',
      headStartSeconds: GOLD_HEAD_START,
    });
  });
});
