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
    this.append(entry, event);
    return { call: { ...call }, created: true };
  }

  async record(callSid: string, event: AnyNewCallEvent, patch?: CallPatch): Promise<boolean> {
    const entry = this.entry(callSid);
    if (!this.append(entry, event)) return false;
    Object.assign(entry.call, patch);
    return true;
  }

  async applyStatus(
    callSid: string,
    update: StatusUpdate,
    patch: CallPatch = {},
  ): Promise<{ recorded: boolean; newest: boolean }> {
    const entry = this.entry(callSid);
    const recorded = this.append(entry, statusEvent(update));
    const newest = recorded && update.sequence > entry.call.statusSeq;
    if (newest) Object.assign(entry.call, patch, { status: update.status, statusSeq: update.sequence });
    return { recorded, newest };
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

  private append(entry: Entry, event: AnyNewCallEvent): boolean {
    if (entry.keys.has(event.key)) return false;
    entry.keys.add(event.key);
    const stored = {
      callSid: entry.call.callSid,
      seq: entry.events.length,
      type: event.type,
      at: event.at,
      data: event.data,
    } as AnyCallEvent;
    entry.events.push(stored);
    this.announce([stored]);
    return true;
  }
}
