import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

const nullability = (nullable: boolean) => ({ isNullable: nullable });
const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  ...nullability(nullable),
});
const millis = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'bigint',
  ...nullability(nullable),
});

/** Customers, calls, the call event log, users and refresh tokens. */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'customers',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('phone', 20),
          text('name', 200),
          text('tier', 64),
          text('language', 16),
          millis('created_at'),
          millis('updated_at'),
        ],
        indices: [{ name: 'uq_customers_phone', columnNames: ['phone'], isUnique: true }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'calls',
        columns: [
          { ...text('call_sid', 34), isPrimary: true },
          text('account_sid', 34),
          text('direction', 16),
          text('from_number', 64),
          text('to_number', 64),
          text('customer_id', 36, true),
          text('language', 16),
          text('tier', 64),
          { name: 'ivr_path', type: 'text' },
          text('queue', 64, true),
          text('reason', 64, true),
          text('agent', 64, true),
          text('status', 16),
          { name: 'status_seq', type: 'integer' },
          text('outcome', 20),
          millis('received_at'),
          millis('queued_at', true),
          millis('answered_at', true),
          millis('ended_at', true),
        ],
        indices: [
          { name: 'idx_calls_outcome', columnNames: ['outcome'] },
          { name: 'idx_calls_received_at', columnNames: ['received_at'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'call_events',
        columns: [
          { ...text('call_sid', 34), isPrimary: true },
          { name: 'seq', type: 'integer', isPrimary: true },
          text('type', 40),
          millis('at'),
          { name: 'data', type: 'text' },
          text('dedupe_key', 160),
        ],
        indices: [
          { name: 'uq_call_events_key', columnNames: ['call_sid', 'dedupe_key'], isUnique: true },
          { name: 'idx_call_events_at', columnNames: ['at'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'users',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('username', 64),
          text('password_hash', 255),
          text('role', 16),
          text('display_name', 200),
          millis('created_at'),
        ],
        indices: [{ name: 'uq_users_username', columnNames: ['username'], isUnique: true }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('user_id', 36),
          text('token_hash', 64),
          millis('expires_at'),
          millis('revoked_at', true),
        ],
        indices: [
          { name: 'idx_refresh_tokens_user', columnNames: ['user_id'] },
          { name: 'uq_refresh_tokens_hash', columnNames: ['token_hash'], isUnique: true },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['refresh_tokens', 'users', 'call_events', 'calls', 'customers']) {
      await runner.dropTable(table);
    }
  }
}
