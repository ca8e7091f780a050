import { Brackets, DataSource, EntityManager, In, Not } from 'typeorm';
import {
  CustomerDirectory,
  CustomerRecord,
  CustomerSearch,
  PhoneTakenError,
  withCustomerDefaults,
} from '../ports/customer-directory.port';
import { CustomerEntity } from './entities/customer.entity';
import { RowReader } from './row-reader';

/** Numbers looked up per query: well under every driver's limit on bound parameters. */
const PHONES_PER_QUERY = 500;

function toRecord(row: CustomerEntity): CustomerRecord {
  return withCustomerDefaults({ ...row, notes: row.notes ?? '' });
}

/**
 * `text` as a LIKE pattern that matches it anywhere, its own % and _ taken literally. The escape
 * character is `!` because a backslash is itself an escape in MySQL string literals, not in SQLite.
 */
function containing(text: string): string {
  return `%${text.replace(/[!%_]/g, (special) => `!${special}`)}%`;
}

export class TypeormCustomerDirectory extends CustomerDirectory {
  private readonly rows: RowReader<CustomerEntity>;

  constructor(private readonly dataSource: DataSource) {
    super();
    this.rows = new RowReader(dataSource, CustomerEntity);
  }

  /** Asked for every incoming call: one plain query on the unique phone index. */
  async findByPhone(phone: string): Promise<CustomerRecord | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${this.rows.columns} FROM ${this.rows.table} WHERE phone = ?`,
      [phone],
    )) as Record<string, unknown>[];
    return row ? toRecord(this.rows.read(row)) : null;
  }

  async findById(id: string): Promise<CustomerRecord | null> {
    const row = await this.dataSource.getRepository(CustomerEntity).findOneBy({ id });
    return row ? toRecord(row) : null;
  }

  async findByPhones(phones: readonly string[]): Promise<CustomerRecord[]> {
    const found: CustomerRecord[] = [];
    for (let start = 0; start < phones.length; start += PHONES_PER_QUERY) {
      const chunk = phones.slice(start, start + PHONES_PER_QUERY);
      const rows = await this.dataSource.getRepository(CustomerEntity).findBy({ phone: In(chunk) });
      found.push(...rows.map(toRecord));
    }
    return found;
  }

  async search(query: CustomerSearch): Promise<{ items: CustomerRecord[]; total: number }> {
    const builder = this.dataSource.getRepository(CustomerEntity).createQueryBuilder('customer');
    if (query.text !== undefined) {
      const pattern = containing(query.text);
      builder.andWhere(
        new Brackets((either) =>
          either
            .where("LOWER(customer.name) LIKE LOWER(:pattern) ESCAPE '!'", { pattern })
            .orWhere("customer.phone LIKE :pattern ESCAPE '!'", { pattern }),
        ),
      );
    }
    if (query.tier !== undefined) builder.andWhere('customer.tier = :tier', { tier: query.tier });
    const [rows, total] = await builder
      .orderBy('customer.name', 'ASC')
      .addOrderBy('customer.id', 'ASC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return { items: rows.map(toRecord), total };
  }

  async save(customer: CustomerRecord): Promise<void> {
    await this.saveAll([customer]);
  }

  async saveAll(customers: readonly CustomerRecord[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const customer of customers) await this.saveIn(manager, customer);
    });
  }

  private async saveIn(manager: EntityManager, customer: CustomerRecord): Promise<void> {
    if (await manager.existsBy(CustomerEntity, { phone: customer.phone, id: Not(customer.id) })) {
      throw new PhoneTakenError(customer.phone);
    }
    await manager.save(CustomerEntity, Object.assign(new CustomerEntity(), withCustomerDefaults(customer)));
  }
}
