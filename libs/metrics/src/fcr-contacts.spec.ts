import { contactsFromLog } from './fcr-contacts';
import { DAY, EventLogBuilder, MINUTE } from './testing/event-log.builder';

describe('contacts from the call log', () => {
  it('makes one contact per answered call, with the agent’s corrected reason and the merged survey', () => {
    const log = new EventLogBuilder();
    const answered = 'CA' + '1'.repeat(32);
    log
      .event(answered, 'call.received', DAY, {
        from: '+8613800000001',
        to: '+864000000000',
        customerId: 'cust-1',
        tier: 'gold',
        language: 'en-US',
      })
      .event(answered, 'ivr.routed', DAY + MINUTE, { queue: 'billing', reason: 'billing' })
      .event(answered, 'queue.entered', DAY + MINUTE, {
        queue: 'billing',
        tier: 'gold',
        reason: 'billing',
        headStartSeconds: 60,
      })
      .event(answered, 'queue.answered', DAY + 2 * MINUTE, {
        queue: 'billing',
        agent: 'ann',
        waitSeconds: 60,
      })
      .event(answered, 'call.disposition', DAY + 9 * MINUTE, {
        agent: 'ann',
        resolved: true,
        reason: 'refund',
        notes: 'refunded',
        followUp: false,
      })
      .event(answered, 'call.survey', DAY + 10 * MINUTE, { csat: 4 })
      .event(answered, 'call.survey', DAY + 10 * MINUTE, { resolved: true });
    const abandoned = 'CA' + '2'.repeat(32);
    log
      .event(abandoned, 'call.received', DAY, {
        from: '+8613800000002',
        to: '+864000000000',
        customerId: null,
        tier: 'standard',
        language: 'zh-CN',
      })
      .event(abandoned, 'queue.entered', DAY, {
        queue: 'billing',
        tier: 'standard',
        reason: '',
        headStartSeconds: 0,
      })
      .event(abandoned, 'queue.abandoned', DAY + MINUTE, { queue: 'billing', waitSeconds: 60 });
    const anonymous = 'CA' + '3'.repeat(32);
    log
      .event(anonymous, 'call.received', DAY, {
        from: '',
        to: '+864000000000',
        customerId: null,
        tier: 'standard',
        language: 'zh-CN',
      })
      .event(anonymous, 'queue.answered', DAY + MINUTE, { queue: 'general', agent: 'bob', waitSeconds: 5 });

    expect(contactsFromLog([...log.calls].reverse())).toEqual([
      {
        callSid: anonymous,
        customer: anonymous,
        customerId: null,
        at: DAY + MINUTE,
        queue: 'general',
        agent: 'bob',
        tier: 'standard',
        reason: null,
        resolved: null,
        followUp: false,
        notes: '',
        survey: {},
      },
      {
        callSid: answered,
        customer: 'cust-1',
        customerId: 'cust-1',
        at: DAY + 2 * MINUTE,
        queue: 'billing',
        agent: 'ann',
        tier: 'gold',
        reason: 'refund',
        resolved: true,
        followUp: false,
        notes: 'refunded',
        survey: { csat: 4, resolved: true },
      },
    ]);
  });
});
