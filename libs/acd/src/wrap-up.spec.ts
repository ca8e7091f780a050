import { arrive, at, engineFor, logIn, offers, types } from './test-support/engine-driver';

const inQ = { queues: [{ queue: 'q' }] };

function busyAgent(wrapUpSeconds: number) {
  const engine = engineFor([{ name: 'q', wrapUpSeconds }]);
  logIn(engine, 'a', inQ, 0);
  arrive(engine, 'c1', 'q', 0);
  engine.offerAnswered('c1', at(1));
  arrive(engine, 'c2', 'q', 5);
  return engine;
}

describe('wrap-up', () => {
  it('holds the agent for the queue wrap-up time after the call', () => {
    const engine = busyAgent(30);
    const ended = engine.callEnded('a', at(60));
    expect(ended).toEqual([{ type: 'wrapup-started', at: at(60), agentId: 'a', queue: 'q', endsAt: at(90) }]);
    expect(engine.agent('a')?.state).toBe('wrap-up');
    expect(engine.nextDeadline()).toBe(at(90));
    const done = engine.tick(at(90));
    expect(done[0]).toEqual({
      type: 'wrapup-ended',
      at: at(90),
      agentId: 'a',
      why: 'timer',
      next: 'available',
    });
    expect(offers(done)).toEqual(['c2>a']);
  });

  it('ends early when the agent records a disposition', () => {
    const engine = busyAgent(30);
    engine.callEnded('a', at(60));
    const done = engine.dispositionRecorded('a', at(70));
    expect(done[0]).toMatchObject({ type: 'wrapup-ended', why: 'disposition', next: 'available' });
    expect(offers(done)).toEqual(['c2>a']);
  });

  it('skips the wait when the disposition was recorded during the call', () => {
    const engine = busyAgent(30);
    engine.dispositionRecorded('a', at(50));
    expect(types(engine.callEnded('a', at(60)))).toEqual(['wrapup-started', 'wrapup-ended', 'offer']);
  });

  it('applies a presence chosen during the call when wrap-up ends', () => {
    const engine = busyAgent(0);
    engine.agentPresenceChanged('a', 'away', at(30), 'lunch');
    const ended = engine.callEnded('a', at(60));
    expect(ended[1]).toMatchObject({ type: 'wrapup-ended', next: 'away' });
    expect(offers(ended)).toEqual([]);
    expect(engine.agent('a')).toMatchObject({ state: 'away', reason: 'lunch' });
  });

  it('counts a wrap-up of zero seconds as started and ended at once', () => {
    const engine = busyAgent(0);
    const ended = engine.callEnded('a', at(60));
    expect(types(ended)).toEqual(['wrapup-started', 'wrapup-ended', 'offer']);
    expect(ended[1]).toMatchObject({ why: 'timer', at: at(60) });
  });
});
