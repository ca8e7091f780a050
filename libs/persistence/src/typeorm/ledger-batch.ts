import { AnyCallEvent } from '@hotline/contracts';
import { AnyNewCallEvent, CallPatch, CallRecord, statusEvent, StatusUpdate } from '../ports/call-ledger.port';
import { insertRows, placeholders, Statement } from './statements';

/** Column of each field of a call; the ledger writes plain parameterised SQL, not built queries. */
export const CALL_COLUMNS: Record<keyof CallRecord, string> = {
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
const FIELDS = Object.keys(CALL_COLUMNS) as (keyof CallRecord)[];
const NUMBERS = new Set<keyof CallRecord>(['statusSeq', 'receivedAt', 'queuedAt', 'answeredAt', 'endedAt']);
const EVENT_COLUMNS = ['call_sid', 'seq', 'type', 'at', 'data', 'dedupe_key'];

const toColumn = (field: keyof CallRecord, value: unknown) =>
  field === 'ivrPath' ? JSON.stringify(value) : value;

export function callFromRow(row: Record<string, unknown>): CallRecord {
  const record = {} as Record<keyof CallRecord, unknown>;
  for (const field of FIELDS) {
    const value = row[CALL_COLUMNS[field]];
    if (field === 'ivrPath') record[field] = JSON.parse(String(value));
    else record[field] = NUMBERS.has(field) && value !== null ? Number(value) : value;
  }
  return record as CallRecord;
}

/** A copy the caller may change without touching the ledger's own. */
export const copyOf = (call: CallRecord): CallRecord => ({ ...call, ivrPath: [...call.ivrPath] });

/** One write to the ledger, as data: a batch of them is committed with a few bulk statements. */
export type LedgerWrite =
  | { kind: 'open'; call: CallRecord; event: AnyNewCallEvent }
  | { kind: 'record'; callSid: string; events: readonly AnyNewCallEvent[]; patch?: CallPatch }
  | { kind: 'status'; callSid: string; update: StatusUpdate; patch: CallPatch };

export interface WriteResult {
  /**
   * The call after this write (the caller's own copy for `open`; for the others the batch's
   * working state, only to tell that the call exists); null when it does not exist.
   */
  call: CallRecord | null;
  created: boolean;
  appended: AnyCallEvent[];
  newest: boolean;
}

/** What the ledger knows of one stored call: its row and the keys of its logged events. */
export interface CallState {
  call: CallRecord;
  keys: Set<string>;
}

/** What a batch leaves behind: the statements that store it and every touched call's new state. */
export interface LedgerBatch {
  results: WriteResult[];
  statements: Statement[];
  states: Map<string, CallState>;
}

/** A working copy of a call's state: the batch changes it, the committed state stays as it was. */
interface Working extends CallState {
  patch: CallPatch & Partial<Pick<CallRecord, 'status' | 'statusSeq'>>;
}

/**
 * One UPDATE for every call the batch changed: each column set by any write becomes a CASE over
 * the calls that set it, so a batch of fifty webhooks costs one statement, not fifty.
 */
function updateCalls(working: Map<string, Working>): Statement[] {
  const changed = [...working.entries()]
    .map(([callSid, state]) => ({
      callSid,
      values: (Object.entries(state.patch) as [keyof CallRecord, unknown][]).filter(
        ([, value]) => value !== undefined,
      ),
    }))
    .filter((call) => call.values.length > 0);
  if (changed.length === 0) return [];
  const fields = [...new Set(changed.flatMap((call) => call.values.map(([field]) => field)))];
  const params: unknown[] = [];
  const sets = fields.map((field) => {
    const whens = changed.flatMap((call) => {
      const entry = call.values.find(([name]) => name === field);
      if (!entry) return [];
      params.push(call.callSid, toColumn(field, entry[1]));
      return ['WHEN ? THEN ?'];
    });
    return `${CALL_COLUMNS[field]} = CASE call_sid ${whens.join(' ')} ELSE ${CALL_COLUMNS[field]} END`;
  });
  params.push(...changed.map((call) => call.callSid));
  return [
    {
      sql: `UPDATE calls SET ${sets.join(', ')} WHERE call_sid IN (${placeholders(changed.length, '?')})`,
      params,
    },
  ];
}

/**
 * Applies a batch of ledger writes, in order, to the stored state of the calls they touch
 * (`known`: every touched call that exists): deduplication by key, gapless sequence numbers,
 * status ordering by SequenceNumber. Returns each write's answer, the statements that store the
 * batch, and the calls' states once those statements are committed. Nothing in `known` changes.
 */
export function planLedgerBatch(writes: readonly LedgerWrite[], known: Map<string, CallState>): LedgerBatch {
  const working = new Map<string, Working>();
  const stateOf = (callSid: string): Working | undefined => {
    let state = working.get(callSid);
    const stored = known.get(callSid);
    if (!state && stored) {
      state = { call: copyOf(stored.call), keys: new Set(stored.keys), patch: {} };
      working.set(callSid, state);
    }
    return state;
  };
  const newCalls: CallRecord[] = [];
  const newEvents: unknown[][] = [];
  const append = (state: Working, events: readonly AnyNewCallEvent[]): AnyCallEvent[] =>
    events
      .filter((event) => !state.keys.has(event.key))
      .map((event) => {
        const stored = {
          callSid: state.call.callSid,
          seq: state.keys.size,
          type: event.type,
          at: event.at,
          data: event.data,
        } as AnyCallEvent;
        state.keys.add(event.key);
        newEvents.push([
          stored.callSid,
          stored.seq,
          stored.type,
          stored.at,
          JSON.stringify(stored.data),
          event.key,
        ]);
        return stored;
      });
  const change = (state: Working, patch: Working['patch']) => {
    Object.assign(state.patch, patch);
    Object.assign(state.call, patch);
  };

  const results = writes.map((write): WriteResult => {
    if (write.kind === 'open') {
      const existing = stateOf(write.call.callSid);
      if (existing) return { call: copyOf(existing.call), created: false, appended: [], newest: false };
      const state: Working = { call: copyOf(write.call), keys: new Set(), patch: {} };
      working.set(write.call.callSid, state);
      newCalls.push(write.call);
      return {
        call: copyOf(write.call),
        created: true,
        appended: append(state, [write.event]),
        newest: false,
      };
    }
    const state = stateOf(write.callSid);
    if (!state) return { call: null, created: false, appended: [], newest: false };
    if (write.kind === 'record') {
      const appended = append(state, write.events);
      if (appended.length > 0 && write.patch) change(state, write.patch);
      return { call: state.call, created: false, appended, newest: false };
    }
    const appended = append(state, [statusEvent(write.update)]);
    const newest = appended.length > 0 && write.update.sequence > state.call.statusSeq;
    if (newest)
      change(state, { ...write.patch, status: write.update.status, statusSeq: write.update.sequence });
    return { call: state.call, created: false, appended, newest };
  });

  const created = new Set(newCalls.map((call) => call.callSid));
  const updated = new Map([...working].filter(([callSid]) => !created.has(callSid)));
  const statements = [
    ...insertRows(
      'calls',
      FIELDS.map((field) => CALL_COLUMNS[field]),
      // A call opened and changed in the same batch is inserted as it ends the batch.
      newCalls.map((call) => FIELDS.map((field) => toColumn(field, working.get(call.callSid)!.call[field]))),
    ),
    ...insertRows('call_events', EVENT_COLUMNS, newEvents),
    ...updateCalls(updated),
  ];
  const states = new Map([...working].map(([callSid, { call, keys }]) => [callSid, { call, keys }]));
  return { results, statements, states };
}
