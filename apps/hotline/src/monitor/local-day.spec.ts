import { localDayOf, localIso, localMidnight } from './local-day';

describe('local days', () => {
  it('starts a Shanghai day at 16:00 UTC the evening before', () => {
    expect(localDayOf(Date.parse('2026-11-22T03:17:00Z'), 'Asia/Shanghai')).toEqual({
      from: Date.parse('2026-11-21T16:00:00Z'),
      to: Date.parse('2026-11-22T16:00:00Z'),
      timeZone: 'Asia/Shanghai',
    });
    expect(localDayOf(Date.parse('2026-11-22T16:00:00Z'), 'Asia/Shanghai').from).toBe(
      Date.parse('2026-11-22T16:00:00Z'),
    );
  });

  it('makes a 23-hour day when the clocks go forward and a 25-hour one when they go back', () => {
    const spring = localDayOf(Date.parse('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect([spring.from, spring.to]).toEqual([
      Date.parse('2026-03-28T23:00:00Z'),
      Date.parse('2026-03-29T22:00:00Z'),
    ]);
    const autumn = localDayOf(Date.parse('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    expect(autumn.to - autumn.from).toBe(25 * 3600_000);
  });

  it('finds midnight in zones ahead of UTC by more than twelve hours', () => {
    expect(localMidnight('2026-11-22', 'Pacific/Kiritimati')).toBe(Date.parse('2026-11-21T10:00:00Z'));
  });

  it('writes times in the zone with their offset', () => {
    expect(localIso(Date.parse('2026-11-22T00:15:00Z'), 'Asia/Shanghai')).toBe('2026-11-22T08:15:00+08:00');
    expect(localIso(Date.parse('2026-11-22T00:15:00Z'), 'America/St_Johns')).toBe(
      '2026-11-21T20:45:00-03:30',
    );
    expect(localIso(Date.parse('2026-11-22T00:15:00Z'), 'UTC')).toBe('2026-11-22T00:15:00+00:00');
  });
});
