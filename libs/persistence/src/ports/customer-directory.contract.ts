import { CustomerDirectory, CustomerRecord, PhoneTakenError } from './customer-directory.port';

const T0 = 1_763_800_000_000;

function customer(n: number, more: Partial<CustomerRecord> = {}): CustomerRecord {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    phone: `+86138000000${String(n).padStart(2, '0')}`,
    name: `Customer ${n}`,
    tier: 'standard',
    language: 'zh-CN',
    createdAt: T0,
    updatedAt: T0,
    ...more,
  };
}

/** The behaviour every CustomerDirectory adapter must have. */
export function describeCustomerDirectoryContract(
  name: string,
  open: () => Promise<{ customers: CustomerDirectory; close(): Promise<void> }>,
) {
  describe(`CustomerDirectory contract: ${name}`, () => {
    let customers: CustomerDirectory;
    let close: () => Promise<void>;

    beforeEach(async () => {
      ({ customers, close } = await open());
    });
    afterEach(() => close());

    it('keeps value, notes and tier override, and hands older records back with them filled in', async () => {
      await customers.save(customer(1, { value: 250_000, notes: 'prefers mornings', tierOverride: 'gold' }));
      await customers.save(customer(2));
      expect(await customers.findByPhone('+8613800000001')).toEqual({
        ...customer(1),
        value: 250_000,
        notes: 'prefers mornings',
        tierOverride: 'gold',
      });
      expect(await customers.findById(customer(2).id)).toEqual({
        ...customer(2),
        value: null,
        notes: '',
        tierOverride: null,
      });
    });

    it('finds customers by several numbers at once', async () => {
      await customers.saveAll([customer(1), customer(2), customer(3)]);
      const found = await customers.findByPhones(['+8613800000003', '+8613800000001', '+8613800000099']);
      expect(found.map((c) => c.name).sort()).toEqual(['Customer 1', 'Customer 3']);
      expect(await customers.findByPhones([])).toEqual([]);
    });

    it('searches by part of the name in any case or of the number, and by tier, a page at a time', async () => {
      await customers.saveAll([
        customer(1, { name: 'Alice Chen', tier: 'gold' }),
        customer(2, { name: 'Bob Li' }),
        customer(3, { name: 'Carol Chen', tier: 'gold' }),
        customer(4, { name: 'Dan 100%_off' }),
      ]);
      const names = (page: { items: CustomerRecord[] }) => page.items.map((c) => c.name);
      expect(names(await customers.search({ text: 'chen', limit: 10, offset: 0 }))).toEqual([
        'Alice Chen',
        'Carol Chen',
      ]);
      expect(names(await customers.search({ text: '00000002', limit: 10, offset: 0 }))).toEqual(['Bob Li']);
      expect(names(await customers.search({ text: '%_', limit: 10, offset: 0 }))).toEqual(['Dan 100%_off']);
      expect(names(await customers.search({ text: 'n_', limit: 10, offset: 0 }))).toEqual([]);
      const page = await customers.search({ tier: 'gold', limit: 1, offset: 1 });
      expect([names(page), page.total]).toEqual([['Carol Chen'], 2]);
      expect((await customers.search({ limit: 2, offset: 0 })).total).toBe(4);
    });

    it('saves all customers or none: a number taken by another customer refuses the whole batch', async () => {
      await customers.save(customer(1));
      const batch = [customer(2), customer(3, { phone: customer(1).phone })];
      await expect(customers.saveAll(batch)).rejects.toBeInstanceOf(PhoneTakenError);
      expect(await customers.findById(customer(2).id)).toBeNull();
      expect((await customers.search({ limit: 10, offset: 0 })).total).toBe(1);
    });

    it('replaces a customer saved again under the same id', async () => {
      await customers.save(customer(1, { value: 10 }));
      await customers.save(customer(1, { name: 'Renamed', value: null, updatedAt: T0 + 1 }));
      expect(await customers.findById(customer(1).id)).toMatchObject({
        name: 'Renamed',
        value: null,
        updatedAt: T0 + 1,
      });
    });
  });
}
