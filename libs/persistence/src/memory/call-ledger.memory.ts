import { AnyCallEvent } from '@hotline/contracts';
import {
  AnyNewCallEvent,
  CallLedger,
  CallNotFoundError,
  CallPatch,
  CallRecord,
  statusEvent,
  StatusUpdate,
} from '../ports/call-ledger.port';

interface Entry {
  call: CallRecord;
  events: AnyCallEvent[];
  keys: Set<string>;
}

/** The call ledger kept in memory: for unit tests of code that records calls. */
export class InMemoryCallLedger extends CallLedger {
  private readonly calls = new Map<string, Entry>();

  async open(call: CallRecord, event: AnyNewCallEvent): Promise<{ call: CallRecord; created: boolean }> {
    const existing = this.calls.get(call.callSid);
    if (existing) return { call: { ...existing.call }, created: false };
    const entry: Entry = { call: { ...call }, events: [], keys: new Set() };
    this.calls.set(call.callSid, entry);
    this.announce([this.append(entry, event)].flatMap((stored) => stored ?? []));
    return { call: { ...call }, created: true };
  }

  async recordAll(callSid: string, events: readonly AnyNewCallEvent[], patch?: CallPatch): Promise<number> {
    const entry = this.entry(callSid);
    const appended = events.flatMap((event) => this.append(entry, event) ?? []);
    if (appended.length > 0) Object.assign(entry.call, patch);
    this.announce(appended);
    return appended.length;
  }

  async applyStatus(
    callSid: string,
    update: StatusUpdate,
    patch: CallPatch = {},
  ): Promise<{ recorded: boolean; newest: boolean }> {
    const entry = this.entry(callSid);
    const stored = this.append(entry, statusEvent(update));
    const newest = stored !== null && update.sequence > entry.call.statusSeq;
    if (newest) Object.assign(entry.call, patch, { status: update.status, statusSeq: update.sequence });
    if (stored) this.announce([stored]);
    return { recorded: stored !== null, newest };
  }

  async find(callSid: string): Promise<CallRecord | null> {
    const entry = this.calls.get(callSid);
    return entry ? { ...entry.call } : null;
  }

  async events(callSid: string): Promise<AnyCallEvent[]> {
    return [...(this.calls.get(callSid)?.events ?? [])];
  }

  async eventsBetween(from: number, to: number): Promise<AnyCallEvent[]> {
    return [...this.calls.values()]
      .flatMap((entry) => entry.events)
      .filter((event) => event.at >= from && event.at < to)
      .sort((a, b) => a.at - b.at || a.callSid.localeCompare(b.callSid) || a.seq - b.seq);
  }

  async openCalls(): Promise<CallRecord[]> {
    return [...this.calls.values()]
      .map((entry) => ({ ...entry.call }))
      .filter((call) => call.outcome === 'in-progress' && call.status !== 'completed')
      .sort((a, b) => a.receivedAt - b.receivedAt);
  }

  private entry(callSid: string): Entry {
    const entry = this.calls.get(callSid);
    if (!entry) throw new CallNotFoundError(callSid);
    return entry;
  }

  private append(entry: Entry, event: AnyNewCallEvent): AnyCallEvent | null {
    if (entry.keys.has(event.key)) return null;
    entry.keys.add(event.key);
    const stored = {
      callSid: entry.call.callSid,
      seq: entry.events.length,
      type: event.type,
      at: event.at,
      data: event.data,
    } as AnyCallEvent;
    entry.events.push(stored);
    return stored;
  }
}
