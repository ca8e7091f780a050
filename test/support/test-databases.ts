import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/** MariaDB/MySQL server for the MySQL suites; without it those suites report themselves skipped. */
export const MYSQL_URL = process.env.MYSQL_URL;

export const describeMysql = MYSQL_URL ? describe : describe.skip;

export interface TestDatabase {
  /** A DATABASE_URL value for Hotline. */
  url: string;
  target: { kind: 'sqlite'; path: string } | { kind: 'mysql'; url: string };
  drop(): Promise<void>;
}

/** A fresh SQLite file in its own temporary directory. */
export function freshSqlite(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-test-'));
  const path = join(dir, 'hotline.db');
  return {
    url: `sqlite:${path}`,
    target: { kind: 'sqlite', path },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh, recognisably named MySQL database (hotline_test_<suite>_<random>), dropped afterwards. */
export async function freshMysql(suite: string): Promise<TestDatabase> {
  if (!MYSQL_URL) throw new Error('MYSQL_URL is not set');
  const server = new URL(MYSQL_URL);
  const name = `hotline_test_${suite.replace(/[^a-z0-9]/gi, '_')}_${Math.random().toString(36).slice(2, 8)}`;
  server.pathname = '/';
  const admin = await createConnection(server.toString());
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    target: { kind: 'mysql', url: url.toString() },
    drop: async () => {
      const connection = await createConnection(server.toString());
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}
