import type { AgentStrategy } from './acd-config';
import type { RoutingEngine } from './routing-engine';
import { arrive, at, engineFor, logIn, offers, talk } from './test-support/engine-driver';

describe('skills', () => {
  it('offers a caller only to agents with the queue skills and the caller skills', () => {
    const engine = engineFor([{ name: 'support', skills: ['support'] }]);
    const inQueue = { queues: [{ queue: 'support' }] };
    logIn(engine, 'no-skill', inQueue, 0);
    logIn(engine, 'english', { ...inQueue, skills: ['support', 'en'] }, 1);
    logIn(engine, 'spanish', { ...inQueue, skills: ['support', 'es'] }, 2);
    expect(offers(arrive(engine, 'maria', 'support', 10, { skills: ['es'] }))).toEqual(['maria>spanish']);
    expect(offers(arrive(engine, 'john', 'support', 11))).toEqual(['john>english']);
    expect(offers(arrive(engine, 'ana', 'support', 12, { skills: ['es'] }))).toEqual([]);
    expect(engine.position('ana')).toMatchObject({ ahead: 0, agentsServing: 1, agentsFree: 0 });
  });

  it('lets an agent who gains a skill take the callers waiting for it', () => {
    const engine = engineFor([{ name: 'support' }]);
    logIn(engine, 'a', { queues: [{ queue: 'support' }] }, 0);
    arrive(engine, 'maria', 'support', 5, { skills: ['es'] });
    expect(
      offers(engine.agentProfileSet('a', { skills: ['es'], queues: [{ queue: 'support' }] }, at(6))),
    ).toEqual(['maria>a']);
  });
});

/** Three agents a1, a2, a3 free in `q` after a history given in the warm-up queue `w`. */
function threeAgents(strategy: AgentStrategy, levels: [number, number, number] = [1, 1, 1]): RoutingEngine {
  const engine = engineFor([
    { name: 'q', strategy, wrapUpSeconds: 0 },
    { name: 'w', wrapUpSeconds: 0 },
  ]);
  levels.forEach((level, index) => {
    engine.agentProfileSet(`a${index + 1}`, { queues: [{ queue: 'q', level }, { queue: 'w' }] }, at(0));
  });
  return engine;
}

let warmUpCalls = 0;

/** A call in the warm-up queue that only `agentId` can take (the caller prefers them). */
function callFor(engine: RoutingEngine, agentId: string, start: number, talkSeconds: number): void {
  const callerId = `warm-up-${warmUpCalls++}`;
  const preferredAgent = { agentId, until: at(start + 1) };
  expect(offers(arrive(engine, callerId, 'w', start, { preferredAgent }))).toEqual([
    `${callerId}>${agentId}`,
  ]);
  talk(engine, callerId, agentId, start, talkSeconds);
}

describe('agent selection strategies', () => {
  it('longest idle: the agent free the longest', () => {
    const engine = threeAgents('longest-idle');
    engine.agentPresenceChanged('a2', 'available', at(0));
    engine.agentPresenceChanged('a3', 'available', at(5));
    engine.agentPresenceChanged('a1', 'available', at(10));
    expect(offers(arrive(engine, 'c', 'q', 20))).toEqual(['c>a2']);
    expect(offers(arrive(engine, 'd', 'q', 21))).toEqual(['d>a3']);
  });

  it('fewest calls today: the agent with the fewest answered calls, then longest idle', () => {
    const engine = threeAgents('fewest-calls');
    for (const agent of ['a1', 'a2', 'a3']) engine.agentPresenceChanged(agent, 'available', at(0));
    callFor(engine, 'a1', 0, 1);
    callFor(engine, 'a1', 1, 1);
    callFor(engine, 'a3', 2, 1);
    engine.agentPresenceChanged('a2', 'away', at(9));
    engine.agentPresenceChanged('a2', 'available', at(10));
    // idle since: a1 2 s, a3 3 s, a2 10 s; calls: a1 2, a3 1, a2 0
    expect(offers(arrive(engine, 'c', 'q', 20))).toEqual(['c>a2']);
    expect(offers(arrive(engine, 'd', 'q', 21))).toEqual(['d>a3']);
    expect(engine.agent('a1')?.callsToday).toBe(2);
    engine.dailyCountersReset(at(22));
    expect(engine.agent('a1')?.callsToday).toBe(0);
  });

  it('least talk time: the agent who talked least today, then longest idle', () => {
    const engine = threeAgents('least-talk-time');
    for (const agent of ['a1', 'a2', 'a3']) engine.agentPresenceChanged(agent, 'available', at(0));
    callFor(engine, 'a3', 0, 50);
    callFor(engine, 'a1', 50, 100);
    callFor(engine, 'a2', 150, 10);
    // idle since: a3 50 s, a1 150 s, a2 160 s; talk: a1 100 s, a3 50 s, a2 10 s
    expect(offers(arrive(engine, 'c', 'q', 300))).toEqual(['c>a2']);
    expect(offers(arrive(engine, 'd', 'q', 301))).toEqual(['d>a3']);
    expect(offers(arrive(engine, 'e', 'q', 302))).toEqual(['e>a1']);
  });

  it('round robin: the next agent after the one last offered, wrapping round', () => {
    const engine = threeAgents('round-robin');
    for (const agent of ['a3', 'a2', 'a1']) engine.agentPresenceChanged(agent, 'available', at(0));
    const picked: string[] = [];
    for (let i = 0; i < 5; i++) {
      const [offer] = offers(arrive(engine, `c${i}`, 'q', 10 * i + 1));
      picked.push(offer);
      talk(engine, `c${i}`, offer.split('>')[1], 10 * i + 1, 2);
    }
    expect(picked).toEqual(['c0>a1', 'c1>a2', 'c2>a3', 'c3>a1', 'c4>a2']);
  });

  it('lowest level first: the most proficient level, then longest idle', () => {
    const engine = threeAgents('lowest-level', [3, 1, 2]);
    for (const agent of ['a1', 'a2', 'a3']) engine.agentPresenceChanged(agent, 'available', at(0));
    expect(offers(arrive(engine, 'c', 'q', 10))).toEqual(['c>a2']);
    expect(offers(arrive(engine, 'd', 'q', 11))).toEqual(['d>a3']);
    expect(offers(arrive(engine, 'e', 'q', 12))).toEqual(['e>a1']);
  });
});
