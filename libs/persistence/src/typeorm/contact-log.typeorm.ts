import { DataSource, MoreThanOrEqual } from 'typeorm';
import { ContactLog, ContactRecord } from '../ports/contact-log.port';
import { ContactEntity } from './entities/contact.entity';

export class TypeormContactLog extends ContactLog {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async save(contact: ContactRecord): Promise<void> {
    await this.dataSource.getRepository(ContactEntity).save(Object.assign(new ContactEntity(), contact));
  }

  async ofCustomer(customerKey: string, since: number, limit: number): Promise<ContactRecord[]> {
    const rows = await this.dataSource.getRepository(ContactEntity).find({
      where: { customerKey, at: MoreThanOrEqual(since) },
      order: { at: 'DESC', callSid: 'DESC' },
      take: limit,
    });
    return rows.map((row) => ({ ...row, notes: row.notes ?? '' }));
  }
}
