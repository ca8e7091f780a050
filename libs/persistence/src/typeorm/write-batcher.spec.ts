import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { WriteBatcher } from './write-batcher';

/** A store that commits batches of numbers, taking `commitMs` per commit, and notes when each began. */
function store(commitMs: number, refuse = new Set<number>()) {
  const commits: { writes: number[]; startedAt: number }[] = [];
  const stored: number[] = [];
  const commitBatch = async (writes: number[]) => {
    commits.push({ writes, startedAt: performance.now() });
    await sleep(commitMs);
    if (writes.some((write) => refuse.has(write))) throw new Error('refused');
    stored.push(...writes);
    return writes.map((write) => write * 10);
  };
  return { commits, stored, commitBatch };
}

describe('WriteBatcher', () => {
  it('commits the writes handed in during a commit, or within the gap after it started, together in the next', async () => {
    const { commits, commitBatch } = store(5);
    const batcher = new WriteBatcher(commitBatch, 40);
    const first = batcher.run(1);
    await sleep(10);
    const rest = [batcher.run(2), batcher.run(3)];
    await sleep(15);
    rest.push(batcher.run(4));

    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(commits.map((commit) => commit.writes)).toEqual([[1], [2, 3, 4]]);
    expect(commits[1].startedAt - commits[0].startedAt).toBeGreaterThanOrEqual(40);
  });

  it('commits a write that finds it idle at once, without waiting for a gap', async () => {
    const { commits, commitBatch } = store(1);
    const batcher = new WriteBatcher(commitBatch, 200);
    const first = performance.now();
    await batcher.run(1);
    // The gap after the first commit has passed: the next write waits for nothing either.
    await sleep(250);
    const second = performance.now();
    await batcher.run(2);

    expect(commits[0].startedAt - first).toBeLessThan(100);
    expect(commits[1].startedAt - second).toBeLessThan(100);
  });

  it('refuses a failing write alone and commits its neighbours', async () => {
    const { stored, commitBatch } = store(1, new Set([2]));
    const batcher = new WriteBatcher(commitBatch, 0);
    const results = await Promise.allSettled([batcher.run(1), batcher.run(2), batcher.run(3)]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(stored.sort()).toEqual([1, 3]);
  });

  it('resolves idle() once every write handed in so far is committed', async () => {
    const { stored, commitBatch } = store(5);
    const batcher = new WriteBatcher(commitBatch, 10);
    void batcher.run(1);
    void batcher.run(2);
    await batcher.idle();
    expect(stored).toEqual([1, 2]);
  });
});
