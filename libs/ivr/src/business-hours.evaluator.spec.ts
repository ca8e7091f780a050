import { openingStatus } from './business-hours.evaluator';
import type { BusinessHours } from './ivr-config.model';
import type { LocalTime } from './local-time.port';

const hours: BusinessHours = {
  timeZone: 'Asia/Shanghai',
  weekly: {
    mon: [
      { from: 9 * 60, to: 12 * 60 },
      { from: 13 * 60, to: 18 * 60 },
    ],
    tue: [],
    wed: [],
    thu: [],
    fri: [{ from: 0, to: 1440 }],
    sat: [],
    sun: [],
  },
  holidays: [
    { date: '2026-03-09', name: 'Founders Day', open: [] },
    { date: '2026-03-10', open: [{ from: 600, to: 660 }] },
  ],
};

const local = (weekday: LocalTime['weekday'], hh: number, mm: number, isoDate = '2026-03-02'): LocalTime => ({
  weekday,
  hh,
  mm,
  isoDate,
});

describe('openingStatus', () => {
  it.each([
    [local('mon', 8, 59), false],
    [local('mon', 9, 0), true],
    [local('mon', 11, 59), true],
    [local('mon', 12, 0), false],
    [local('mon', 13, 0), true],
    [local('mon', 17, 59), true],
    [local('mon', 18, 0), false],
    [local('tue', 10, 0), false],
    [local('fri', 0, 0), true],
    [local('fri', 23, 59), true],
  ])('at %o open is %s', (time, open) => {
    expect(openingStatus(hours, time).open).toBe(open);
  });

  it('gives the reason and the holiday name when closed', () => {
    expect(openingStatus(hours, local('tue', 3, 0))).toEqual({ open: false, reason: 'closed' });
    expect(openingStatus(hours, local('mon', 10, 0, '2026-03-09'))).toEqual({
      open: false,
      reason: 'holiday',
      holiday: 'Founders Day',
    });
  });

  it("replaces the weekday's hours with a partial holiday's, even on a day normally closed", () => {
    expect(openingStatus(hours, local('tue', 10, 30, '2026-03-10'))).toEqual({ open: true });
    expect(openingStatus(hours, local('tue', 11, 0, '2026-03-10'))).toEqual({
      open: false,
      reason: 'holiday',
    });
  });
});
