import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Agents with their routing profiles, the agent presence log, and the routing engine's journal. */
export class AgentsAndRouting1763900000000 implements MigrationInterface {
  name = 'AgentsAndRouting1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'agents',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'identity', type: 'varchar', length: '64' },
          { name: 'display_name', type: 'varchar', length: '200' },
          { name: 'skills', type: 'text' },
          { name: 'queues', type: 'text' },
          { name: 'created_at', type: 'bigint' },
          { name: 'updated_at', type: 'bigint' },
        ],
        indices: [{ name: 'uq_agents_identity', columnNames: ['identity'], isUnique: true }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'agent_events',
        columns: [
          { name: 'agent_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'at', type: 'bigint' },
          { name: 'reason', type: 'varchar', length: '64', isNullable: true },
          { name: 'call_sid', type: 'varchar', length: '34', isNullable: true },
          { name: 'queue', type: 'varchar', length: '64', isNullable: true },
        ],
        indices: [{ name: 'idx_agent_events_at', columnNames: ['at'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'routing_inputs',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'at', type: 'bigint' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'data', type: 'text' },
        ],
        indices: [{ name: 'idx_routing_inputs_at', columnNames: ['at'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['routing_inputs', 'agent_events', 'agents']) await runner.dropTable(table);
  }
}
