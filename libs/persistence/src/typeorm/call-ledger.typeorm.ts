import { AnyCallEvent } from '@hotline/contracts';
import { DataSource, EntityManager } from 'typeorm';
import {
  AnyNewCallEvent,
  CallLedger,
  CallNotFoundError,
  CallPatch,
  CallRecord,
  statusEvent,
  StatusUpdate,
} from '../ports/call-ledger.port';
import { WriteBatcher } from './write-batcher';

type Row = Record<string, unknown>;

/** Column of each field of a call; the hot path writes plain parameterised SQL, not built queries. */
const COLUMNS: Record<keyof CallRecord, string> = {
  callSid: 'call_sid',
  accountSid: 'account_sid',
  direction: 'direction',
  from: 'from_number',
  to: 'to_number',
  customerId: 'customer_id',
  language: 'language',
  tier: 'tier',
  ivrPath: 'ivr_path',
  queue: 'queue',
  reason: 'reason',
  agent: 'agent',
  status: 'status',
  statusSeq: 'status_seq',
  outcome: 'outcome',
  receivedAt: 'received_at',
  queuedAt: 'queued_at',
  answeredAt: 'answered_at',
  endedAt: 'ended_at',
};
const FIELDS = Object.keys(COLUMNS) as (keyof CallRecord)[];
const NUMBERS = new Set<keyof CallRecord>(['statusSeq', 'receivedAt', 'queuedAt', 'answeredAt', 'endedAt']);

const toColumn = (field: keyof CallRecord, value: unknown) =>
  field === 'ivrPath' ? JSON.stringify(value) : value;

function toRecord(row: Row): CallRecord {
  const record = {} as Record<keyof CallRecord, unknown>;
  for (const field of FIELDS) {
    const value = row[COLUMNS[field]];
    if (field === 'ivrPath') record[field] = JSON.parse(String(value));
    else record[field] = NUMBERS.has(field) && value !== null ? Number(value) : value;
  }
  return record as CallRecord;
}

function toEvent(row: Row): AnyCallEvent {
  return {
    callSid: row.call_sid,
    seq: Number(row.seq),
    type: row.type,
    at: Number(row.at),
    data: JSON.parse(String(row.data)),
  } as AnyCallEvent;
}

/**
 * Writes of one call go through one batcher (chosen by CallSid) so its events keep their order;
 * with MySQL several batchers commit side by side and InnoDB merges their disk syncs.
 */
const MYSQL_WRITERS = 4;

function shardOf(callSid: string, shards: number): number {
  let hash = 0;
  for (let i = 0; i < callSid.length; i++) hash = (hash * 31 + callSid.charCodeAt(i)) | 0;
  return Math.abs(hash) % shards;
}

export class TypeormCallLedger extends CallLedger {
  private readonly writers: WriteBatcher[];

  constructor(private readonly dataSource: DataSource) {
    super();
    const count = dataSource.options.type === 'better-sqlite3' ? 1 : MYSQL_WRITERS;
    this.writers = Array.from({ length: count }, () => new WriteBatcher(dataSource));
  }

  async open(call: CallRecord, event: AnyNewCallEvent): Promise<{ call: CallRecord; created: boolean }> {
    const result = await this.writerOf(call.callSid).run(async (manager) => {
      const existing = await this.callRow(manager, call.callSid);
      if (existing) return { call: toRecord(existing), appended: [] as AnyCallEvent[] };
      await manager.query(
        `INSERT INTO calls (${FIELDS.map((field) => COLUMNS[field]).join(', ')}) VALUES (${FIELDS.map(() => '?').join(', ')})`,
        FIELDS.map((field) => toColumn(field, call[field])),
      );
      return { call, appended: await this.append(manager, call.callSid, [event], []) };
    });
    this.announce(result.appended);
    return { call: result.call, created: result.appended.length > 0 };
  }

  async recordAll(callSid: string, events: readonly AnyNewCallEvent[], patch?: CallPatch): Promise<number> {
    const appended = await this.writerOf(callSid).run(async (manager) => {
      const logged = await this.loggedKeys(manager, callSid);
      if (logged === null) return null;
      const stored = await this.append(manager, callSid, events, logged);
      if (stored.length > 0 && patch) await this.update(manager, callSid, patch);
      return stored;
    });
    if (appended === null) throw new CallNotFoundError(callSid);
    this.announce(appended);
    return appended.length;
  }

  async applyStatus(
    callSid: string,
    update: StatusUpdate,
    patch: CallPatch = {},
  ): Promise<{ recorded: boolean; newest: boolean }> {
    const outcome = await this.writerOf(callSid).run(async (manager) => {
      const row = await this.callRow(manager, callSid);
      if (!row) return null;
      const [appended] = await this.append(
        manager,
        callSid,
        [statusEvent(update)],
        await this.loggedKeys(manager, callSid),
      );
      const newest = appended !== undefined && update.sequence > Number(row.status_seq);
      if (newest)
        await this.update(manager, callSid, { ...patch, status: update.status, statusSeq: update.sequence });
      return { appended, newest };
    });
    if (outcome === null) throw new CallNotFoundError(callSid);
    if (outcome.appended) this.announce([outcome.appended]);
    return { recorded: outcome.appended !== undefined, newest: outcome.newest };
  }

  async find(callSid: string): Promise<CallRecord | null> {
    const row = await this.callRow(this.dataSource.manager, callSid);
    return row ? toRecord(row) : null;
  }

  async events(callSid: string): Promise<AnyCallEvent[]> {
    const rows: Row[] = await this.dataSource.query(
      'SELECT call_sid, seq, type, at, data FROM call_events WHERE call_sid = ? ORDER BY seq',
      [callSid],
    );
    return rows.map(toEvent);
  }

  async eventsBetween(from: number, to: number): Promise<AnyCallEvent[]> {
    const rows: Row[] = await this.dataSource.query(
      'SELECT call_sid, seq, type, at, data FROM call_events WHERE at >= ? AND at < ? ORDER BY at, call_sid, seq',
      [from, to],
    );
    return rows.map(toEvent);
  }

  async openCalls(): Promise<CallRecord[]> {
    const rows: Row[] = await this.dataSource.query(
      "SELECT * FROM calls WHERE outcome = 'in-progress' AND status <> 'completed' ORDER BY received_at",
    );
    return rows.map(toRecord);
  }

  /** Resolves once every write handed in so far is committed. */
  async flush(): Promise<void> {
    await Promise.all(this.writers.map((writer) => writer.idle()));
  }

  private writerOf(callSid: string): WriteBatcher {
    return this.writers[shardOf(callSid, this.writers.length)];
  }

  private async callRow(manager: EntityManager, callSid: string): Promise<Row | undefined> {
    const rows: Row[] = await manager.query('SELECT * FROM calls WHERE call_sid = ?', [callSid]);
    return rows[0];
  }

  /** The keys and last sequence of a call's log; null when there is no such call. */
  private async loggedKeys(manager: EntityManager, callSid: string): Promise<string[] | null> {
    const rows: Row[] = await manager.query('SELECT dedupe_key FROM call_events WHERE call_sid = ?', [
      callSid,
    ]);
    if (rows.length > 0) return rows.map((row) => String(row.dedupe_key));
    return (await this.callRow(manager, callSid)) ? [] : null;
  }

  /** Appends the events whose keys are not logged yet, numbered after the call's last event. */
  private async append(
    manager: EntityManager,
    callSid: string,
    events: readonly AnyNewCallEvent[],
    logged: readonly string[] | null,
  ): Promise<AnyCallEvent[]> {
    const keys = new Set(logged ?? []);
    const fresh = events.filter((event) => !keys.has(event.key) && keys.add(event.key));
    if (fresh.length === 0) return [];
    const first = logged?.length ?? 0;
    const stored = fresh.map((event, index) => ({ ...event, callSid, seq: first + index }));
    await manager.query(
      `INSERT INTO call_events (call_sid, seq, type, at, data, dedupe_key) VALUES ${stored.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      stored.flatMap((event) => [
        callSid,
        event.seq,
        event.type,
        event.at,
        JSON.stringify(event.data),
        event.key,
      ]),
    );
    return stored.map(({ type, at, data, seq }) => ({ callSid, seq, type, at, data }) as AnyCallEvent);
  }

  private async update(
    manager: EntityManager,
    callSid: string,
    patch: CallPatch & Partial<CallRecord>,
  ): Promise<void> {
    const fields = (Object.keys(patch) as (keyof CallRecord)[]).filter((field) => patch[field] !== undefined);
    if (fields.length === 0) return;
    await manager.query(
      `UPDATE calls SET ${fields.map((field) => `${COLUMNS[field]} = ?`).join(', ')} WHERE call_sid = ?`,
      [...fields.map((field) => toColumn(field, patch[field])), callSid],
    );
  }
}
