/**
 * What a chrono result means as a date entity.
 *
 * Parsers state what the text says with `assign` and leave the rest implied
 * (chrono's knownValues vs impliedValues); what chrono's components cannot
 * say travels as tags on the result: the rule that made it, a grain coarser
 * than a month (quarter, half), the part of the period meant (`mod`), and
 * whether its value was computed from the reference date (a relative
 * expression). `toDate` turns a result into ISO 8601 at its own granularity:
 * a stated year is kept, a year taken from the reference date is `XXXX` when
 * there is no reference date, and so is the year of a date that recurs.
 */
import { ParsingComponents, type ParsedComponents, type ParsedResult, type ParsingContext } from 'chrono-node';
import type { DateEntity } from './schema.js';

export const TAG = {
  rule: 'dates/rule:',
  grain: 'dates/grain:',
  mod: 'dates/mod:',
  /** Computed from the reference date (`năm nay`, `hôm qua`, a weekday). */
  relative: 'dates/relative',
  /** Its day is computed from the reference date, which must then have a day. */
  relativeDay: 'dates/relative-day',
  /** Recurs every year (`Ngày 20/11 hằng năm`): no one year. */
  recurring: 'dates/recurring',
  /** A lunar date: its lunar reading (`1/1 Bính Ngọ`). */
  lunar: 'dates/lunar:',
  /** Counts only when merged with a following or preceding date (an ambiguous weekday). */
  needsDate: 'dates/needs-date',
} as const;

export type Mod = NonNullable<DateEntity['mod']>;

/** A reference date: `2024-12` or `2024-12-10`. */
export interface Reference {
  year: number;
  month: number;
  day: number | null;
}

export function parseReference(value: string | null | undefined): Reference | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value ?? '');
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: m[3] ? Number(m[3]) : null };
}

/** The instant chrono computes relative expressions from (mid-month when the reference has no day). */
export function referenceInstant(ref: Reference | null): Date {
  return ref ? new Date(ref.year, ref.month - 1, ref.day ?? 15, 12) : new Date(2000, 0, 15, 12);
}

/** Components with the given stated values; an unstated month or day is implied as the first. */
export function stated(context: ParsingContext, known: { year?: number | undefined; month?: number | undefined; day?: number | undefined }): ParsingComponents {
  const c = new ParsingComponents(context.reference);
  c.imply('month', 1).imply('day', 1);
  if (known.year !== undefined) c.assign('year', known.year);
  if (known.month !== undefined) c.assign('month', known.month);
  if (known.day !== undefined) c.assign('day', known.day);
  return c;
}

/** Components of a date computed from the reference (`hôm qua`, `năm nay`), tagged as such. */
export function relativeTo(context: ParsingContext, shift: { years?: number; months?: number; days?: number }, grain: 'year' | 'month' | 'day'): ParsingComponents {
  const ref = context.refDate;
  const date = new Date(ref.getFullYear() + (shift.years ?? 0), ref.getMonth() + (shift.months ?? 0), grain === 'day' ? ref.getDate() + (shift.days ?? 0) : 1, 12);
  const c = stated(context, {
    year: date.getFullYear(),
    month: grain === 'year' ? undefined : date.getMonth() + 1,
    day: grain === 'day' ? date.getDate() : undefined,
  });
  c.addTag(TAG.relative);
  if (grain === 'day') c.addTag(TAG.relativeDay);
  return c;
}

function daysInMonth(month: number, year: number | undefined): number {
  return new Date(year ?? 2024, month, 0).getDate();
}

export function isCalendarDate(day: number, month: number, year?: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

/** The id of the rule that made a result (the last one recorded on its start). */
export function ruleOf(result: ParsedResult): string {
  const rules = [...result.start.tags()].filter((t) => t.startsWith(TAG.rule));
  return rules.at(-1)?.slice(TAG.rule.length) ?? [...result.start.tags()][0] ?? 'chrono';
}

function tagValue(result: ParsedResult, prefix: string): string | undefined {
  return [...result.tags()].find((t) => t.startsWith(prefix))?.slice(prefix.length);
}

export type DateValue = Pick<DateEntity, 'value' | 'grain' | 'start' | 'end' | 'mod' | 'rule' | 'lunar'>;

/** The entity fields of a result, against a reference date (null: none known). */
export function toDate(result: ParsedResult, ref: Reference | null): DateValue {
  const tags = result.tags();
  const grainTag = tagValue(result, TAG.grain);
  const mod = tagValue(result, TAG.mod) as Mod | undefined;
  const lunar = tagValue(result, TAG.lunar);
  const base = { rule: ruleOf(result), ...(mod ? { mod } : {}), ...(lunar ? { lunar } : {}) };
  const year = yearOf(result.start, tags, ref);
  if (grainTag === 'quarter' || grainTag === 'half') {
    const size = grainTag === 'quarter' ? 3 : 6;
    const index = Math.ceil((result.start.get('month') ?? 1) / size);
    return { ...base, value: `${year}-${grainTag === 'quarter' ? 'Q' : 'H'}${index}`, grain: grainTag };
  }
  if (result.end) {
    const start = iso(result.start, tags, ref);
    const end = iso(result.end, tags, ref);
    return { ...base, value: `${start}/${end}`, grain: 'range', start, end };
  }
  return { ...base, value: iso(result.start, tags, ref), grain: grainOf(result.start, tags) };
}

function grainOf(c: ParsedComponents, tags: Set<string>): 'day' | 'month' | 'year' {
  if (c.isCertain('day') || tags.has(TAG.relativeDay)) return 'day';
  return c.isCertain('month') ? 'month' : 'year';
}

function yearOf(c: ParsedComponents, tags: Set<string>, ref: Reference | null): string {
  const fromReference = tags.has(TAG.relative) || !c.isCertain('year');
  return (fromReference && !ref) || tags.has(TAG.recurring) ? 'XXXX' : String(c.get('year')).padStart(4, '0');
}

function iso(c: ParsedComponents, tags: Set<string>, ref: Reference | null): string {
  const grain = grainOf(c, tags);
  const relative = tags.has(TAG.relative) && !ref;
  const two = (n: number | null) => (relative ? 'XX' : String(n).padStart(2, '0'));
  let out = yearOf(c, tags, ref);
  if (grain !== 'year') out += `-${two(c.get('month'))}`;
  if (grain === 'day') out += `-${tags.has(TAG.relativeDay) && ref?.day == null ? 'XX' : two(c.get('day'))}`;
  return out;
}
