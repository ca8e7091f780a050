import { answer, arrive, at, engineFor, logIn, offers, talk } from './test-support/engine-driver';

const queues = [
  { name: 'q1', wrapUpSeconds: 0 },
  { name: 'q2', wrapUpSeconds: 0 },
];

describe('agents serving several queues (routing profiles)', () => {
  it('serves a priority 1 queue before a priority 2 queue, whatever the wait', () => {
    const engine = engineFor(queues);
    logIn(
      engine,
      'a',
      {
        queues: [
          { queue: 'q1', priority: 1 },
          { queue: 'q2', priority: 2 },
        ],
      },
      0,
    );
    arrive(engine, 'busy', 'q1', 0);
    answer(engine, 'busy', 'a', 0);
    arrive(engine, 'old-in-q2', 'q2', 1);
    arrive(engine, 'new-in-q1', 'q1', 50);
    expect(offers(engine.callEnded('a', at(100)))).toEqual(['new-in-q1>a']);
    expect(offers(talk(engine, 'new-in-q1', 'a', 100, 10))).toEqual(['old-in-q2>a']);
  });

  it('takes the best score across queues of the same priority', () => {
    const engine = engineFor(queues);
    logIn(engine, 'a', { queues: [{ queue: 'q1' }, { queue: 'q2' }] }, 0);
    arrive(engine, 'busy', 'q1', 0);
    answer(engine, 'busy', 'a', 0);
    arrive(engine, 'std-q2', 'q2', 10); // score 10
    arrive(engine, 'std-q1', 'q1', 20); // score 20
    arrive(engine, 'gold-q1', 'q1', 65, { tier: 'gold' }); // score 5
    expect(offers(engine.callEnded('a', at(100)))).toEqual(['gold-q1>a']);
    expect(offers(talk(engine, 'gold-q1', 'a', 100, 1))).toEqual(['std-q2>a']);
    expect(offers(talk(engine, 'std-q2', 'a', 101, 1))).toEqual(['std-q1>a']);
  });

  it('takes a caller from a delayed queue only once they have waited the delay', () => {
    const engine = engineFor(queues);
    logIn(engine, 'a', { queues: [{ queue: 'q1', delaySeconds: 30 }] }, 0);
    expect(offers(arrive(engine, 'c', 'q1', 10))).toEqual([]);
    expect(engine.nextDeadline()).toBe(at(40));
    expect(offers(engine.tick(at(39.999)))).toEqual([]);
    expect(offers(engine.tick(at(40)))).toEqual(['c>a']);
  });

  it('uses the delay to let a later priority take over while the delayed queue waits', () => {
    const engine = engineFor(queues);
    const profile = {
      queues: [
        { queue: 'q1', priority: 1, delaySeconds: 60 },
        { queue: 'q2', priority: 2 },
      ],
    };
    logIn(engine, 'a', profile, 0);
    arrive(engine, 'busy', 'q2', 0);
    answer(engine, 'busy', 'a', 0);
    arrive(engine, 'in-q1', 'q1', 5);
    arrive(engine, 'in-q2', 'q2', 10);
    // at 20 s in-q1 has waited 15 s of the 60 s delay, so the priority 2 caller goes first
    expect(offers(engine.callEnded('a', at(20)))).toEqual(['in-q2>a']);
    // the agent is free at 30 s; in-q1 becomes eligible at 65 s
    expect(offers(talk(engine, 'in-q2', 'a', 20, 10))).toEqual([]);
    expect(engine.nextDeadline()).toBe(at(65));
    expect(offers(engine.tick(at(65)))).toEqual(['in-q1>a']);
  });

  it('gives a newly eligible caller to a delayed agent while an undelayed one is busy', () => {
    const engine = engineFor(queues);
    logIn(engine, 'first-line', { queues: [{ queue: 'q1' }] }, 0);
    logIn(engine, 'backup', { queues: [{ queue: 'q1', delaySeconds: 30 }] }, 0);
    expect(offers(arrive(engine, 'c1', 'q1', 1))).toEqual(['c1>first-line']);
    answer(engine, 'c1', 'first-line', 1);
    expect(offers(arrive(engine, 'c2', 'q1', 2))).toEqual([]);
    arrive(engine, 'c3', 'q1', 3);
    expect(offers(engine.tick(at(32)))).toEqual(['c2>backup']);
    expect(engine.position('c3')?.ahead).toBe(0);
  });
});
