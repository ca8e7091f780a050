import fc from 'fast-check';
import { OrderedIndex, type OrderedKey } from './ordered-index';

type Step = { insert: boolean; key: OrderedKey; weight: number };

describe('OrderedIndex', () => {
  it('agrees with a sorted list under any inserts and removals', () => {
    const step = fc.record({
      insert: fc.boolean(),
      key: fc.record({ at: fc.integer({ min: 0, max: 50 }), id: fc.constantFrom('a', 'b', 'c', 'd') }),
      weight: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 200 }),
        fc.integer({ min: -1, max: 51 }),
        (steps: Step[], probe) => {
          const index = new OrderedIndex(1);
          const model = new Map<string, Step>();
          for (const s of steps) {
            const name = `${s.key.at}/${s.key.id}`;
            if (s.insert && !model.has(name)) {
              index.insert(s.key, [s.weight]);
              model.set(name, s);
            } else if (!s.insert) {
              expect(index.remove(s.key)).toBe(model.delete(name));
            }
          }
          const sorted = [...model.values()].sort(
            (a, b) => a.key.at - b.key.at || a.key.id.localeCompare(b.key.id),
          );
          const probeKey = { at: probe, id: 'b' };
          const before = (s: Step) => s.key.at < probe || (s.key.at === probe && s.key.id < 'b');
          const after = sorted.filter((s) => s.key.at > probe);
          expect(index.size).toBe(sorted.length);
          expect(index.first()).toEqual(sorted[0]?.key ?? null);
          expect(index.countAtMost(probe)).toBe(sorted.filter((s) => s.key.at <= probe).length);
          expect(index.countBefore(probeKey)).toBe(sorted.filter(before).length);
          expect(index.totalsAfter(probe)).toEqual({
            count: after.length,
            sums: [after.reduce((sum, s) => sum + s.weight, 0)],
          });
        },
      ),
    );
  });

  it('stays shallow enough for long lines', () => {
    const index = new OrderedIndex();
    for (let i = 0; i < 100_000; i++) index.insert({ at: i, id: 'x' });
    for (let i = 0; i < 99_999; i++) index.remove({ at: i, id: 'x' });
    expect(index.first()).toEqual({ at: 99_999, id: 'x' });
  });
});
