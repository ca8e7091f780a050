import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Per-queue and per-tier counts of every quarter hour, for reports that outlive the process. */
export class IntervalStats1764000000000 implements MigrationInterface {
  name = 'IntervalStats1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    const count = (name: string) => ({ name, type: 'integer' });
    await runner.createTable(
      new Table({
        name: 'interval_stats',
        columns: [
          { name: 'interval_start', type: 'bigint', isPrimary: true },
          { name: 'queue', type: 'varchar', length: '64', isPrimary: true },
          { name: 'tier', type: 'varchar', length: '64', isPrimary: true },
          count('offered'),
          count('answered'),
          count('answered_within_threshold'),
          count('abandoned'),
          count('abandoned_within_threshold'),
          count('short_abandoned'),
          count('routed_elsewhere'),
          count('callbacks'),
          count('handled'),
          { name: 'answered_wait_ms', type: 'bigint' },
          { name: 'handle_ms', type: 'bigint' },
          { name: 'service_level_formula', type: 'varchar', length: '2' },
          count('service_level_threshold_seconds'),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('interval_stats');
  }
}
