import { DataSource, Not } from 'typeorm';
import { CustomerDirectory, CustomerRecord, PhoneTakenError } from '../ports/customer-directory.port';
import { CustomerEntity } from './entities/customer.entity';

export class TypeormCustomerDirectory extends CustomerDirectory {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  findByPhone(phone: string): Promise<CustomerRecord | null> {
    return this.dataSource.getRepository(CustomerEntity).findOneBy({ phone });
  }

  findById(id: string): Promise<CustomerRecord | null> {
    return this.dataSource.getRepository(CustomerEntity).findOneBy({ id });
  }

  async save(customer: CustomerRecord): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(CustomerEntity, { phone: customer.phone, id: Not(customer.id) })) {
        throw new PhoneTakenError(customer.phone);
      }
      await manager.save(CustomerEntity, Object.assign(new CustomerEntity(), customer));
    });
  }
}
