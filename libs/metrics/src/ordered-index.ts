/** A position in an ordered index: time first, then an id that makes the key unique. */
export interface OrderedKey {
  readonly at: number;
  readonly id: string;
}

export interface RangeTotals {
  count: number;
  sums: number[];
}

interface TreapNode {
  readonly key: OrderedKey;
  readonly weights: readonly number[];
  readonly priority: number;
  left: TreapNode | null;
  right: TreapNode | null;
  size: number;
  sums: number[];
}

function compareKeys(a: OrderedKey, b: OrderedKey): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

function sizeOf(node: TreapNode | null): number {
  return node === null ? 0 : node.size;
}

/**
 * Keys ordered by time with per-key weights, giving the first key, ranks and weight totals of a
 * time range in O(log n). A treap: balanced on average by priorities that only need to look
 * random, so they come from a seeded xorshift and the index stays deterministic.
 */
export class OrderedIndex {
  private root: TreapNode | null = null;
  private seed = 0x2545f491;

  constructor(private readonly dimensions = 0) {}

  get size(): number {
    return sizeOf(this.root);
  }

  insert(key: OrderedKey, weights: readonly number[] = []): void {
    if (weights.length !== this.dimensions) {
      throw new RangeError(`expected ${this.dimensions} weights, got ${weights.length}`);
    }
    const node: TreapNode = {
      key,
      weights,
      priority: this.nextPriority(),
      left: null,
      right: null,
      size: 1,
      sums: [...weights],
    };
    const [before, rest] = this.split(this.root, key, false);
    this.root = this.merge(this.merge(before, node), rest);
  }

  /** Removes the key; false when it was not there. */
  remove(key: OrderedKey): boolean {
    const [before, rest] = this.split(this.root, key, false);
    const [same, after] = this.split(rest, key, true);
    this.root = this.merge(before, after);
    return same !== null;
  }

  first(): OrderedKey | null {
    let node = this.root;
    while (node?.left) node = node.left;
    return node === null ? null : node.key;
  }

  /** How many keys have `key.at <= at`. */
  countAtMost(at: number): number {
    let count = 0;
    let node = this.root;
    while (node !== null) {
      if (node.key.at <= at) {
        count += sizeOf(node.left) + 1;
        node = node.right;
      } else {
        node = node.left;
      }
    }
    return count;
  }

  /** How many keys come before `key`. */
  countBefore(key: OrderedKey): number {
    let count = 0;
    let node = this.root;
    while (node !== null) {
      if (compareKeys(node.key, key) < 0) {
        count += sizeOf(node.left) + 1;
        node = node.right;
      } else {
        node = node.left;
      }
    }
    return count;
  }

  /** Count and weight sums of the keys with `key.at > at`. */
  totalsAfter(at: number): RangeTotals {
    const totals: RangeTotals = { count: 0, sums: new Array<number>(this.dimensions).fill(0) };
    let node = this.root;
    while (node !== null) {
      if (node.key.at > at) {
        this.addTo(totals, node.weights, 1);
        if (node.right !== null) this.addTo(totals, node.right.sums, node.right.size);
        node = node.left;
      } else {
        node = node.right;
      }
    }
    return totals;
  }

  private addTo(totals: RangeTotals, sums: readonly number[], count: number): void {
    totals.count += count;
    for (let i = 0; i < this.dimensions; i++) totals.sums[i] += sums[i];
  }

  /** Splits into keys before `key` and the rest, or with `inclusive` into keys up to `key` and the rest. */
  private split(
    node: TreapNode | null,
    key: OrderedKey,
    inclusive: boolean,
  ): [TreapNode | null, TreapNode | null] {
    if (node === null) return [null, null];
    const order = compareKeys(node.key, key);
    if (order < 0 || (inclusive && order === 0)) {
      const [middle, right] = this.split(node.right, key, inclusive);
      node.right = middle;
      return [this.update(node), right];
    }
    const [left, middle] = this.split(node.left, key, inclusive);
    node.left = middle;
    return [left, this.update(node)];
  }

  private merge(left: TreapNode | null, right: TreapNode | null): TreapNode | null {
    if (left === null) return right;
    if (right === null) return left;
    if (left.priority > right.priority) {
      left.right = this.merge(left.right, right);
      return this.update(left);
    }
    right.left = this.merge(left, right.left);
    return this.update(right);
  }

  private update(node: TreapNode): TreapNode {
    node.size = 1 + sizeOf(node.left) + sizeOf(node.right);
    for (let i = 0; i < this.dimensions; i++) {
      node.sums[i] = node.weights[i] + (node.left?.sums[i] ?? 0) + (node.right?.sums[i] ?? 0);
    }
    return node;
  }

  private nextPriority(): number {
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed;
  }
}
