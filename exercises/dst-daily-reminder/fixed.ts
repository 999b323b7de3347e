// Daily reminders at the wall-clock time a user picked, in the user's own IANA time zone.
// Everything is computed with Intl, so the server's own time zone never matters.

export interface ReminderSchedule {
  /** An IANA zone name, e.g. "Europe/Berlin". */
  timeZone: string;
  /** The local time of day, "HH:mm" on a 24-hour clock. */
  time: string;
}

interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
}

const MS_PER_MINUTE = 60_000;

/** The wall-clock date and time that `instant` shows in `timeZone`. */
function localParts(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** How far `timeZone` is ahead of UTC at `instant`, in minutes (+60 for Berlin in winter). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asIfUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asIfUtc - instant.getTime()) / MS_PER_MINUTE);
}

/** The instant at which clocks in `timeZone` show `date` at hour:minute. */
function zonedTimeToUtc(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // A second pass corrects the guess when the offset at the guess differs from the offset at the answer.
  const firstOffset = offsetMinutes(new Date(guess), timeZone);
  const offset = offsetMinutes(new Date(guess - firstOffset * MS_PER_MINUTE), timeZone);
  return new Date(guess - offset * MS_PER_MINUTE);
}

function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function parseTime(time: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`time must be "HH:mm", got "${time}"`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * The next `count` send times strictly after `now`, as UTC instants ready for the job queue.
 * The first one is today's reminder if it is still ahead, otherwise tomorrow's.
 */
export function nextReminders(schedule: ReminderSchedule, now: Date, count: number): Date[] {
  const { hour, minute } = parseTime(schedule.time);
  let day: LocalDate = localParts(now, schedule.timeZone);
  let first = zonedTimeToUtc(day, hour, minute, schedule.timeZone);
  if (first.getTime() <= now.getTime()) {
    day = addDays(day, 1);
    first = zonedTimeToUtc(day, hour, minute, schedule.timeZone);
  }

  const reminders: Date[] = [];
  for (let i = 0; i < count; i++) {
    reminders.push(zonedTimeToUtc(addDays(day, i), hour, minute, schedule.timeZone));
  }
  return reminders;
}
