import fc from 'fast-check';
import { TimerHeap, type HeapSlot } from './timer-heap';

describe('TimerHeap', () => {
  it('pops by time then sequence, also after removals from the middle', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }),
        fc.array(fc.nat(), { maxLength: 50 }),
        (times, removals) => {
          const heap = new TimerHeap<HeapSlot>();
          const entries = times.map((time, seq) => ({ at: time, seq, index: -1 }));
          for (const entry of entries) heap.push(entry);
          const removed = new Set<HeapSlot>();
          for (const pick of removals) {
            if (entries.length === 0) break;
            const entry = entries[pick % entries.length];
            heap.remove(entry);
            removed.add(entry);
          }
          const expected = entries
            .filter((entry) => !removed.has(entry))
            .sort((a, b) => a.at - b.at || a.seq - b.seq)
            .map((entry) => entry.seq);
          const popped: number[] = [];
          for (let entry = heap.pop(); entry !== undefined; entry = heap.pop()) popped.push(entry.seq);
          expect(popped).toEqual(expected);
        },
      ),
    );
  });
});
