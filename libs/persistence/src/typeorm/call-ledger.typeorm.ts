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

/** One write to the ledger, as data: a batch of them is committed with a few bulk statements. */
type LedgerWrite =
  | { kind: 'open'; call: CallRecord; event: AnyNewCallEvent }
  | { kind: 'record'; callSid: string; events: readonly AnyNewCallEvent[]; patch?: CallPatch }
  | { kind: 'status'; callSid: string; update: StatusUpdate; patch: CallPatch };

interface WriteResult {
  /** Null when the call does not exist (record, status). */
  call: CallRecord | null;
  created: boolean;
  appended: AnyCallEvent[];
  newest: boolean;
}

/** What a batch knows of one call while it applies the batch's writes in order. */
interface CallState {
  row: Row | null;
  keys: Set<string>;
  nextSeq: number;
  statusSeq: number;
  patch: Partial<CallRecord>;
}

/**
 * Writes of one call go through one batcher (chosen by CallSid) so its events keep their order;
 * with MySQL several batchers commit side by side and InnoDB merges their disk syncs.
 */
const MYSQL_WRITERS = 4;
/** Rows per multi-row INSERT: far below both databases' limits on bound parameters. */
const INSERT_CHUNK = 100;

function shardOf(callSid: string, shards: number): number {
  let hash = 0;
  for (let i = 0; i < callSid.length; i++) hash = (hash * 31 + callSid.charCodeAt(i)) | 0;
  return Math.abs(hash) % shards;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );
}

const placeholders = (count: number, each: string) => Array.from({ length: count }, () => each).join(', ');

/**
 * One UPDATE for every call the batch changed: each column set by any write becomes a CASE over
 * the calls that set it, so a batch of fifty webhooks costs one statement, not fifty.
 */
async function updateCalls(manager: EntityManager, states: Map<string, CallState>): Promise<void> {
  const changed = [...states.entries()]
    .map(([callSid, state]) => ({
      callSid,
      values: Object.entries(state.patch).filter(([, value]) => value !== undefined) as [
        keyof CallRecord,
        unknown,
      ][],
    }))
    .filter((call) => call.values.length > 0);
  if (changed.length === 0) return;
  const fields = [...new Set(changed.flatMap((call) => call.values.map(([field]) => field)))];
  const params: unknown[] = [];
  const sets = fields.map((field) => {
    const whens = changed.flatMap((call) => {
      const entry = call.values.find(([name]) => name === field);
      if (!entry) return [];
      params.push(call.callSid, toColumn(field, entry[1]));
      return ['WHEN ? THEN ?'];
    });
    return `${COLUMNS[field]} = CASE call_sid ${whens.join(' ')} ELSE ${COLUMNS[field]} END`;
  });
  params.push(...changed.map((call) => call.callSid));
  await manager.query(
    `UPDATE calls SET ${sets.join(', ')} WHERE call_sid IN (${placeholders(changed.length, '?')})`,
    params,
  );
}

/**
 * Commits a batch of ledger writes: reads the calls and log keys the batch touches (two
 * queries), applies the writes in order in memory (deduplication, sequence numbers, status
 * ordering), then stores the result with bulk inserts and one bulk update.
 */
async function commitLedgerBatch(manager: EntityManager, writes: LedgerWrite[]): Promise<WriteResult[]> {
  const sids = [
    ...new Set(writes.map((write) => (write.kind === 'open' ? write.call.callSid : write.callSid))),
  ];
  const calls: Row[] = await manager.query(
    `SELECT * FROM calls WHERE call_sid IN (${placeholders(sids.length, '?')})`,
    sids,
  );
  const logged: Row[] = await manager.query(
    `SELECT call_sid, dedupe_key FROM call_events WHERE call_sid IN (${placeholders(sids.length, '?')})`,
    sids,
  );
  const states = new Map<string, CallState>(
    sids.map((sid) => {
      const row = calls.find((candidate) => candidate.call_sid === sid) ?? null;
      const keys = new Set(
        logged.filter((entry) => entry.call_sid === sid).map((entry) => String(entry.dedupe_key)),
      );
      return [
        sid,
        { row, keys, nextSeq: keys.size, statusSeq: row ? Number(row.status_seq) : -1, patch: {} },
      ];
    }),
  );
  const newCalls: CallRecord[] = [];
  const newEvents: (AnyCallEvent & { key: string })[] = [];
  const append = (state: CallState, callSid: string, events: readonly AnyNewCallEvent[]): AnyCallEvent[] =>
    events
      .filter((event) => !state.keys.has(event.key) && state.keys.add(event.key))
      .map((event) => {
        const stored = {
          callSid,
          seq: state.nextSeq++,
          type: event.type,
          at: event.at,
          data: event.data,
        } as AnyCallEvent;
        newEvents.push({ ...stored, key: event.key });
        return stored;
      });

  const results = writes.map((write): WriteResult => {
    if (write.kind === 'open') {
      const state = states.get(write.call.callSid)!;
      if (state.row) return { call: toRecord(state.row), created: false, appended: [], newest: false };
      state.row = Object.fromEntries(
        FIELDS.map((field) => [COLUMNS[field], toColumn(field, write.call[field])]),
      );
      newCalls.push(write.call);
      return {
        call: write.call,
        created: true,
        appended: append(state, write.call.callSid, [write.event]),
        newest: false,
      };
    }
    const state = states.get(write.callSid)!;
    if (!state.row) return { call: null, created: false, appended: [], newest: false };
    if (write.kind === 'record') {
      const appended = append(state, write.callSid, write.events);
      if (appended.length > 0) Object.assign(state.patch, write.patch);
      return { call: null, created: false, appended, newest: false };
    }
    const appended = append(state, write.callSid, [statusEvent(write.update)]);
    const newest = appended.length > 0 && write.update.sequence > state.statusSeq;
    if (newest) {
      state.statusSeq = write.update.sequence;
      Object.assign(state.patch, write.patch, {
        status: write.update.status,
        statusSeq: write.update.sequence,
      });
    }
    return { call: null, created: false, appended, newest };
  });

  for (const group of chunks(newCalls, INSERT_CHUNK)) {
    await manager.query(
      `INSERT INTO calls (${FIELDS.map((field) => COLUMNS[field]).join(', ')}) VALUES ${placeholders(group.length, `(${placeholders(FIELDS.length, '?')})`)}`,
      group.flatMap((call) => FIELDS.map((field) => toColumn(field, call[field]))),
    );
  }
  for (const group of chunks(newEvents, INSERT_CHUNK)) {
    await manager.query(
      `INSERT INTO call_events (call_sid, seq, type, at, data, dedupe_key) VALUES ${placeholders(group.length, '(?, ?, ?, ?, ?, ?)')}`,
      group.flatMap((event) => [
        event.callSid,
        event.seq,
        event.type,
        event.at,
        JSON.stringify(event.data),
        event.key,
      ]),
    );
  }
  await updateCalls(manager, states);
  return results;
}

export class TypeormCallLedger extends CallLedger {
  private readonly writers: WriteBatcher<LedgerWrite, WriteResult>[];

  constructor(private readonly dataSource: DataSource) {
    super();
    const count = dataSource.options.type === 'better-sqlite3' ? 1 : MYSQL_WRITERS;
    this.writers = Array.from({ length: count }, () => new WriteBatcher(dataSource, commitLedgerBatch));
  }

  async open(call: CallRecord, event: AnyNewCallEvent): Promise<{ call: CallRecord; created: boolean }> {
    const result = await this.writerOf(call.callSid).run({ kind: 'open', call, event });
    this.announce(result.appended);
    return { call: result.call ?? call, created: result.created };
  }

  async recordAll(callSid: string, events: readonly AnyNewCallEvent[], patch?: CallPatch): Promise<number> {
    const result = await this.writerOf(callSid).run({ kind: 'record', callSid, events, patch });
    if (result.appended.length === 0 && !(await this.exists(callSid))) {
      throw new CallNotFoundError(callSid);
    }
    this.announce(result.appended);
    return result.appended.length;
  }

  async applyStatus(
    callSid: string,
    update: StatusUpdate,
    patch: CallPatch = {},
  ): Promise<{ recorded: boolean; newest: boolean }> {
    const result = await this.writerOf(callSid).run({ kind: 'status', callSid, update, patch });
    if (result.appended.length === 0 && !(await this.exists(callSid))) throw new CallNotFoundError(callSid);
    this.announce(result.appended);
    return { recorded: result.appended.length > 0, newest: result.newest };
  }

  async find(callSid: string): Promise<CallRecord | null> {
    const rows: Row[] = await this.dataSource.query('SELECT * FROM calls WHERE call_sid = ?', [callSid]);
    return rows[0] ? toRecord(rows[0]) : null;
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

  private writerOf(callSid: string): WriteBatcher<LedgerWrite, WriteResult> {
    return this.writers[shardOf(callSid, this.writers.length)];
  }

  /** Only asked when nothing was appended: an unknown call and a repeated delivery look alike. */
  private async exists(callSid: string): Promise<boolean> {
    return (await this.find(callSid)) !== null;
  }
}
