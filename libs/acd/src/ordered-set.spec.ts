import fc from 'fast-check';
import { OrderedSet } from './ordered-set';

type Op = { insert: boolean; value: number };

describe('OrderedSet', () => {
  it('agrees with a sorted array under random inserts and removes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ insert: fc.boolean(), value: fc.integer({ min: 0, max: 60 }) }), {
          maxLength: 300,
        }),
        fc.integer({ min: -5, max: 65 }),
        (ops: Op[], probe) => {
          const set = new OrderedSet<number>((a, b) => a - b);
          const model: number[] = [];
          for (const op of ops) {
            const index = model.indexOf(op.value);
            if (op.insert && index < 0) {
              set.insert(op.value);
              model.push(op.value);
              model.sort((a, b) => a - b);
            } else if (!op.insert && index >= 0) {
              set.remove(op.value);
              model.splice(index, 1);
            }
            expect(set.size).toBe(model.length);
            expect(set.first()).toBe(model[0]);
          }
          expect(set.countBefore((item) => item - probe)).toBe(model.filter((item) => item < probe).length);
          expect(set.firstFrom((item) => item - probe)).toBe(model.find((item) => item >= probe));
          expect(set.after(probe)).toBe(model.find((item) => item > probe));
        },
      ),
    );
  });

  it('walks in order from the first item with after()', () => {
    const set = new OrderedSet<number>((a, b) => a - b);
    for (const value of [5, 1, 9, 3, 7]) set.insert(value);
    const walked: number[] = [];
    for (let item = set.first(); item !== undefined; item = set.after(item)) walked.push(item);
    expect(walked).toEqual([1, 3, 5, 7, 9]);
  });
});
