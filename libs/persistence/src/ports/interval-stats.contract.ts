import { IntervalStatRecord, IntervalStatsStore } from './interval-stats.port';

const Q0 = 1_763_800_200_000;
const QUARTER = 15 * 60 * 1000;

function record(
  intervalStart: number,
  queue: string,
  tier: string | null,
  offered: number,
): IntervalStatRecord {
  return {
    intervalStart,
    queue,
    tier,
    offered,
    answered: offered - 1,
    answeredWithinThreshold: offered - 2,
    abandoned: 1,
    abandonedWithinThreshold: 1,
    shortAbandoned: 0,
    routedElsewhere: 0,
    callbacks: 0,
    handled: offered - 1,
    answeredWaitMs: 12_345,
    handleMs: 3_000_000_000_123,
    serviceLevelFormula: 'F4',
    serviceLevelThresholdSeconds: 20,
  };
}

/** The behaviour every IntervalStatsStore adapter must have. */
export function describeIntervalStatsContract(
  name: string,
  open: () => Promise<{ store: IntervalStatsStore; close(): Promise<void> }>,
) {
  describe(`interval statistics contract: ${name}`, () => {
    let store: IntervalStatsStore;
    let close: () => Promise<void>;

    beforeEach(async () => {
      ({ store, close } = await open());
    });
    afterEach(() => close());

    it('gives back what was saved, in interval, queue, tier order, the queue before its tiers', async () => {
      await store.save([
        record(Q0 + QUARTER, 'billing', null, 4),
        record(Q0, 'sales', 'gold', 3),
        record(Q0, 'billing', 'standard', 5),
        record(Q0, 'billing', null, 9),
        record(Q0, 'billing', 'gold', 4),
      ]);
      expect(await store.between(Q0, Q0 + 2 * QUARTER)).toEqual([
        record(Q0, 'billing', null, 9),
        record(Q0, 'billing', 'gold', 4),
        record(Q0, 'billing', 'standard', 5),
        record(Q0, 'sales', 'gold', 3),
        record(Q0 + QUARTER, 'billing', null, 4),
      ]);
    });

    it('selects by half-open time range and by queue', async () => {
      await store.save([
        record(Q0 - QUARTER, 'billing', null, 2),
        record(Q0, 'billing', null, 3),
        record(Q0, 'sales', null, 4),
        record(Q0 + QUARTER, 'billing', null, 5),
      ]);
      expect((await store.between(Q0, Q0 + QUARTER)).map((r) => [r.queue, r.offered])).toEqual([
        ['billing', 3],
        ['sales', 4],
      ]);
      expect((await store.between(Q0 - QUARTER, Q0 + 2 * QUARTER, 'billing')).map((r) => r.offered)).toEqual([
        2, 3, 5,
      ]);
      expect(await store.between(Q0, Q0 + QUARTER, 'support')).toEqual([]);
    });

    it('replaces a record of the same interval, queue and tier instead of adding one', async () => {
      await store.save([record(Q0, 'billing', null, 3), record(Q0, 'billing', 'gold', 2)]);
      await store.save([record(Q0, 'billing', null, 7)]);
      expect(await store.between(Q0, Q0 + QUARTER)).toEqual([
        record(Q0, 'billing', null, 7),
        record(Q0, 'billing', 'gold', 2),
      ]);
    });

    it('saves a whole day of many queues and tiers at once', async () => {
      const day = Array.from({ length: 96 }, (_, quarter) =>
        ['a', 'b', 'c', 'd', 'e'].flatMap((queue) =>
          [null, 'gold', 'silver', 'standard'].map((tier) => record(Q0 + quarter * QUARTER, queue, tier, 2)),
        ),
      ).flat();
      await store.save(day);
      expect(await store.between(Q0, Q0 + 96 * QUARTER)).toHaveLength(96 * 5 * 4);
    });
  });
}
