import { ContactLog, ContactRecord } from './contact-log.port';

const T0 = 1_763_800_000_000;

function contact(n: number, more: Partial<ContactRecord> = {}): ContactRecord {
  return {
    callSid: 'CA' + String(n).padStart(32, '0'),
    customerKey: 'cust-1',
    customerId: 'cust-1',
    at: T0 + n * 1000,
    queue: 'billing',
    agent: 'agent-1',
    tier: 'gold',
    reason: 'billing',
    resolved: null,
    followUp: false,
    notes: '',
    ...more,
  };
}

/** The behaviour every ContactLog adapter must have. */
export function describeContactLogContract(
  name: string,
  open: () => Promise<{ contacts: ContactLog; close(): Promise<void> }>,
) {
  describe(`ContactLog contract: ${name}`, () => {
    let contacts: ContactLog;
    let close: () => Promise<void>;

    beforeEach(async () => {
      ({ contacts, close } = await open());
    });
    afterEach(() => close());

    it('gives a customer’s contacts since a time, newest first, at most as many as asked', async () => {
      await contacts.save(contact(1));
      await contacts.save(contact(2, { customerKey: '+8613800000002', customerId: null }));
      await contacts.save(contact(3, { resolved: false, followUp: true, notes: 'call back Monday' }));
      await contacts.save(contact(4, { resolved: true, reason: null, queue: null, agent: null, tier: null }));
      expect(await contacts.ofCustomer('cust-1', T0 + 1000, 10)).toEqual([
        contact(4, { resolved: true, reason: null, queue: null, agent: null, tier: null }),
        contact(3, { resolved: false, followUp: true, notes: 'call back Monday' }),
        contact(1),
      ]);
      expect((await contacts.ofCustomer('cust-1', T0 + 3000, 10)).map((c) => c.at)).toEqual([
        T0 + 4000,
        T0 + 3000,
      ]);
      expect((await contacts.ofCustomer('cust-1', 0, 1)).map((c) => c.at)).toEqual([T0 + 4000]);
      expect(await contacts.ofCustomer('nobody', 0, 10)).toEqual([]);
    });

    it('replaces what it knew of a call when the call is saved again', async () => {
      await contacts.save(contact(1));
      await contacts.save(contact(1, { resolved: true, reason: 'refund', notes: 'done' }));
      expect(await contacts.ofCustomer('cust-1', 0, 10)).toEqual([
        contact(1, { resolved: true, reason: 'refund', notes: 'done' }),
      ]);
    });
  });
}
