/** A heap entry: due time (ms), a sequence number that orders equal times, and its heap slot. */
export interface HeapSlot {
  at: number;
  readonly seq: number;
  index: number;
}

function before(a: HeapSlot, b: HeapSlot): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/**
 * A binary min-heap of deadlines ordered by (at, seq). Entries know their slot, so removing or
 * moving one is O(log n) without searching.
 */
export class TimerHeap<T extends HeapSlot> {
  private readonly slots: T[] = [];

  get size(): number {
    return this.slots.length;
  }

  peek(): T | undefined {
    return this.slots[0];
  }

  push(entry: T): void {
    entry.index = this.slots.length;
    this.slots.push(entry);
    this.siftUp(entry.index);
  }

  remove(entry: T): void {
    const index = entry.index;
    if (index < 0) return;
    entry.index = -1;
    const last = this.slots.pop() as T;
    if (index === this.slots.length) return;
    this.slots[index] = last;
    last.index = index;
    this.siftUp(index);
    this.siftDown(last.index);
  }

  pop(): T | undefined {
    const top = this.slots[0];
    if (top !== undefined) this.remove(top);
    return top;
  }

  private siftUp(start: number): void {
    const slots = this.slots;
    const entry = slots[start];
    let index = start;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = slots[parentIndex];
      if (!before(entry, parent)) break;
      slots[index] = parent;
      parent.index = index;
      index = parentIndex;
    }
    slots[index] = entry;
    entry.index = index;
  }

  private siftDown(start: number): void {
    const slots = this.slots;
    const count = slots.length;
    const entry = slots[start];
    let index = start;
    for (;;) {
      const leftIndex = 2 * index + 1;
      if (leftIndex >= count) break;
      const rightIndex = leftIndex + 1;
      const childIndex =
        rightIndex < count && before(slots[rightIndex], slots[leftIndex]) ? rightIndex : leftIndex;
      const child = slots[childIndex];
      if (!before(child, entry)) break;
      slots[index] = child;
      child.index = index;
      index = childIndex;
    }
    slots[index] = entry;
    entry.index = index;
  }
}
