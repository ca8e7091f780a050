import {
  describeMysql,
  freshMysql,
  freshSqlite,
  TestDatabase,
} from '../../../../test/support/test-databases';
import { describeCallLedgerContract } from '../ports/call-ledger.contract';
import { TypeormCallLedger } from './call-ledger.typeorm';
import { openDataSource } from './data-source.factory';

async function ledgerOn(database: TestDatabase) {
  const dataSource = await openDataSource(database.target, true);
  const ledger = new TypeormCallLedger(dataSource);
  return {
    ledger,
    close: async () => {
      await ledger.flush();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

describeCallLedgerContract('TypeORM on SQLite', () => ledgerOn(freshSqlite()));

describeMysql('on MySQL/MariaDB', () => {
  describeCallLedgerContract('TypeORM on MySQL', async () => ledgerOn(await freshMysql('ledger')));
});
