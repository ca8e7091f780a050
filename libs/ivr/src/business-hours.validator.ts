import { MappingReader, describe, type ProblemLog } from './config.reader';
import type { BusinessHours, Holiday, MinuteRange } from './ivr-config.model';
import { WEEKDAYS, type Weekday } from './local-time.port';

const RANGE = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Area/Location names as in the IANA database ('Asia/Shanghai', 'America/Argentina/Salta'), or UTC. */
const TIME_ZONE = /^(UTC|[A-Z][A-Za-z_-]*(\/[A-Za-z0-9_+-]+)+)$/;

export interface HoursValidationOptions {
  /** Checks a zone name against the time-zone database (the server's Intl); shape only when absent. */
  isKnownTimeZone?: (timeZone: string) => boolean;
}

export function readBusinessHours(
  log: ProblemLog,
  key: string,
  raw: unknown,
  options: HoursValidationOptions,
): BusinessHours {
  const hours = MappingReader.open(log, key, raw, ['timeZone', 'weekly', 'holidays']);
  if (hours === undefined) return { timeZone: 'UTC', weekly: closedWeek(), holidays: [] };
  return {
    timeZone: readTimeZone(hours, options),
    weekly: readWeekly(hours),
    holidays: readHolidays(hours),
  };
}

function readTimeZone(hours: MappingReader, options: HoursValidationOptions): string {
  const timeZone = hours.string('timeZone');
  if (timeZone === '') return timeZone;
  if (!TIME_ZONE.test(timeZone)) {
    hours.log.add(
      hours.at('timeZone'),
      `"${timeZone}" is not an IANA time zone name such as "Asia/Shanghai"`,
    );
  } else if (options.isKnownTimeZone && !options.isKnownTimeZone(timeZone)) {
    hours.log.add(hours.at('timeZone'), `unknown time zone "${timeZone}"`);
  }
  return timeZone;
}

function closedWeek(): Record<Weekday, MinuteRange[]> {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

/** Days left out are closed. */
function readWeekly(hours: MappingReader): Record<Weekday, readonly MinuteRange[]> {
  const week: Record<Weekday, readonly MinuteRange[]> = closedWeek();
  const weekly = hours.mapping('weekly', WEEKDAYS);
  for (const day of WEEKDAYS) {
    if (weekly?.has(day)) week[day] = readRanges(weekly, day);
  }
  return week;
}

function readHolidays(hours: MappingReader): Holiday[] {
  const firstSeen = new Map<string, string>();
  return hours.list('holidays', 'optional').map((raw, index) => {
    const holiday = MappingReader.open(hours.log, hours.at(`holidays.${index}`), raw, [
      'date',
      'name',
      'open',
    ]);
    if (holiday === undefined) return { date: '', open: [] };
    const date = readDate(holiday);
    const earlier = firstSeen.get(date);
    if (earlier !== undefined) holiday.log.add(holiday.at('date'), `${date} is already listed at ${earlier}`);
    else if (date !== '') firstSeen.set(date, holiday.key);
    const name = holiday.string('name', 'optional');
    const open = holiday.has('open') ? readRanges(holiday, 'open') : [];
    return name === undefined ? { date, open } : { date, name, open };
  });
}

function readDate(holiday: MappingReader): string {
  const raw = holiday.raw('date');
  const match = typeof raw === 'string' ? ISO_DATE.exec(raw) : null;
  if (match === null || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    holiday.log.add(
      holiday.at('date'),
      `must be a date written YYYY-MM-DD (quoted in YAML), not ${describe(raw)}`,
    );
    return '';
  }
  return match[0];
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= lengths[month - 1];
}

/** A list of 'HH:MM-HH:MM' ranges that must not overlap. */
function readRanges(parent: MappingReader, name: string): MinuteRange[] {
  const ranges: { range: MinuteRange; text: string; key: string }[] = [];
  parent.list(name, 'required').forEach((raw, index) => {
    const key = parent.at(`${name}.${index}`);
    const range = parseRange(parent.log, key, raw);
    if (range === undefined) return;
    const clash = ranges.find((r) => range.from < r.range.to && r.range.from < range.to);
    if (clash !== undefined) parent.log.add(key, `overlaps ${clash.text} (${clash.key})`);
    else ranges.push({ range, text: String(raw), key });
  });
  return ranges.map((r) => r.range).sort((a, b) => a.from - b.from);
}

function parseRange(log: ProblemLog, key: string, raw: unknown): MinuteRange | undefined {
  const match = typeof raw === 'string' ? RANGE.exec(raw) : null;
  if (match === null) {
    log.add(key, `must be a time range such as "09:00-18:00", not ${describe(raw)}`);
    return undefined;
  }
  const [fromText, toText] = [`${match[1]}:${match[2]}`, `${match[3]}:${match[4]}`];
  const from = minuteOfDay(Number(match[1]), Number(match[2]));
  const to = minuteOfDay(Number(match[3]), Number(match[4]));
  if (from === undefined || to === undefined) {
    log.add(key, `bad time "${from === undefined ? fromText : toText}" (times run from 00:00 to 24:00)`);
    return undefined;
  }
  if (from >= to) {
    log.add(key, `"${String(raw)}" ends before it starts; split a range that passes midnight over two days`);
    return undefined;
  }
  return { from, to };
}

function minuteOfDay(hh: number, mm: number): number | undefined {
  const valid = mm < 60 && (hh < 24 || (hh === 24 && mm === 0));
  return valid ? hh * 60 + mm : undefined;
}
