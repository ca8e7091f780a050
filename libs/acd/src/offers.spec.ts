import { arrive, at, engineFor, logIn, offers, types } from './test-support/engine-driver';

const inQ = { queues: [{ queue: 'q' }] };

describe('offers', () => {
  it('offers a caller to one agent at a time with the queue ring timeout', () => {
    const engine = engineFor([{ name: 'q', ringSeconds: 15 }]);
    logIn(engine, 'a', inQ, 0);
    expect(arrive(engine, 'c', 'q', 10)).toEqual([
      {
        type: 'offer',
        at: at(10),
        callerId: 'c',
        agentId: 'a',
        queue: 'q',
        via: 'queue',
        ringSeconds: 15,
        expiresAt: at(25),
      },
    ]);
    expect(engine.agent('a')).toMatchObject({ state: 'reserved', callerId: 'c' });
    expect(engine.nextDeadline()).toBe(at(25));
  });

  it('keeps the caller first after a ring timeout and offers them to the next agent, not the same one', () => {
    const engine = engineFor([{ name: 'q', ringSeconds: 20 }]);
    arrive(engine, 'first', 'q', 0);
    arrive(engine, 'second', 'q', 5);
    expect(offers(logIn(engine, 'a', inQ, 10))).toEqual(['first>a']);
    const expiry = engine.tick(at(30));
    expect(expiry[0]).toEqual({
      type: 'offer-expired',
      at: at(30),
      callerId: 'first',
      agentId: 'a',
      queue: 'q',
    });
    expect(offers(expiry)).toEqual(['second>a']);
    expect(engine.position('first')?.ahead).toBe(0);
    arrive(engine, 'third', 'q', 31);
    expect(engine.position('third')?.ahead).toBe(1);
    expect(offers(logIn(engine, 'b', inQ, 32))).toEqual(['first>b']);
  });

  it('offers the caller to the agent who missed them again once the reoffer time is over', () => {
    const engine = engineFor([{ name: 'q', ringSeconds: 20, reofferAfterSeconds: 10, missesBeforePause: 3 }]);
    logIn(engine, 'a', inQ, 0);
    expect(offers(arrive(engine, 'c', 'q', 0))).toEqual(['c>a']);
    expect(offers(engine.tick(at(20)))).toEqual([]);
    expect(engine.nextDeadline()).toBe(at(30));
    expect(offers(engine.tick(at(30)))).toEqual(['c>a']);
  });

  it('pauses an agent after N consecutive misses of any kind', () => {
    const engine = engineFor([{ name: 'q', ringSeconds: 20, missesBeforePause: 3 }]);
    logIn(engine, 'a', inQ, 0);
    for (const id of ['c1', 'c2', 'c3', 'c4']) arrive(engine, id, 'q', 0);
    expect(engine.agent('a')?.callerId).toBe('c1');
    expect(offers(engine.offerMissed('c1', 'declined', at(1)))).toEqual(['c2>a']);
    expect(offers(engine.offerMissed('c2', 'failed', at(2)))).toEqual(['c3>a']);
    const third = engine.tick(at(22));
    expect(types(third)).toEqual(['offer-expired', 'agent-paused']);
    expect(third[1]).toEqual({
      type: 'agent-paused',
      at: at(22),
      agentId: 'a',
      reason: 'missed-offers',
      misses: 3,
    });
    expect(engine.agent('a')).toMatchObject({ state: 'away', reason: 'missed-offers' });
    expect(offers(engine.agentPresenceChanged('a', 'available', at(40)))).toEqual(['c1>a']);
    expect(engine.agent('a')?.misses).toBe(0);
  });

  it('pauses after 2 misses by default, counting only consecutive ones', () => {
    const engine = engineFor([{ name: 'q' }]);
    logIn(engine, 'a', inQ, 0);
    for (const id of ['c1', 'c2', 'c3']) arrive(engine, id, 'q', 0);
    engine.offerMissed('c1', 'declined', at(1));
    engine.offerAnswered('c2', at(2));
    engine.dispositionRecorded('a', at(3));
    expect(offers(engine.callEnded('a', at(4)))).toEqual(['c3>a']);
    // c1 and c3 both skip the agent who just missed them, so nobody is offered until c1's reoffer time
    expect(engine.offerMissed('c3', 'declined', at(5))).toEqual([]);
    expect(offers(engine.tick(at(11)))).toEqual(['c1>a']);
    expect(types(engine.offerMissed('c1', 'declined', at(12)))).toEqual(['agent-paused']);
  });

  it('withdraws the offer when the caller hangs up and gives the agent the next caller', () => {
    const engine = engineFor([{ name: 'q' }]);
    logIn(engine, 'a', inQ, 0);
    arrive(engine, 'c1', 'q', 1);
    arrive(engine, 'c2', 'q', 2);
    const left = engine.callerLeft('c1', at(3));
    expect(left[0]).toMatchObject({
      type: 'offer-withdrawn',
      callerId: 'c1',
      agentId: 'a',
      why: 'caller-left',
    });
    expect(offers(left)).toEqual(['c2>a']);
    expect(engine.agent('a')?.misses).toBe(0);
  });

  it('withdraws the offer when the agent goes away and offers the caller to another agent', () => {
    const engine = engineFor([{ name: 'q' }]);
    logIn(engine, 'a', inQ, 0);
    logIn(engine, 'b', inQ, 1);
    arrive(engine, 'c', 'q', 2);
    const away = engine.agentPresenceChanged('a', 'away', at(3), 'break');
    expect(types(away)).toEqual(['offer-withdrawn', 'offer']);
    expect(offers(away)).toEqual(['c>b']);
    expect(engine.agent('a')).toMatchObject({ state: 'away', reason: 'break' });
  });

  it('ignores an answer or a miss for an offer that is already over', () => {
    const engine = engineFor([{ name: 'q', ringSeconds: 10 }]);
    logIn(engine, 'a', inQ, 0);
    arrive(engine, 'c', 'q', 0);
    expect(types(engine.offerAnswered('c', at(11)))).toEqual(['offer-expired']);
    expect(engine.offerMissed('c', 'no-answer', at(11))).toEqual([]);
    expect(engine.agent('a')?.state).toBe('available');
  });
});
