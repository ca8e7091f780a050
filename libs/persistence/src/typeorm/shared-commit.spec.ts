import { DataSource, QueryRunner } from 'typeorm';
import {
  describeMysql,
  freshMysql,
  freshSqlite,
  TestDatabase,
} from '../../../../test/support/test-databases';
import { newCall, received } from '../ports/call-ledger.contract';
import { TypeormRoutingJournal } from './agent-stores.typeorm';
import { TypeormCallLedger } from './call-ledger.typeorm';
import { openDataSource } from './data-source.factory';
import { SharedCommit } from './shared-commit';

const SID = 'CA' + 'd'.repeat(32);
const OTHER = 'CA' + 'e'.repeat(32);
const T0 = 1_763_800_000_000;
const entered = (callSid: string, at: number) => ({
  at,
  kind: 'caller-entered',
  data: { callerId: callSid },
});

function describeSharedCommit(name: string, fresh: () => Promise<TestDatabase>) {
  describe(`SharedCommit: ${name}`, () => {
    let database: TestDatabase;
    let dataSource: DataSource;
    /** Query runners taken from the pool: one per transaction or lone statement. */
    let taken: number;
    /** Every statement sent, in order. */
    let sent: string[];

    beforeEach(async () => {
      database = await fresh();
      dataSource = await openDataSource(database.target, true);
      taken = 0;
      sent = [];
      const wrapped = new WeakSet<QueryRunner>();
      const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
      dataSource.createQueryRunner = (mode) => {
        taken++;
        // SQLite hands out its one runner every time: it is wrapped once.
        const runner = createQueryRunner(mode);
        if (wrapped.has(runner)) return runner;
        wrapped.add(runner);
        const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
        runner.query = ((sql: string, ...rest: unknown[]) => {
          sent.push(sql);
          return query(sql, ...rest);
        }) as typeof runner.query;
        return runner;
      };
    });
    /**
     * Whether rows of both tables were sent to be committed as one: in one multi-statement query
     * (MySQL/MariaDB) or between one BEGIN and its COMMIT or ROLLBACK (SQLite).
     */
    const together = (a: string, b: string) => {
      const units: string[][] = [];
      let open: string[] | null = null;
      for (const sql of sent) {
        if (sql === 'BEGIN TRANSACTION') open = [];
        else if (open && (sql === 'COMMIT' || sql === 'ROLLBACK')) {
          units.push(open);
          open = null;
        } else if (open) open.push(sql);
        else units.push([sql]);
      }
      return units.some(
        (unit) =>
          unit.some((sql) => sql.includes(`INSERT INTO ${a}`)) &&
          unit.some((sql) => sql.includes(`INSERT INTO ${b}`)),
      );
    };
    afterEach(async () => {
      await dataSource.destroy();
      await database.drop();
    });

    const storesOf = (commits: SharedCommit) => ({
      ledger: new TypeormCallLedger(dataSource, commits),
      journal: new TypeormRoutingJournal(dataSource, commits),
    });

    it('stores a call and a routing input handed in together in one transaction', async () => {
      const { ledger, journal } = storesOf(new SharedCommit(dataSource));
      const [opened] = await Promise.all([
        ledger.open(newCall(SID, T0), received(T0)),
        journal.append(entered(SID, T0)),
      ]);
      expect(taken).toBe(1);
      expect(together('calls', 'routing_inputs')).toBe(true);
      expect(opened.created).toBe(true);
      expect((await ledger.events(SID)).map((event) => event.type)).toEqual(['call.received']);
      expect(await journal.since(T0)).toEqual([entered(SID, T0)]);
    });

    it('stores each write of a refused batch on its own, whichever store it belongs to', async () => {
      // Stored by an earlier instance: this one presumes the call new, and its INSERT fails on the key.
      await storesOf(new SharedCommit(dataSource)).ledger.open(newCall(SID, T0), received(T0));
      sent = [];
      const { ledger, journal } = storesOf(new SharedCommit(dataSource));
      // The journal's input first, so that SQLite, which runs a batch statement by statement,
      // has sent its row when the stored call's key refuses the batch.
      const [, retried, other] = await Promise.all([
        journal.append(entered(OTHER, T0 + 5)),
        ledger.open({ ...newCall(SID, T0 + 5), tier: 'gold' }, received(T0 + 5)),
        ledger.open(newCall(OTHER, T0 + 5), received(T0 + 5)),
      ]);
      // Tried together first, refused as a whole.
      expect(together('calls', 'routing_inputs')).toBe(true);
      expect(retried).toMatchObject({ created: false, call: { tier: 'standard', receivedAt: T0 } });
      expect(other.created).toBe(true);
      expect((await ledger.events(SID)).map((event) => event.at)).toEqual([T0]);
      expect((await ledger.events(OTHER)).map((event) => event.at)).toEqual([T0 + 5]);
      expect(await journal.since(T0)).toEqual([entered(OTHER, T0 + 5)]);
    });
  });
}

describeSharedCommit('SQLite', async () => freshSqlite());
describeMysql('on MySQL/MariaDB', () => {
  describeSharedCommit('MySQL', () => freshMysql('shared_commit'));
});
