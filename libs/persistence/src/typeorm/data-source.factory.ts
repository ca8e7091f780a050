import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, DataSourceOptions } from 'typeorm';
import { CallEventEntity } from './entities/call-event.entity';
import { CallEntity } from './entities/call.entity';
import { CustomerEntity } from './entities/customer.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';
import { AgentEventEntity } from './entities/agent-event.entity';
import { AgentEntity } from './entities/agent.entity';
import { RoutingInputEntity } from './entities/routing-input.entity';
import { ContactEntity } from './entities/contact.entity';
import { IntervalStatEntity } from './entities/interval-stat.entity';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema.migration';
import { AgentsAndRouting1763900000000 } from './migrations/1763900000000-agents-and-routing.migration';
import { IntervalStats1764000000000 } from './migrations/1764000000000-interval-stats.migration';
import { Crm1764100000000 } from './migrations/1764100000000-crm.migration';

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'mysql'; url: string };

/** Every entity and every migration, in order. A new table adds its entity and migration here. */
export const ENTITIES = [
  CustomerEntity,
  CallEntity,
  CallEventEntity,
  UserEntity,
  RefreshTokenEntity,
  AgentEntity,
  AgentEventEntity,
  RoutingInputEntity,
  IntervalStatEntity,
  ContactEntity,
];
export const MIGRATIONS = [
  InitialSchema1763800000000,
  AgentsAndRouting1763900000000,
  IntervalStats1764000000000,
  Crm1764100000000,
];

function optionsFor(target: DatabaseTarget, flavour: 'mysql' | 'mariadb'): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, logging: false } as const;
  if (target.kind === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: target.path,
      // WAL lets readers run beside the writer; FULL makes every commit survive a power cut,
      // which is what "durably stored before the webhook answers" promises.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    ...common,
    type: flavour,
    url: target.url.replace(/^mariadb:/, 'mysql:'),
    charset: 'utf8mb4_unicode_ci',
    supportBigNumbers: true,
    bigNumberStrings: false,
    // A batch of writes goes to the server as one multi-statement transaction, one round trip
    // (every statement Hotline sends is parameterised; nothing is built from input text).
    multipleStatements: true,
    // The group-commit writers hold a connection each while they commit; reads need the rest.
    poolSize: 20,
    extra: { connectionLimit: 20 },
  };
}

/**
 * TypeORM reads MariaDB's catalogue differently from MySQL's (defaults, generated columns), so
 * the server is asked what it is rather than trusting the URL scheme.
 */
async function mysqlFlavour(url: string): Promise<'mysql' | 'mariadb'> {
  const connection = await createConnection(url.replace(/^mariadb:/, 'mysql:'));
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test((rows as { version: string }[])[0].version) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

/** Opens the database; with `migrate`, applies pending migrations before returning. */
export async function openDataSource(target: DatabaseTarget, migrate: boolean): Promise<DataSource> {
  if (target.kind === 'sqlite' && target.path !== ':memory:')
    mkdirSync(dirname(target.path), { recursive: true });
  const flavour = target.kind === 'mysql' ? await mysqlFlavour(target.url) : 'mysql';
  const dataSource = new DataSource(optionsFor(target, flavour));
  await dataSource.initialize();
  if (migrate) await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
