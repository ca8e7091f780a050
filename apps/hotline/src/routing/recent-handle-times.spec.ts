import { RecentHandleTimes } from './recent-handle-times';

describe('RecentHandleTimes', () => {
  it('averages the last hour of a queue and falls back when there is none', () => {
    const times = new RecentHandleTimes();
    const t0 = 1_000_000_000;
    times.add('billing', 100, t0);
    times.add('billing', 300, t0 + 1000);
    times.add('sales', 50, t0);
    expect(times.average('billing', t0 + 2000, 240)).toBe(200);
    expect(times.average('billing', t0 + 3600 * 1000 + 500, 240)).toBe(300);
    expect(times.average('billing', t0 + 3600 * 1000 + 1000, 240)).toBe(240);
    expect(times.average('support', t0, 240)).toBe(240);
  });
});
