import { DataSource } from 'typeorm';
import { runAtomically, Statement } from './statements';
import { commitGapOf, WriteBatcher } from './write-batcher';

/** The statements that store a store's share of a batch, and what it does once they are committed or refused. */
export interface CommitPlan<R> {
  statements: Statement[];
  /** Each write's answer, in the order the writes were handed in. */
  committed(): R[];
  refused(): void;
}

/** A store whose writes are committed together with other stores' writes. */
export interface CommitParticipant<W, R> {
  plan(writes: W[]): Promise<CommitPlan<R>>;
}

interface Entry {
  participant: CommitParticipant<unknown, unknown>;
  write: unknown;
}

/**
 * One group commit shared by several stores of a database. Writes handed in while a commit runs,
 * or within the commit gap, go into the next one whichever store they belong to: a routing input
 * and the call events a webhook handed in with it are then stored in the same transaction, one
 * commit and one round trip instead of one each. (Events handed in later, e.g. after reading their
 * call, go into a later commit; and a batch is at most 200 writes.) Each store plans its own share
 * of a batch, one store after the other and one batch at a time, so a store always plans on what
 * its previous batch left. A batch that fails, in any store's planning or in the database, is
 * refused as a whole: each store forgets what it planned, and the batcher commits each write on its
 * own, so one bad write never fails its neighbours, whichever store they belong to.
 */
export class SharedCommit {
  private readonly batcher: WriteBatcher<Entry, unknown>;

  constructor(private readonly dataSource: DataSource) {
    this.batcher = new WriteBatcher((entries) => this.commit(entries), commitGapOf(dataSource));
  }

  run<W, R>(participant: CommitParticipant<W, R>, write: W): Promise<R> {
    return this.batcher.run({ participant, write } as Entry) as Promise<R>;
  }

  /** Resolves when every write handed in so far is committed. */
  idle(): Promise<void> {
    return this.batcher.idle();
  }

  private async commit(entries: Entry[]): Promise<unknown[]> {
    const shares = new Map<CommitParticipant<unknown, unknown>, number[]>();
    for (const [index, { participant }] of entries.entries()) {
      const indexes = shares.get(participant);
      if (indexes) indexes.push(index);
      else shares.set(participant, [index]);
    }
    const plans: { indexes: number[]; plan: CommitPlan<unknown> }[] = [];
    try {
      for (const [participant, indexes] of shares) {
        plans.push({ indexes, plan: await participant.plan(indexes.map((index) => entries[index].write)) });
      }
      await runAtomically(
        this.dataSource,
        plans.flatMap(({ plan }) => plan.statements),
      );
    } catch (error) {
      for (const { plan } of plans) plan.refused();
      throw error;
    }
    const answers: unknown[] = new Array(entries.length);
    for (const { indexes, plan } of plans) {
      plan.committed().forEach((answer, position) => (answers[indexes[position]] = answer));
    }
    return answers;
  }
}
