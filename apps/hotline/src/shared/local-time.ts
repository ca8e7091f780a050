import type { LocalTime, LocalTimeResolver, Weekday } from '@hotline/ivr';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Wall-clock time in an IANA time zone, daylight saving included, for business hours. */
export const intlLocalTime: LocalTimeResolver = (epochMs: number, timeZone: string): LocalTime => {
  const parts = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(epochMs)
      .map((part) => [part.type, part.value]),
  );
  return {
    weekday: parts.weekday.toLowerCase() as Weekday,
    hh: Number(parts.hour),
    mm: Number(parts.minute),
    isoDate: `${parts.year}-${parts.month}-${parts.day}`,
  };
};

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
