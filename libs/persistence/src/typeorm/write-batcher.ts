import { performance } from 'node:perf_hooks';
import { DataSource, EntityManager } from 'typeorm';

/** Commits a batch of writes atomically, answering each write in order. */
export type CommitBatch<W, R> = (writes: W[]) => Promise<R[]>;

interface Pending<W, R> {
  write: W;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 200;
const ATTEMPTS_ALONE = 3;
/**
 * The least time between the starts of two commits on a database server. Under load each commit
 * then carries the writes of a few milliseconds, so the server sees a few hundred transactions a
 * second instead of one per webhook (MariaDB at 2,500 webhooks/s, gaps of 2 and 4 ms measured:
 * 18–27 % of its CPU and 8–14 % of Hotline's saved; a longer gap saves more CPU but delays every
 * answer, see docs/benchmarks.md). SQLite commits inside Hotline's process, with no round trip
 * to save: there a wait would only be added to every answer.
 */
const SERVER_COMMIT_GAP_MS = 3;

export function commitGapOf(dataSource: DataSource): number {
  return dataSource.options.type === 'better-sqlite3' ? 0 : SERVER_COMMIT_GAP_MS;
}

/**
 * Group commit: writes that arrive while a transaction is being committed, or within the commit
 * gap after the last one started, wait and go together in the next one, so hundreds of webhooks a
 * second cost a handful of disk syncs while each caller still gets its answer only after its own
 * write is durable. A write that finds the batcher idle is committed at once. If a batch fails
 * (e.g. a sequence number taken by another instance), each write is retried on its own so one bad
 * write never fails its neighbours.
 */
export class WriteBatcher<W, R> {
  private queue: Pending<W, R>[] = [];
  private running: Promise<void> | null = null;
  private lastStart = -Infinity;

  constructor(
    private readonly commitBatch: CommitBatch<W, R>,
    private readonly gapMs = 0,
  ) {}

  run(write: W): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.running ??= this.drain();
    });
  }

  /** Resolves when every write handed in so far is committed (for graceful shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        // Let the requests already received hand in their writes first: with a synchronous
        // driver (SQLite) nothing else would run between two commits, and no batch would form.
        await new Promise((resolve) => setImmediate(resolve));
        await this.gapPassed();
        this.lastStart = performance.now();
        await this.commit(this.queue.splice(0, MAX_BATCH));
      }
    } finally {
      this.running = null;
    }
  }

  /** Resolves once the gap has passed by this clock: a Node timer may fire a millisecond early. */
  private async gapPassed(): Promise<void> {
    const due = this.lastStart + this.gapMs;
    for (let wait = due - performance.now(); wait > 0; wait = due - performance.now()) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private async commit(batch: Pending<W, R>[]): Promise<void> {
    try {
      const results = await this.commitBatch(batch.map((pending) => pending.write));
      batch.forEach((pending, index) => pending.resolve(results[index]));
    } catch {
      for (const pending of batch) await this.commitAlone(pending);
    }
  }

  private async commitAlone(pending: Pending<W, R>): Promise<void> {
    let lastError: unknown;
    for (let attempt = 0; attempt < ATTEMPTS_ALONE; attempt++) {
      try {
        const [result] = await this.commitBatch([pending.write]);
        pending.resolve(result);
        return;
      } catch (error) {
        lastError = error;
      }
    }
    pending.reject(lastError);
  }
}

type Operation = (manager: EntityManager) => Promise<unknown>;

/** A batcher of arbitrary operations, run one after the other in one transaction per batch. */
export class OperationBatcher {
  private readonly batcher: WriteBatcher<Operation, unknown>;

  constructor(dataSource: DataSource) {
    this.batcher = new WriteBatcher(
      (operations) =>
        dataSource.transaction(async (manager) => {
          const results: unknown[] = [];
          for (const operation of operations) results.push(await operation(manager));
          return results;
        }),
      commitGapOf(dataSource),
    );
  }

  run<T>(operation: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.batcher.run(operation) as Promise<T>;
  }

  idle(): Promise<void> {
    return this.batcher.idle();
  }
}
