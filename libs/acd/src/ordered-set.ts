/** A total order: negative when `a` comes first, zero only for the same item. */
export type Compare<T> = (a: T, b: T) => number;

/**
 * Where an item lies relative to a point of the order: negative when the item comes before it,
 * zero or positive when at or after it. It must agree with the set's order.
 */
export type Probe<T> = (item: T) => number;

class TreapNode<T> {
  left: TreapNode<T> | null = null;
  right: TreapNode<T> | null = null;
  size = 1;

  constructor(
    readonly item: T,
    readonly priority: number,
  ) {}
}

function sizeOf<T>(node: TreapNode<T> | null): number {
  return node === null ? 0 : node.size;
}

function resize<T>(node: TreapNode<T>): void {
  node.size = 1 + sizeOf(node.left) + sizeOf(node.right);
}

function rotateRight<T>(node: TreapNode<T>): TreapNode<T> {
  const top = node.left as TreapNode<T>;
  node.left = top.right;
  top.right = node;
  top.size = node.size;
  resize(node);
  return top;
}

function rotateLeft<T>(node: TreapNode<T>): TreapNode<T> {
  const top = node.right as TreapNode<T>;
  node.right = top.left;
  top.left = node;
  top.size = node.size;
  resize(node);
  return top;
}

function join<T>(a: TreapNode<T> | null, b: TreapNode<T> | null): TreapNode<T> | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.priority > b.priority) {
    a.right = join(a.right, b);
    resize(a);
    return a;
  }
  b.left = join(a, b.left);
  resize(b);
  return b;
}

/**
 * A sorted set with order statistics, O(log n) expected per operation: a treap. Its node
 * priorities come from a fixed-seed xorshift generator, so the same operations always build the
 * same tree and the engine stays deterministic.
 */
export class OrderedSet<T> {
  private root: TreapNode<T> | null = null;
  /** The smallest item, kept because heads are read far more often than they change. */
  private smallest: T | undefined;
  private seed = 0x2545f491;

  constructor(private readonly compare: Compare<T>) {}

  get size(): number {
    return sizeOf(this.root);
  }

  insert(item: T): void {
    this.root = this.insertInto(this.root, new TreapNode(item, this.nextPriority()));
    if (this.smallest === undefined || this.compare(item, this.smallest) < 0) this.smallest = item;
  }

  remove(item: T): void {
    this.root = this.removeFrom(this.root, item);
    if (item === this.smallest) this.smallest = this.leftmost();
  }

  first(): T | undefined {
    return this.smallest;
  }

  /** The first item at or after the point the probe describes. */
  firstFrom(probe: Probe<T>): T | undefined {
    let node = this.root;
    let found: T | undefined;
    while (node !== null) {
      if (probe(node.item) >= 0) {
        found = node.item;
        node = node.left;
      } else {
        node = node.right;
      }
    }
    return found;
  }

  /** The item that follows `item`, which need not be in the set. */
  after(item: T): T | undefined {
    return this.firstFrom((other) => (this.compare(other, item) > 0 ? 0 : -1));
  }

  /** How many items lie before the point the probe describes. */
  countBefore(probe: Probe<T>): number {
    let node = this.root;
    let count = 0;
    while (node !== null) {
      if (probe(node.item) < 0) {
        count += sizeOf(node.left) + 1;
        node = node.right;
      } else {
        node = node.left;
      }
    }
    return count;
  }

  private leftmost(): T | undefined {
    let node = this.root;
    if (node === null) return undefined;
    while (node.left !== null) node = node.left;
    return node.item;
  }

  private nextPriority(): number {
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x;
    return x >>> 0;
  }

  private insertInto(node: TreapNode<T> | null, fresh: TreapNode<T>): TreapNode<T> {
    if (node === null) return fresh;
    node.size++;
    if (this.compare(fresh.item, node.item) < 0) {
      const left = this.insertInto(node.left, fresh);
      node.left = left;
      return left.priority > node.priority ? rotateRight(node) : node;
    }
    const right = this.insertInto(node.right, fresh);
    node.right = right;
    return right.priority > node.priority ? rotateLeft(node) : node;
  }

  private removeFrom(node: TreapNode<T> | null, item: T): TreapNode<T> | null {
    if (node === null) return null;
    const side = this.compare(item, node.item);
    if (side === 0) return join(node.left, node.right);
    if (side < 0) node.left = this.removeFrom(node.left, item);
    else node.right = this.removeFrom(node.right, item);
    resize(node);
    return node;
  }
}
