import { CallLedger, CallNotFoundError, CallRecord } from './call-ledger.port';

const SID = 'CA' + 'a'.repeat(32);
const T0 = 1_763_800_000_000;

export function newCall(callSid = SID, receivedAt = T0): CallRecord {
  return {
    callSid,
    accountSid: 'AC' + '0'.repeat(32),
    direction: 'inbound',
    from: '+8613800138000',
    to: '+8640012345678',
    customerId: null,
    language: 'zh-CN',
    tier: 'standard',
    ivrPath: [],
    queue: null,
    reason: null,
    agent: null,
    status: 'ringing',
    statusSeq: -1,
    outcome: 'in-progress',
    receivedAt,
    queuedAt: null,
    answeredAt: null,
    endedAt: null,
  };
}

export const received = (at = T0) =>
  ({
    type: 'call.received',
    at,
    key: 'received',
    data: {
      from: '+8613800138000',
      to: '+8640012345678',
      customerId: null,
      tier: 'standard',
      language: 'zh-CN',
    },
  }) as const;

/**
 * The behaviour every CallLedger adapter must have. Run against the in-memory adapter and against
 * TypeORM on SQLite and on MySQL/MariaDB, so that the fast fake cannot drift from the real thing.
 */
export function describeCallLedgerContract(
  name: string,
  open: () => Promise<{ ledger: CallLedger; close(): Promise<void> }>,
) {
  describe(`CallLedger contract: ${name}`, () => {
    let ledger: CallLedger;
    let close: () => Promise<void>;

    beforeEach(async () => {
      ({ ledger, close } = await open());
    });
    afterEach(() => close());

    it('opens a call once: a retried delivery returns the existing call and appends nothing', async () => {
      expect((await ledger.open(newCall(), received())).created).toBe(true);
      const retry = await ledger.open({ ...newCall(), tier: 'gold' }, received(T0 + 500));
      expect(retry.created).toBe(false);
      expect(retry.call.tier).toBe('standard');
      expect(await ledger.events(SID)).toEqual([
        { callSid: SID, seq: 0, type: 'call.received', at: T0, data: received().data },
      ]);
    });

    it('appends events in sequence with their patch, and ignores a repeated key', async () => {
      await ledger.open(newCall(), received());
      const step = {
        type: 'ivr.step',
        at: T0 + 1000,
        key: 'ivr:main:1',
        data: { node: 'main', input: '2', attempt: 1 },
      } as const;
      expect(await ledger.record(SID, step, { ivrPath: ['main:2'] })).toBe(true);
      expect(await ledger.record(SID, step, { ivrPath: ['main:2', 'again'] })).toBe(false);
      const routed = {
        type: 'ivr.routed',
        at: T0 + 2000,
        key: 'routed',
        data: { queue: 'billing', reason: 'invoice' },
      } as const;
      expect(
        await ledger.record(SID, routed, { queue: 'billing', reason: 'invoice', queuedAt: T0 + 2000 }),
      ).toBe(true);

      const events = await ledger.events(SID);
      expect(events.map((e) => [e.seq, e.type])).toEqual([
        [0, 'call.received'],
        [1, 'ivr.step'],
        [2, 'ivr.routed'],
      ]);
      expect(events[1].data).toEqual({ node: 'main', input: '2', attempt: 1 });
      const call = await ledger.find(SID);
      expect(call).toMatchObject({
        ivrPath: ['main:2'],
        queue: 'billing',
        reason: 'invoice',
        queuedAt: T0 + 2000,
      });
    });

    it('refuses events for an unknown call and stores nothing', async () => {
      const step = { type: 'ivr.step', at: T0, key: 'k', data: { node: 'main', attempt: 1 } } as const;
      await expect(ledger.record(SID, step)).rejects.toBeInstanceOf(CallNotFoundError);
      expect(await ledger.events(SID)).toEqual([]);
      expect(await ledger.find(SID)).toBeNull();
    });

    it('orders status callbacks by SequenceNumber, whatever order they arrive in', async () => {
      await ledger.open(newCall(), received());
      const status = (sequence: number, value: string) => ({
        status: value,
        sequence,
        at: T0 + sequence * 1000,
      });
      expect(await ledger.applyStatus(SID, status(2, 'completed'), { endedAt: T0 + 2000 })).toEqual({
        recorded: true,
        newest: true,
      });
      expect(await ledger.applyStatus(SID, status(0, 'ringing'), { endedAt: null })).toEqual({
        recorded: true,
        newest: false,
      });
      expect(await ledger.applyStatus(SID, status(1, 'in-progress'))).toEqual({
        recorded: true,
        newest: false,
      });
      expect(await ledger.applyStatus(SID, status(2, 'completed'))).toEqual({
        recorded: false,
        newest: false,
      });
      const call = await ledger.find(SID);
      expect(call).toMatchObject({ status: 'completed', statusSeq: 2, endedAt: T0 + 2000 });
      expect((await ledger.events(SID)).filter((e) => e.type === 'call.status')).toHaveLength(3);
    });

    it('lets a read of a call see the writes handed in before it, while they are still being stored', async () => {
      await ledger.open(newCall(), received());
      const hangUp = ledger.applyStatus(
        SID,
        { status: 'completed', sequence: 3, at: T0 + 3000 },
        { endedAt: T0 + 3000 },
      );
      const seen = await ledger.find(SID);
      expect(seen).toMatchObject({ status: 'completed', endedAt: T0 + 3000 });
      await hangUp;
    });

    it('keeps concurrent appends to one call in one gapless sequence', async () => {
      await ledger.open(newCall(), received());
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          ledger.record(SID, {
            type: 'queue.announced',
            at: T0 + i,
            key: `announce:${i}`,
            data: { queue: 'q', position: i, ewtSeconds: 60 },
          }),
        ),
      );
      const seqs = (await ledger.events(SID)).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: 26 }, (_, i) => i));
    });

    it('tells listeners each durable event once, in the order of its call', async () => {
      const heard: string[] = [];
      ledger.onAppended((event) => heard.push(`${event.seq}:${event.type}`));
      await ledger.open(newCall(), received());
      await ledger.open(newCall(), received());
      const step = {
        type: 'ivr.step',
        at: T0 + 1,
        key: 'ivr:main:1',
        data: { node: 'main', attempt: 1 },
      } as const;
      await ledger.record(SID, step);
      await ledger.record(SID, step);
      await ledger.applyStatus(SID, { status: 'completed', sequence: 1, at: T0 + 2 });
      await ledger.applyStatus(SID, { status: 'completed', sequence: 1, at: T0 + 2 });
      expect(heard).toEqual(['0:call.received', '1:ivr.step', '2:call.status']);
    });

    it('lists events of a period across calls in time order, and the calls still open', async () => {
      const other = 'CA' + 'b'.repeat(32);
      await ledger.open(newCall(SID, T0), received(T0));
      await ledger.open(newCall(other, T0 + 10), { ...received(T0 + 10) });
      await ledger.record(
        SID,
        {
          type: 'call.completed',
          at: T0 + 20,
          key: 'done',
          data: { durationSeconds: 1, outcome: 'abandoned' },
        },
        { outcome: 'abandoned', endedAt: T0 + 20 },
      );
      const events = await ledger.eventsBetween(T0, T0 + 20);
      expect(events.map((e) => [e.callSid, e.type])).toEqual([
        [SID, 'call.received'],
        [other, 'call.received'],
      ]);
      expect((await ledger.openCalls()).map((c) => c.callSid)).toEqual([other]);
    });
  });
}
