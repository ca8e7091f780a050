import type { AnyCallEvent } from '@hotline/contracts';
import { loadContactCenterConfig } from '../config/contact-center.config';
import { AlertBook } from './alert-book';
import { LiveBoard } from './live-board';
import { metricsConfigOf } from './monitor-settings';

const T0 = Date.parse('2026-11-18T02:00:00Z');
const DAY = { from: Date.parse('2026-11-17T16:00:00Z'), to: Date.parse('2026-11-18T16:00:00Z') };

function entered(callSid: string, tier: string, headStartSeconds: number, at: number): AnyCallEvent {
  return {
    callSid,
    seq: 0,
    type: 'queue.entered',
    at,
    data: { queue: 'billing', tier, reason: 'billing', headStartSeconds },
  };
}

function answered(callSid: string, waitSeconds: number, at: number): AnyCallEvent {
  return {
    callSid,
    seq: 1,
    type: 'queue.answered',
    at,
    data: { queue: 'billing', agent: 'a1', waitSeconds },
  };
}

describe('AlertBook', () => {
  // config/queues.yaml: billing has SL 80 % in 20 s, so the defaults are SL below 0.8 and a
  // longest wait over 40 s; config/tiers.yaml: gold callers alert after 60 s.
  const config = loadContactCenterConfig('config');
  const board = new LiveBoard(metricsConfigOf(config), config.queues);
  const book = new AlertBook(config, (agentId) => board.queuesOf(agentId));

  it('raises service-level, longest-wait and VIP-wait alerts when their conditions start, and clears them when they end', () => {
    board.applyCallEvent(entered('CA1', 'standard', 0, T0));
    board.applyCallEvent(entered('CA2', 'gold', 60, T0));
    board.applyCallEvent(answered('CA1', 30, T0 + 30_000));

    const at45 = book.update(board.read(T0 + 45_000, DAY));
    // SL by F4: 0 answered within 20 s of 1 → 0; gold caller waiting 45 s > 40 s.
    expect(at45.raised.map((a) => [a.id, a.value, a.threshold])).toEqual([
      ['service-level:billing', 0, 0.8],
      ['longest-wait:billing', 45, 40],
    ]);
    expect(at45.cleared).toEqual([]);

    const at61 = book.update(board.read(T0 + 61_000, DAY));
    expect(at61.raised.map((a) => [a.id, a.value, a.threshold])).toEqual([['vip-wait:billing:gold', 61, 60]]);

    board.applyCallEvent(answered('CA2', 62, T0 + 62_000));
    const after = book.update(board.read(T0 + 62_000, DAY));
    expect(after.raised).toEqual([]);
    expect(after.cleared).toEqual([
      { id: 'longest-wait:billing', clearedAt: T0 + 62_000 },
      { id: 'vip-wait:billing:gold', clearedAt: T0 + 62_000 },
    ]);
    expect(book.list().map((a) => a.id)).toEqual(['service-level:billing']);
  });

  it('raises an agent-state alert past the strictest limit of the queues the agent serves', () => {
    board.applyAgentEvent({ agentId: 'a9', seq: 0, state: 'wrap-up', at: T0 + 62_000, queue: 'billing' });
    expect(book.update(board.read(T0 + 62_000 + 300_000, DAY)).raised).toEqual([]);
    const late = book.update(board.read(T0 + 62_000 + 301_000, DAY));
    expect(late.raised).toMatchObject([
      { id: 'agent-state:a9:wrap-up', agentState: 'wrap-up', threshold: 300, value: 301 },
    ]);
  });
});
