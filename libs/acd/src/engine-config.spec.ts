import { AcdError } from './acd-error';
import { resolveConfig } from './engine-config';
import type { QueueConfig } from './acd-config';

const tiers = [{ name: 'standard', headStartSeconds: 0 }];

function problem(queues: QueueConfig[]): string {
  try {
    resolveConfig({ queues, tiers });
  } catch (error) {
    expect(error).toBeInstanceOf(AcdError);
    expect((error as AcdError).code).toBe('ACD.INVALID_CONFIG');
    return (error as AcdError).message;
  }
  throw new Error('the configuration was accepted');
}

describe('resolveConfig', () => {
  it('fills in the documented defaults, in ms', () => {
    const [queue] = resolveConfig({ queues: [{ name: 'q' }], tiers }).queues;
    expect(queue).toMatchObject({
      strategy: 'longest-idle',
      ringMs: 20_000,
      wrapUpMs: 30_000,
      missesBeforePause: 2,
      reofferMs: 10_000,
      skills: [],
    });
  });

  it('rejects an overflow to an unknown queue or to itself', () => {
    expect(problem([{ name: 'a', overflow: { afterSeconds: 5, queue: 'b' } }])).toMatch(/overflow queue b/);
    expect(problem([{ name: 'a', overflow: { afterSeconds: 5, queue: 'a' } }])).toMatch(/overflow queue a/);
  });

  it('rejects queue routes that go round in a cycle', () => {
    const message = problem([
      { name: 'a', maxWait: { seconds: 60, route: { kind: 'queue', target: 'b' } } },
      { name: 'b', noAgents: { route: { kind: 'queue', target: 'a' } } },
    ]);
    expect(message).toMatch(/cycle: a -> b -> a/);
  });

  it('rejects bad numbers and duplicate names', () => {
    expect(problem([{ name: 'a', ringSeconds: 0 }])).toMatch(/ringSeconds/);
    expect(problem([{ name: 'a', missesBeforePause: 0 }])).toMatch(/missesBeforePause/);
    expect(problem([{ name: 'a' }, { name: 'a' }])).toMatch(/unique/);
  });
});
