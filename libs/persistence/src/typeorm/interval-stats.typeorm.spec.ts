import {
  describeMysql,
  freshMysql,
  freshSqlite,
  TestDatabase,
} from '../../../../test/support/test-databases';
import { describeIntervalStatsContract } from '../ports/interval-stats.contract';
import { openDataSource } from './data-source.factory';
import { TypeormIntervalStatsStore } from './interval-stats.typeorm';

async function storeOn(database: TestDatabase) {
  const dataSource = await openDataSource(database.target, true);
  return {
    store: new TypeormIntervalStatsStore(dataSource),
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

describeIntervalStatsContract('TypeORM on SQLite', () => storeOn(freshSqlite()));

describeMysql('on MySQL/MariaDB', () => {
  describeIntervalStatsContract('TypeORM on MySQL', async () => storeOn(await freshMysql('intervals')));
});
