import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * Customers get a value (tiers can be earned by it), notes and a manual tier override; handled
 * calls are kept as contacts, found by customer, for the screen pop and case ownership.
 */
export class Crm1764100000000 implements MigrationInterface {
  name = 'Crm1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('customers', [
      new TableColumn({ name: 'value', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'notes', type: 'text', isNullable: true }),
      new TableColumn({ name: 'tier_override', type: 'varchar', length: '64', isNullable: true }),
    ]);
    await runner.createIndex(
      'customers',
      new TableIndex({ name: 'idx_customers_tier', columnNames: ['tier'] }),
    );
    await runner.createTable(
      new Table({
        name: 'contacts',
        columns: [
          { name: 'call_sid', type: 'varchar', length: '34', isPrimary: true },
          { name: 'customer_key', type: 'varchar', length: '64' },
          { name: 'customer_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'at', type: 'bigint' },
          { name: 'queue', type: 'varchar', length: '64', isNullable: true },
          { name: 'agent', type: 'varchar', length: '64', isNullable: true },
          { name: 'tier', type: 'varchar', length: '64', isNullable: true },
          { name: 'reason', type: 'varchar', length: '64', isNullable: true },
          { name: 'resolved', type: 'integer', isNullable: true },
          { name: 'follow_up', type: 'integer' },
          { name: 'notes', type: 'text', isNullable: true },
        ],
        indices: [{ name: 'idx_contacts_customer_at', columnNames: ['customer_key', 'at'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('contacts');
    await runner.dropIndex('customers', 'idx_customers_tier');
    await runner.dropColumns('customers', ['tier_override', 'notes', 'value']);
  }
}
