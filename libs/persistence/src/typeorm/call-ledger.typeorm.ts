import { AnyCallEvent } from '@hotline/contracts';
import { DataSource } from 'typeorm';
import {
  AnyNewCallEvent,
  CallLedger,
  CallNotFoundError,
  CallPatch,
  CallRecord,
  StatusUpdate,
} from '../ports/call-ledger.port';
import { callFromRow, CallState, copyOf, LedgerWrite, planLedgerBatch, WriteResult } from './ledger-batch';
import { CommitParticipant, CommitPlan, SharedCommit } from './shared-commit';
import { placeholders } from './statements';

type Row = Record<string, unknown>;

function toEvent(row: Row): AnyCallEvent {
  return {
    callSid: row.call_sid,
    seq: Number(row.seq),
    type: row.type,
    at: Number(row.at),
    data: JSON.parse(String(row.data)),
  } as AnyCallEvent;
}

/** Calls whose committed state this instance keeps at hand: far more than are ever live at once. */
const KEPT_CALLS = 20_000;

/**
 * The committed state of the calls this instance wrote most recently, oldest first. Every write
 * to a call goes through this instance's ledger, so what it holds is what the database holds;
 * reads and batches of a live call need no query. Entries change only after their batch commits.
 *
 * A call that is neither kept nor doubted and is being opened is presumed new: its row is simply
 * inserted. If it was stored after all (Twilio retrying the Voice URL after a restart), the
 * insert fails on the key, the batch is rolled back, and its calls are doubted — read before
 * they are written again — until a batch commits them.
 */
class KeptCalls {
  private readonly states = new Map<string, CallState>();
  private readonly doubted = new Set<string>();

  get(callSid: string): CallState | undefined {
    return this.states.get(callSid);
  }

  /** Whether a call that is not kept must be read before it is written. */
  mustRead(callSid: string, opening: boolean): boolean {
    return !this.states.has(callSid) && (!opening || this.doubted.has(callSid));
  }

  keep(states: Map<string, CallState>): void {
    for (const [callSid, state] of states) {
      this.doubted.delete(callSid);
      this.states.delete(callSid);
      this.states.set(callSid, state);
    }
    for (const callSid of this.states.keys()) {
      if (this.states.size <= KEPT_CALLS) break;
      this.states.delete(callSid);
    }
  }

  forget(callSids: Iterable<string>): void {
    for (const callSid of callSids) {
      this.states.delete(callSid);
      this.doubted.add(callSid);
    }
  }
}

/**
 * Every write goes through the database's shared commit, so each call's events keep their order
 * and each commit carries as many calls as arrived since the last (and the routing journal's
 * inputs handed in with them).
 */
export class TypeormCallLedger extends CallLedger {
  private readonly kept = new KeptCalls();
  /** Each call's latest write not yet committed, so that a read of the call can wait for it. */
  private readonly unsettled = new Map<string, Promise<unknown>>();
  private readonly share: CommitParticipant<LedgerWrite, WriteResult> = {
    plan: (writes) => this.plan(writes),
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly commits: SharedCommit,
  ) {
    super();
  }

  async open(call: CallRecord, event: AnyNewCallEvent): Promise<{ call: CallRecord; created: boolean }> {
    const result = await this.write(call.callSid, { kind: 'open', call, event });
    this.announce(result.appended);
    return { call: result.call ?? call, created: result.created };
  }

  async recordAll(callSid: string, events: readonly AnyNewCallEvent[], patch?: CallPatch): Promise<number> {
    const result = await this.write(callSid, { kind: 'record', callSid, events, patch });
    if (!result.call) throw new CallNotFoundError(callSid);
    this.announce(result.appended);
    return result.appended.length;
  }

  async applyStatus(
    callSid: string,
    update: StatusUpdate,
    patch: CallPatch = {},
  ): Promise<{ recorded: boolean; newest: boolean }> {
    const result = await this.write(callSid, { kind: 'status', callSid, update, patch });
    if (!result.call) throw new CallNotFoundError(callSid);
    this.announce(result.appended);
    return { recorded: result.appended.length > 0, newest: result.newest };
  }

  /** The call as stored once every write to it handed in before this read is committed. */
  async find(callSid: string): Promise<CallRecord | null> {
    await this.unsettled.get(callSid)?.catch(() => undefined);
    const kept = this.kept.get(callSid);
    if (kept) return copyOf(kept.call);
    const rows: Row[] = await this.dataSource.query('SELECT * FROM calls WHERE call_sid = ?', [callSid]);
    return rows[0] ? callFromRow(rows[0]) : null;
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
    return rows.map(callFromRow);
  }

  /** Resolves once every write handed in so far is committed. */
  async flush(): Promise<void> {
    await this.commits.idle();
  }

  private write(callSid: string, write: LedgerWrite): Promise<WriteResult> {
    const written = this.commits.run(this.share, write);
    this.unsettled.set(callSid, written);
    const settle = () => {
      if (this.unsettled.get(callSid) === written) this.unsettled.delete(callSid);
    };
    written.then(settle, settle);
    return written;
  }

  /**
   * Plans the ledger's share of a commit: the calls that must be read are read first (two
   * queries), the writes are applied in memory, and the statements are committed with the rest of
   * the batch in one round trip. A refused batch forgets what it knew of its calls and doubts them,
   * so the retry of each write reads them.
   */
  private async plan(writes: LedgerWrite[]): Promise<CommitPlan<WriteResult>> {
    // Each call with whether the batch's first write to it opens it.
    const opening = new Map<string, boolean>();
    for (const write of writes) {
      const callSid = write.kind === 'open' ? write.call.callSid : write.callSid;
      if (!opening.has(callSid)) opening.set(callSid, write.kind === 'open');
    }
    const callSids = [...opening.keys()];
    try {
      const known = await this.storedStates(
        callSids.filter((callSid) => this.kept.mustRead(callSid, opening.get(callSid)!)),
      );
      for (const callSid of callSids) {
        const kept = this.kept.get(callSid);
        if (kept) known.set(callSid, kept);
      }
      const batch = planLedgerBatch(writes, known);
      return {
        statements: batch.statements,
        committed: () => {
          this.kept.keep(batch.states);
          return batch.results;
        },
        refused: () => this.kept.forget(callSids),
      };
    } catch (error) {
      this.kept.forget(callSids);
      throw error;
    }
  }

  /** The stored state of those of `callSids` that exist in the database (two queries). */
  private async storedStates(callSids: string[]): Promise<Map<string, CallState>> {
    const states = new Map<string, CallState>();
    if (callSids.length === 0) return states;
    const calls: Row[] = await this.dataSource.query(
      `SELECT * FROM calls WHERE call_sid IN (${placeholders(callSids.length, '?')})`,
      callSids,
    );
    if (calls.length === 0) return states;
    // A call that is not stored has no events: only the calls found are asked for their keys.
    const logged: Row[] = await this.dataSource.query(
      `SELECT call_sid, dedupe_key FROM call_events WHERE call_sid IN (${placeholders(calls.length, '?')})`,
      calls.map((row) => row.call_sid),
    );
    for (const row of calls) states.set(String(row.call_sid), { call: callFromRow(row), keys: new Set() });
    for (const entry of logged) states.get(String(entry.call_sid))?.keys.add(String(entry.dedupe_key));
    return states;
  }
}
