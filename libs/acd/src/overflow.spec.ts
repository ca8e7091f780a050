import { answer, arrive, at, engineFor, logIn, offers, types } from './test-support/engine-driver';

const queues = [
  { name: 'sales', wrapUpSeconds: 0, overflow: { afterSeconds: 60, queue: 'general' } },
  { name: 'general', wrapUpSeconds: 0 },
];

describe('overflow', () => {
  it('makes a caller eligible for the overflow queue agents after the overflow time', () => {
    const engine = engineFor(queues);
    logIn(engine, 'g', { queues: [{ queue: 'general' }] }, 0);
    expect(offers(arrive(engine, 'c', 'sales', 0))).toEqual([]);
    expect(engine.nextDeadline()).toBe(at(60));
    const overflowed = engine.tick(at(60));
    expect(overflowed).toEqual([
      { type: 'caller-overflowed', at: at(60), callerId: 'c', queue: 'sales', overflowQueue: 'general' },
      {
        type: 'offer',
        at: at(60),
        callerId: 'c',
        agentId: 'g',
        queue: 'sales',
        via: 'overflow',
        ringSeconds: 20,
        expiresAt: at(80),
      },
    ]);
  });

  it('keeps the score: an overflowed caller goes before later callers of the overflow queue', () => {
    const engine = engineFor(queues);
    logIn(engine, 'g', { queues: [{ queue: 'general' }] }, 0);
    arrive(engine, 'busy', 'general', 0);
    answer(engine, 'busy', 'g', 0);
    arrive(engine, 'early-sales', 'sales', 10);
    arrive(engine, 'general-caller', 'general', 30);
    engine.tick(at(70));
    expect(engine.position('general-caller')?.ahead).toBe(1);
    expect(offers(engine.callEnded('g', at(100)))).toEqual(['early-sales>g']);
  });

  it('prefers the own queue agents when both are free for an overflowed caller', () => {
    const engine = engineFor([{ ...queues[0], ringSeconds: 100 }, queues[1]]);
    logIn(engine, 'x', { queues: [{ queue: 'sales' }] }, 0);
    expect(offers(arrive(engine, 'c', 'sales', 0))).toEqual(['c>x']);
    expect(engine.tick(at(60))).toEqual([]);
    logIn(engine, 'g', { queues: [{ queue: 'general' }] }, 61);
    logIn(engine, 's', { queues: [{ queue: 'sales' }] }, 62);
    const missed = engine.offerMissed('c', 'declined', at(63));
    expect(types(missed)).toEqual(['caller-overflowed', 'offer']);
    expect(missed[1]).toMatchObject({ callerId: 'c', agentId: 's', via: 'queue' });
  });

  it('does not announce the overflow twice when the caller comes back from a missed offer', () => {
    const engine = engineFor(queues);
    logIn(engine, 'g', { queues: [{ queue: 'general' }] }, 0);
    arrive(engine, 'c', 'sales', 0);
    engine.tick(at(60));
    expect(types(engine.offerMissed('c', 'declined', at(65)))).toEqual([]);
    expect(types(logIn(engine, 's', { queues: [{ queue: 'sales' }] }, 66))).toEqual(['offer']);
  });
});
