import { DataSource } from 'typeorm';
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
    let runners: number;

    beforeEach(async () => {
      database = await fresh();
      dataSource = await openDataSource(database.target, true);
      runners = 0;
      const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
      dataSource.createQueryRunner = (mode) => {
        runners++;
        return createQueryRunner(mode);
      };
    });
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
      expect(runners).toBe(1);
      expect(opened.created).toBe(true);
      expect((await ledger.events(SID)).map((event) => event.type)).toEqual(['call.received']);
      expect(await journal.since(T0)).toEqual([entered(SID, T0)]);
    });

    it('stores each write of a refused batch on its own, whichever store it belongs to', async () => {
      // Stored by an earlier instance: this one presumes the call new, and its INSERT fails on the key.
      await storesOf(new SharedCommit(dataSource)).ledger.open(newCall(SID, T0), received(T0));
      const { ledger, journal } = storesOf(new SharedCommit(dataSource));
      const [retried, other] = await Promise.all([
        ledger.open({ ...newCall(SID, T0 + 5), tier: 'gold' }, received(T0 + 5)),
        ledger.open(newCall(OTHER, T0 + 5), received(T0 + 5)),
        journal.append(entered(OTHER, T0 + 5)),
      ]);
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
