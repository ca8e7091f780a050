import { describeContactLogContract } from '../ports/contact-log.contract';
import { describeCustomerDirectoryContract } from '../ports/customer-directory.contract';
import { InMemoryContactLog } from './contact-log.memory';
import { InMemoryCustomerDirectory } from './customer-directory.memory';

describeCustomerDirectoryContract('in memory', async () => ({
  customers: new InMemoryCustomerDirectory(),
  close: async () => undefined,
}));

describeContactLogContract('in memory', async () => ({
  contacts: new InMemoryContactLog(),
  close: async () => undefined,
}));
