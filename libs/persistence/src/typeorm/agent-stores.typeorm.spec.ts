import {
  describeMysql,
  freshMysql,
  freshSqlite,
  TestDatabase,
} from '../../../../test/support/test-databases';
import { describeAgentStoresContract } from '../ports/agent-log.contract';
import { TypeormAgentLog, TypeormRoutingJournal } from './agent-stores.typeorm';
import { openDataSource } from './data-source.factory';
import { SharedCommit } from './shared-commit';

async function storesOn(database: TestDatabase) {
  const dataSource = await openDataSource(database.target, true);
  const log = new TypeormAgentLog(dataSource);
  const journal = new TypeormRoutingJournal(dataSource, new SharedCommit(dataSource));
  return {
    log,
    journal,
    close: async () => {
      await log.flush();
      await journal.flush();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

describeAgentStoresContract('TypeORM on SQLite', () => storesOn(freshSqlite()));

describeMysql('on MySQL/MariaDB', () => {
  describeAgentStoresContract('TypeORM on MySQL', async () => storesOn(await freshMysql('agents')));
});
