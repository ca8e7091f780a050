/**
 * The servers the load benchmark measures, each listening on loopback in this process: Hotline
 * booted through the production bootstrap on a fresh SQLite file or a fresh MariaDB database, and a
 * bare Fastify server answering one static TwiML document (the ceiling of HTTP on this machine).
 */
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastify from 'fastify';
import { Connection, createConnection, RowDataPacket } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node:querystring';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { bootstrap } from '../apps/hotline/src/bootstrap';
import { Account } from './load-protocol';

export type TargetName = 'bare' | 'sqlite' | 'mariadb';

export interface LoadTarget {
  name: TargetName;
  origin: string;
  /** The database server's settings that shape how long a commit takes; null for SQLite and the bare server. */
  server: string | null;
  /** call_events rows stored per call whose CallSid starts with CA + prefix; null when nothing is stored. */
  storedEvents(callSidPrefix: string): Promise<Map<string, number> | null>;
  close(): Promise<void>;
}

export const BENCH_ACCOUNT: Account = {
  accountSid: 'AC' + randomBytes(16).toString('hex'),
  authToken: randomBytes(16).toString('hex'),
  publicBaseUrl: 'https://hotline.example.com',
};

/** A document of the size and shape Hotline answers with; it names every URL the call script follows. */
const CEILING_TWIML = (base: string) =>
  '<?xml version="1.0" encoding="UTF-8"?><Response>' +
  `<Gather action="${base}/twilio/ivr?flow=main&amp;node=main-menu&amp;attempt=1&amp;lang=en-US" ` +
  'input="dtmf speech" timeout="6" numDigits="1" language="en-US">' +
  '<Say voice="Polly.Joanna-Neural" language="en-US">For billing, press 1 or say billing. ' +
  'For technical support, press 2 or say support. To buy a new plan, press 3 or say sales.</Say>' +
  `</Gather><Enqueue waitUrl="${base}/twilio/queue/wait?lang=en-US" ` +
  `action="${base}/twilio/queue/left">billing</Enqueue></Response>`;

function originOf(address: AddressInfo | string | null): string {
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

export async function startBareServer(): Promise<LoadTarget> {
  const server = fastify({ logger: false });
  server.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, parse(body as string)),
  );
  const twiml = CEILING_TWIML(BENCH_ACCOUNT.publicBaseUrl);
  server.post('/twilio/status', async (_request, reply) => reply.status(204).send());
  server.post('/*', async (_request, reply) => reply.type('text/xml; charset=utf-8').send(twiml));
  await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    name: 'bare',
    origin: originOf(server.server.address()),
    server: null,
    storedEvents: async () => null,
    close: () => server.close(),
  };
}

interface FreshDatabase {
  url: string;
  server: string | null;
  drop(): Promise<void>;
}

function freshSqlite(): FreshDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-bench-'));
  return {
    url: `sqlite:${join(dir, 'hotline.db')}`,
    server: null,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const MB = 1024 * 1024;

/**
 * What a run's MariaDB figures depend on besides Hotline: a small redo log fills under a steady
 * stream of commits, and InnoDB must then flush pages to make room while it commits.
 */
async function commitSettings(connection: Connection): Promise<string> {
  const [rows] = await connection.query<RowDataPacket[]>(
    'SELECT VERSION() AS version, @@innodb_log_file_size AS redo, @@innodb_buffer_pool_size AS pool, ' +
      '@@innodb_io_capacity AS io, @@innodb_flush_log_at_trx_commit AS flush',
  );
  const { version, redo, pool, io, flush } = rows[0];
  return (
    `${version}, redo log ${Math.round(Number(redo) / MB)} MB, buffer pool ${Math.round(Number(pool) / MB)} MB, ` +
    `innodb_io_capacity ${io}, innodb_flush_log_at_trx_commit ${flush}`
  );
}

async function freshMariadb(serverUrl: string): Promise<FreshDatabase> {
  const server = new URL(serverUrl);
  server.pathname = '/';
  const name = `hotline_bench_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection(server.toString());
  let settings: string;
  try {
    settings = await commitSettings(admin);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    server: settings,
    drop: async () => {
      const connection = await createConnection(server.toString());
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    },
  };
}

/** Hotline as production starts it, on a database created for this run and dropped afterwards. */
export async function startHotline(
  db: 'sqlite' | 'mariadb',
  options: { mariadbUrl: string; configDir: string; account: Account },
): Promise<LoadTarget> {
  const database = db === 'sqlite' ? freshSqlite() : await freshMariadb(options.mariadbUrl);
  let app: NestFastifyApplication | undefined;
  try {
    app = await bootstrap({
      env: {
        DATABASE_URL: database.url,
        PUBLIC_BASE_URL: options.account.publicBaseUrl,
        TWILIO_ACCOUNT_SID: options.account.accountSid,
        TWILIO_AUTH_TOKEN: options.account.authToken,
        SANDBOX: 'on',
        CONFIG_DIR: options.configDir,
        LOG_LEVEL: 'warn',
      },
      // stdout carries the benchmark's JSON lines; Hotline's own warnings go beside them on stderr.
      logDestination: pino.destination(2),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app?.close();
    await database.drop();
    throw error;
  }
  const running = app;
  const dataSource = running.get(DataSource);
  return {
    name: db,
    origin: originOf(running.getHttpServer().address()),
    server: database.server,
    storedEvents: async (prefix) => {
      const rows: { callSid: string; stored: number | string }[] = await dataSource.query(
        'SELECT call_sid AS callSid, COUNT(*) AS stored FROM call_events WHERE call_sid LIKE ? GROUP BY call_sid',
        [`CA${prefix}%`],
      );
      return new Map(rows.map((row) => [row.callSid, Number(row.stored)]));
    },
    close: async () => {
      await running.close();
      await database.drop();
    },
  };
}
