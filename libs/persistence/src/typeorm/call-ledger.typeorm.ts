import { AnyCallEvent } from '@hotline/contracts';
import { Between, DataSource, EntityManager, Not } from 'typeorm';
import {
  AnyNewCallEvent,
  CallLedger,
  CallNotFoundError,
  CallPatch,
  CallRecord,
  statusEvent,
  StatusUpdate,
} from '../ports/call-ledger.port';
import { CallEventEntity } from './entities/call-event.entity';
import { CallEntity } from './entities/call.entity';
import { WriteBatcher } from './write-batcher';

function toRecord(row: CallEntity): CallRecord {
  return {
    callSid: row.callSid,
    accountSid: row.accountSid,
    direction: row.direction as CallRecord['direction'],
    from: row.fromNumber,
    to: row.toNumber,
    customerId: row.customerId,
    language: row.language,
    tier: row.tier,
    ivrPath: row.ivrPath,
    queue: row.queue,
    reason: row.reason,
    agent: row.agent,
    status: row.status,
    statusSeq: row.statusSeq,
    outcome: row.outcome as CallRecord['outcome'],
    receivedAt: row.receivedAt,
    queuedAt: row.queuedAt,
    answeredAt: row.answeredAt,
    endedAt: row.endedAt,
  };
}

function toRow(call: CallRecord): CallEntity {
  return Object.assign(new CallEntity(), {
    ...call,
    fromNumber: call.from,
    toNumber: call.to,
  });
}

function toEvent(row: CallEventEntity): AnyCallEvent {
  return { callSid: row.callSid, seq: row.seq, type: row.type, at: row.at, data: row.data } as AnyCallEvent;
}

export class TypeormCallLedger extends CallLedger {
  private readonly writes: WriteBatcher;

  constructor(private readonly dataSource: DataSource) {
    super();
    this.writes = new WriteBatcher(dataSource);
  }

  async open(call: CallRecord, event: AnyNewCallEvent): Promise<{ call: CallRecord; created: boolean }> {
    const result = await this.writes.run(async (manager) => {
      const existing = await manager.findOneBy(CallEntity, { callSid: call.callSid });
      if (existing) return { call: toRecord(existing), created: false, appended: [] };
      await manager.insert(CallEntity, toRow(call));
      const appended = await this.append(manager, call.callSid, event);
      return { call, created: true, appended: appended ? [appended] : [] };
    });
    this.announce(result.appended);
    return { call: result.call, created: result.created };
  }

  async record(callSid: string, event: AnyNewCallEvent, patch?: CallPatch): Promise<boolean> {
    const outcome = await this.writes.run(async (manager) => {
      if (!(await manager.existsBy(CallEntity, { callSid }))) return 'missing';
      const appended = await this.append(manager, callSid, event);
      if (!appended) return 'duplicate';
      if (patch && Object.keys(patch).length > 0) await manager.update(CallEntity, { callSid }, patch);
      return appended;
    });
    if (outcome === 'missing') throw new CallNotFoundError(callSid);
    if (outcome === 'duplicate') return false;
    this.announce([outcome]);
    return true;
  }

  async applyStatus(
    callSid: string,
    update: StatusUpdate,
    patch: CallPatch = {},
  ): Promise<{ recorded: boolean; newest: boolean }> {
    const outcome = await this.writes.run(async (manager) => {
      const call = await manager.findOneBy(CallEntity, { callSid });
      if (!call) return null;
      const appended = await this.append(manager, callSid, statusEvent(update));
      const newest = appended !== null && update.sequence > call.statusSeq;
      if (newest) {
        await manager.update(
          CallEntity,
          { callSid },
          { ...patch, status: update.status, statusSeq: update.sequence },
        );
      }
      return { appended, newest };
    });
    if (outcome === null) throw new CallNotFoundError(callSid);
    if (outcome.appended) this.announce([outcome.appended]);
    return { recorded: outcome.appended !== null, newest: outcome.newest };
  }

  async find(callSid: string): Promise<CallRecord | null> {
    const row = await this.dataSource.getRepository(CallEntity).findOneBy({ callSid });
    return row ? toRecord(row) : null;
  }

  async events(callSid: string): Promise<AnyCallEvent[]> {
    const rows = await this.dataSource
      .getRepository(CallEventEntity)
      .find({ where: { callSid }, order: { seq: 'ASC' } });
    return rows.map(toEvent);
  }

  async eventsBetween(from: number, to: number): Promise<AnyCallEvent[]> {
    const rows = await this.dataSource
      .getRepository(CallEventEntity)
      .find({ where: { at: Between(from, to - 1) }, order: { at: 'ASC', callSid: 'ASC', seq: 'ASC' } });
    return rows.map(toEvent);
  }

  async openCalls(): Promise<CallRecord[]> {
    const rows = await this.dataSource
      .getRepository(CallEntity)
      .find({ where: { outcome: 'in-progress', status: Not('completed') }, order: { receivedAt: 'ASC' } });
    return rows.map(toRecord);
  }

  /** Resolves once every write handed in so far is committed. */
  flush(): Promise<void> {
    return this.writes.idle();
  }

  /** Appends the event unless its key is already in the call's log; the stored event, or null. */
  private async append(
    manager: EntityManager,
    callSid: string,
    event: AnyNewCallEvent,
  ): Promise<AnyCallEvent | null> {
    if (await manager.existsBy(CallEventEntity, { callSid, dedupeKey: event.key })) return null;
    const last = await manager.findOne(CallEventEntity, {
      where: { callSid },
      order: { seq: 'DESC' },
      select: { seq: true },
    });
    const stored = {
      callSid,
      seq: last ? last.seq + 1 : 0,
      type: event.type,
      at: event.at,
      data: event.data,
    };
    await manager.insert(CallEventEntity, { ...stored, dedupeKey: event.key });
    return stored as AnyCallEvent;
  }
}
