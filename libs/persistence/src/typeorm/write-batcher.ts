import { DataSource, EntityManager } from 'typeorm';

type Operation<T> = (manager: EntityManager) => Promise<T>;

interface Pending {
  operation: Operation<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 200;
const ATTEMPTS_ALONE = 3;

/**
 * Group commit: writes that arrive while a transaction is being committed wait and go together
 * in the next one, so hundreds of webhooks a second cost a handful of disk syncs while each
 * caller still gets its answer only after its own write is durable. If a batch fails (e.g. a
 * sequence number taken by another instance), each write is retried on its own so one bad write
 * never fails its neighbours.
 */
export class WriteBatcher {
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  run<T>(operation: Operation<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ operation, resolve: resolve as (value: unknown) => void, reject });
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
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.commit(batch);
      }
    } finally {
      this.running = null;
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    const results: unknown[] = [];
    try {
      await this.dataSource.transaction(async (manager) => {
        for (const pending of batch) results.push(await pending.operation(manager));
      });
      batch.forEach((pending, index) => pending.resolve(results[index]));
    } catch {
      for (const pending of batch) await this.commitAlone(pending);
    }
  }

  private async commitAlone(pending: Pending): Promise<void> {
    let lastError: unknown;
    for (let attempt = 0; attempt < ATTEMPTS_ALONE; attempt++) {
      try {
        pending.resolve(await this.dataSource.transaction((manager) => pending.operation(manager)));
        return;
      } catch (error) {
        lastError = error;
      }
    }
    pending.reject(lastError);
  }
}
