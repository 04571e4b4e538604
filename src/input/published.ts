/**
 * The publication day of a JSON Lines article, from whatever its crawler
 * wrote: ISO 8601 (`2024-12-27`, `2024-12-27T08:30:00+07:00`), the Vietnamese
 * press's own day-first form with or without a weekday and time
 * (`Thứ sáu, 27/12/2024 - 08:30 (GMT+7)`), year-first with slashes
 * (`2024/12/27`), RFC 2822 as RSS feeds give it (`Fri, 27 Dec 2024 08:30:00
 * +0700`), or a Unix time in seconds or milliseconds.
 *
 * A written date is read as the day written, without time-zone conversion
 * (it is the article's own day); a Unix time, which has no written day, is
 * read in Vietnam's time (UTC+7). Anything else, or a value that names two
 * different days, is null: the caller decides what an unreadable date costs.
 */

/** `YYYY-MM`, `YYYY-MM-DD` or an ISO date-time, the whole value. */
const ISO = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?$/;
/** Day-first (`27/12/2024`, `27-12-2024`, `27.12.2024`) or year-first (`2024/12/27`) among other words. */
const NUMERIC = /(?<!\d)(?:(\d{1,2})([/.-])(\d{1,2})\2(\d{4})|(\d{4})([/.])(\d{1,2})\6(\d{1,2}))(?!\d)/g;
/** RFC 2822's `27 Dec 2024` (the month as three Latin letters; Date.parse reads which). */
const DAY_MONTH_NAME = /(?<!\d)(\d{1,2}) ([A-Za-z]{3}) (\d{4})(?!\d)/g;
/** Unix time: 9–10 digits are seconds, 12–13 milliseconds. */
const UNIX = /^(\d{9,10}|\d{12,13})$/;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The day (`YYYY-MM-DD`, or `YYYY-MM` for an ISO month) of a publication date field, or null. */
export function publicationDay(value: unknown): string | null {
  if (typeof value === 'number') return Number.isInteger(value) && UNIX.test(String(value)) ? unixDay(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (UNIX.test(text)) return unixDay(Number(text));
  if (/^\d{4}-\d{2}/.test(text)) return isoDay(text);
  const days = new Set<string | null>();
  for (const m of text.matchAll(NUMERIC)) days.add(m[1] ? calendarDay(m[4]!, m[3]!, m[1]) : calendarDay(m[5]!, m[7]!, m[8]!));
  for (const m of text.matchAll(DAY_MONTH_NAME)) {
    const month = new Date(`${m[2]} 1, 2000 00:00:00 UTC`).getUTCMonth() + 1;
    days.add(Number.isNaN(month) ? null : calendarDay(m[3]!, String(month), m[1]!));
  }
  return days.size === 1 ? [...days][0]! : null;
}

/**
 * `YYYY-MM`, `YYYY-MM-DD` or an ISO date-time (`2024-12-27T08:30:00+07:00`),
 * as the date written; null when it is none of these or not a calendar date.
 */
function isoDay(value: string): string | null {
  const m = ISO.exec(value.trim());
  if (!m) return null;
  if (m[3] === undefined) return calendarDay(m[1]!, m[2]!, '1') && `${m[1]}-${m[2]}`;
  return calendarDay(m[1]!, m[2]!, m[3]);
}

/** `YYYY-MM-DD` when the parts are a calendar date, else null. */
function calendarDay(year: string, month: string, day: string): string | null {
  const [y, mo, d] = [Number(year), Number(month), Number(day)];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return `${year}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function unixDay(value: number): string {
  const ms = value < 1e11 ? value * 1000 : value;
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
