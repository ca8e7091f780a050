import fc from 'fast-check';
import { fixedOffsetLocalTime } from './fixed-offset-local-time.resolver';
import { WEEKDAYS } from './local-time.port';

const shanghai = fixedOffsetLocalTime(8 * 60);

describe('fixedOffsetLocalTime', () => {
  it.each([
    [0, { weekday: 'thu', hh: 8, mm: 0, isoDate: '1970-01-01' }],
    // 2026-01-01T15:59:59Z is 23:59 on New Year's Day in Shanghai, a Thursday.
    [Date.UTC(2026, 0, 1, 15, 59, 59), { weekday: 'thu', hh: 23, mm: 59, isoDate: '2026-01-01' }],
    [Date.UTC(2026, 0, 1, 16, 0), { weekday: 'fri', hh: 0, mm: 0, isoDate: '2026-01-02' }],
    [Date.UTC(2024, 1, 28, 16, 30), { weekday: 'thu', hh: 0, mm: 30, isoDate: '2024-02-29' }],
    [Date.UTC(2000, 11, 31, 20), { weekday: 'mon', hh: 4, mm: 0, isoDate: '2001-01-01' }],
    [Date.UTC(1969, 11, 31, 12), { weekday: 'wed', hh: 20, mm: 0, isoDate: '1969-12-31' }],
  ])('reads %d as %o', (epochMs, expected) => {
    expect(shanghai(epochMs, 'Asia/Shanghai')).toEqual(expected);
  });

  it('works west of Greenwich too', () => {
    expect(fixedOffsetLocalTime(-5 * 60)(Date.UTC(2026, 2, 1, 3, 15), 'Etc/GMT+5')).toEqual({
      weekday: 'sat',
      hh: 22,
      mm: 15,
      isoDate: '2026-02-28',
    });
  });

  it('moves one weekday and one date forward every 24 hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 4e12 }), (epochMs) => {
        const today = shanghai(epochMs, 'Asia/Shanghai');
        const tomorrow = shanghai(epochMs + 86_400_000, 'Asia/Shanghai');
        expect(WEEKDAYS.indexOf(tomorrow.weekday)).toBe((WEEKDAYS.indexOf(today.weekday) + 1) % 7);
        expect([tomorrow.hh, tomorrow.mm]).toEqual([today.hh, today.mm]);
        expect(tomorrow.isoDate > today.isoDate).toBe(true);
      }),
    );
  });
});
