import { WEEKDAYS, type LocalTimeResolver } from './local-time.port';

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_DAY = 1440;

/**
 * Local time at a fixed UTC offset, by arithmetic alone. Right for zones without daylight saving
 * (Asia/Shanghai is UTC+8 all year) and for tests and simulations in virtual time; the server uses
 * the time-zone database instead. The zone name is ignored: the offset says it all.
 */
export function fixedOffsetLocalTime(offsetMinutes: number): LocalTimeResolver {
  return (epochMs) => {
    const localMinutes = Math.floor(epochMs / MS_PER_MINUTE) + offsetMinutes;
    const days = Math.floor(localMinutes / MINUTES_PER_DAY);
    const minuteOfDay = localMinutes - days * MINUTES_PER_DAY;
    // 1970-01-01 was a Thursday, index 3 when weeks start on Monday.
    const weekday = WEEKDAYS[(((days + 3) % 7) + 7) % 7];
    return { weekday, hh: Math.floor(minuteOfDay / 60), mm: minuteOfDay % 60, isoDate: isoDateOfDay(days) };
  };
}

/** Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's civil_from_days). */
function isoDateOfDay(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1;
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
