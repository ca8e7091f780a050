import { DataSource } from 'typeorm';
import {
  describeMysql,
  freshMysql,
  freshSqlite,
  TestDatabase,
} from '../../../../test/support/test-databases';
import { describeCallLedgerContract, newCall, received } from '../ports/call-ledger.contract';
import { TypeormCallLedger } from './call-ledger.typeorm';
import { openDataSource } from './data-source.factory';
import { SharedCommit } from './shared-commit';

async function ledgerOn(database: TestDatabase) {
  const dataSource = await openDataSource(database.target, true);
  const ledger = new TypeormCallLedger(dataSource, new SharedCommit(dataSource));
  return {
    ledger,
    close: async () => {
      await ledger.flush();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

const SID = 'CA' + 'b'.repeat(32);
const OTHER = 'CA' + 'c'.repeat(32);
const T0 = 1_763_800_000_000;
const step = (key: string, at: number) =>
  ({
    type: 'ivr.step',
    at,
    key,
    data: { node: 'main-menu', input: '1', attempt: 1 },
  }) as const;

/**
 * A second ledger on the same database knows nothing of what the first one wrote, as after a
 * restart: what it is asked to write must still agree with what is stored.
 */
function describeRestart(name: string, fresh: () => Promise<TestDatabase>) {
  describe(`TypeormCallLedger after a restart: ${name}`, () => {
    let database: TestDatabase;
    let dataSource: DataSource;

    beforeEach(async () => {
      database = await fresh();
      dataSource = await openDataSource(database.target, true);
    });
    afterEach(async () => {
      await dataSource.destroy();
      await database.drop();
    });

    it('answers a retried Voice URL with the stored call, and goes on with its sequence', async () => {
      const before = new TypeormCallLedger(dataSource, new SharedCommit(dataSource));
      await before.open(newCall(SID, T0), received(T0));
      await before.recordAll(SID, [step('ivr:1', T0 + 1)], { language: 'en-US' });
      await before.flush();

      const after = new TypeormCallLedger(dataSource, new SharedCommit(dataSource));
      // The retry shares its batch with a new call: the rolled-back batch must lose neither.
      const [retry, other] = await Promise.all([
        after.open({ ...newCall(SID, T0 + 5), tier: 'gold' }, received(T0 + 5)),
        after.open(newCall(OTHER, T0 + 5), received(T0 + 5)),
      ]);
      expect(retry.created).toBe(false);
      expect(retry.call).toMatchObject({ tier: 'standard', language: 'en-US', receivedAt: T0 });
      expect(other.created).toBe(true);
      expect(await after.record(SID, step('ivr:1', T0 + 6))).toBe(false);
      expect(await after.record(SID, step('ivr:2', T0 + 7))).toBe(true);
      expect((await after.events(SID)).map((event) => [event.seq, event.at])).toEqual([
        [0, T0],
        [1, T0 + 1],
        [2, T0 + 7],
      ]);
      expect((await after.events(OTHER)).map((event) => event.type)).toEqual(['call.received']);
      const status = await after.applyStatus(SID, { status: 'in-progress', sequence: 1, at: T0 + 8 });
      expect(status).toEqual({ recorded: true, newest: true });
      expect(await after.find(SID)).toMatchObject({ status: 'in-progress', statusSeq: 1, language: 'en-US' });
      await after.flush();
    });
  });
}

describeCallLedgerContract('TypeORM on SQLite', () => ledgerOn(freshSqlite()));
describeRestart('SQLite', async () => freshSqlite());

describeMysql('on MySQL/MariaDB', () => {
  describeCallLedgerContract('TypeORM on MySQL', async () => ledgerOn(await freshMysql('ledger')));
  describeRestart('MySQL', () => freshMysql('ledger_restart'));
});
