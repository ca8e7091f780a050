import { DataSource } from 'typeorm';
import { ContactLog, ContactRecord } from '../ports/contact-log.port';
import { ContactEntity } from './entities/contact.entity';
import { RowReader } from './row-reader';

export class TypeormContactLog extends ContactLog {
  private readonly rows: RowReader<ContactEntity>;

  constructor(private readonly dataSource: DataSource) {
    super();
    this.rows = new RowReader(dataSource, ContactEntity);
  }

  async save(contact: ContactRecord): Promise<void> {
    await this.dataSource.getRepository(ContactEntity).save(Object.assign(new ContactEntity(), contact));
  }

  /** Asked whenever a caller joins a queue (who owns their case): one plain query on its index. */
  async ofCustomer(customerKey: string, since: number, limit: number): Promise<ContactRecord[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${this.rows.columns} FROM ${this.rows.table} WHERE customer_key = ? AND \`at\` >= ? ` +
        'ORDER BY `at` DESC, call_sid DESC LIMIT ?',
      [customerKey, since, limit],
    )) as Record<string, unknown>[];
    return rows.map((row) => {
      const contact = this.rows.read(row);
      return { ...contact, notes: contact.notes ?? '' };
    });
  }
}
