import {
  describeMysql,
  freshMysql,
  freshSqlite,
  TestDatabase,
} from '../../../../test/support/test-databases';
import { describeContactLogContract } from '../ports/contact-log.contract';
import { describeCustomerDirectoryContract } from '../ports/customer-directory.contract';
import { TypeormContactLog } from './contact-log.typeorm';
import { TypeormCustomerDirectory } from './customer-directory.typeorm';
import { openDataSource } from './data-source.factory';

async function storesOn(database: TestDatabase) {
  const dataSource = await openDataSource(database.target, true);
  return {
    customers: new TypeormCustomerDirectory(dataSource),
    contacts: new TypeormContactLog(dataSource),
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

describeCustomerDirectoryContract('TypeORM on SQLite', () => storesOn(freshSqlite()));
describeContactLogContract('TypeORM on SQLite', () => storesOn(freshSqlite()));

describeMysql('on MySQL/MariaDB', () => {
  describeCustomerDirectoryContract('TypeORM on MySQL', async () => storesOn(await freshMysql('customers')));
  describeContactLogContract('TypeORM on MySQL', async () => storesOn(await freshMysql('contacts')));
});
