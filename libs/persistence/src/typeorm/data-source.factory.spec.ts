import {
  describeMysql,
  freshMysql,
  freshSqlite,
  TestDatabase,
} from '../../../../test/support/test-databases';
import { openDataSource } from './data-source.factory';

async function pendingSchemaChanges(database: TestDatabase): Promise<string[]> {
  const dataSource = await openDataSource(database.target, true);
  try {
    const log = await dataSource.driver.createSchemaBuilder().log();
    return log.upQueries.map((query) => query.query);
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}

async function migrateTwice(database: TestDatabase): Promise<number> {
  const first = await openDataSource(database.target, true);
  await first.destroy();
  const second = await openDataSource(database.target, true);
  try {
    return (await second.query('SELECT COUNT(*) AS n FROM migrations'))[0].n;
  } finally {
    await second.destroy();
    await database.drop();
  }
}

describe('schema on SQLite', () => {
  it('the migrations build exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(freshSqlite())).toEqual([]);
  });

  it('applying migrations at every boot applies each one once', async () => {
    expect(Number(await migrateTwice(freshSqlite()))).toBe(4);
  });
});

describeMysql('schema on MySQL/MariaDB', () => {
  it('the migrations build exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(await freshMysql('schema'))).toEqual([]);
  });

  it('applying migrations at every boot applies each one once', async () => {
    expect(Number(await migrateTwice(await freshMysql('schema2')))).toBe(4);
  });
});
