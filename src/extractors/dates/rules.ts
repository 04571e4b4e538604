/**
 * Date rules (`rules/dates.yaml`): the words of temporal expressions, compiled
 * into phrase lists the parsers splice into their patterns. Each list knows
 * its regular-expression source and maps a matched form back to its entry.
 */
import { z } from 'zod';
import { phraseList, type Phrases } from '../../rules/phrases.js';
import { defineRules, ruleId, schemaHeader } from '../../rules/spec.js';

const forms = z.array(z.string().min(1)).min(1);
const offset = z.number().int().min(-10).max(10);
const relative = z.strictObject({
  id: ruleId,
  name: z.string(),
  offset,
  early_offset: offset.optional(),
  with_count: z.enum(['run', 'shift']).optional().describe('What a number before it means; without, a number makes it a duration'),
  forms,
});
const mod = z.enum(['start', 'mid', 'end']);

export const dateRules = defineRules({
  file: 'dates.yaml',
  schema: z.strictObject({
    $schema: schemaHeader,
    units: z.strictObject({ day: forms, month: forms, year: forms, quarter: forms }),
    day_anchors: z.array(z.strictObject({ id: ruleId, name: z.string(), forms })),
    month_names: z.array(z.strictObject({ id: ruleId, name: z.string(), month: z.number().int().min(1).max(12), forms })),
    count_words: z.array(z.strictObject({ id: ruleId, name: z.string(), value: z.number().int().min(1).max(12), forms })),
    two_digit_year_ahead: z.number().int().min(0).max(99),
    roman_numerals: z.record(z.string().regex(/^[IVX]+$/), z.number().int().min(1).max(4)),
    weekdays: z.array(
      z.strictObject({
        id: ruleId,
        name: z.string(),
        weekday: z.number().int().min(0).max(6).describe('0 = Sunday'),
        forms,
        forms_with_date: z.array(z.string().min(1)).default([]),
      }),
    ),
    parts_of_day: z.array(z.strictObject({ id: ruleId, name: z.string(), forms })),
    part_of_day_relative: z.array(z.strictObject({ id: ruleId, name: z.string(), offset, forms })),
    relative_days: z.array(z.strictObject({ id: ruleId, name: z.string(), offset, forms })),
    year_joiners: forms,
    relative_weeks: z.array(relative),
    relative_quarters: z.array(relative),
    weekday_directions: z.array(z.strictObject({ id: ruleId, name: z.string(), offset: z.union([z.literal(-1), z.literal(1)]), forms })),
    titled_works: forms,
    lunar: z.strictObject({
      new_year: forms,
      new_year_days: forms,
      full_moon: forms,
      markers: forms,
      stems: z.array(z.string().min(1)).length(10),
      branches: z.array(z.string().min(1)).length(12),
    }),
    relative_months: z.array(relative),
    relative_years: z.array(relative),
    early_until_month: z.number().int().min(0).max(12),
    recurring: z.array(z.string().min(1)),
    counting: z.strictObject({ before: z.array(z.string().min(1)), after: z.array(z.string().min(1)) }),
    months_of_year: z.array(
      z.strictObject({ id: ruleId, name: z.string(), from: z.enum(['start', 'end']), forms, needs_year: z.boolean() }),
    ),
    ordinal_nouns: z.array(z.string().min(1)).describe('Words before `thứ` that make it an ordinal (`Kỳ họp thứ Ba`)'),
    months_reported: z.strictObject({
      before: z.array(z.string().min(1)).describe('Reporting verbs after a bare run of months (`10 tháng đạt`)'),
      after: z.array(z.string().min(1)).describe('Cumulative leads before a bare run of months (`Tính chung 9 tháng`)'),
    }),
    halves: z.array(z.strictObject({ id: ruleId, name: z.string(), half: z.union([z.literal(1), z.literal(2)]), forms })),
    period_words: forms,
    year_leads: forms,
    year_list_joiners: forms,
    dash_date_leads: forms,
    bare_year_range: z.strictObject({ from: z.number().int(), to: z.number().int(), max_span: z.number().int().min(1) }),
    qualifiers: z.array(z.strictObject({ id: ruleId, name: z.string(), mod: mod.optional(), forms })),
    period_edges: z.strictObject({ not_followed_by: z.array(z.string().min(1)) }),
    range_words: forms,
    fraction_context: z.strictObject({ before: z.array(z.string().min(1)), after: z.array(z.string().min(1)) }),
    vague: z.array(z.string().min(1)),
  }),
  compile(raw) {
    const each = <E extends { forms: string[] }, T>(entries: readonly E[], value: (e: E) => T) =>
      entries.flatMap((e) => e.forms.map((f) => [f, value(e)] as [string, T]));
    const words = (list: readonly string[]) => phrases(list.map((f) => [f, true] as [string, true]));
    return {
      units: {
        day: words(raw.units.day),
        month: words(raw.units.month),
        year: words(raw.units.year),
        quarter: words(raw.units.quarter),
      },
      dayAnchors: phrases(each(raw.day_anchors, (e) => e.id)),
      monthNames: phrases(each(raw.month_names, (e) => e.month), { exact: true }),
      countWords: phrases(each(raw.count_words, (e) => e.value)),
      twoDigitYearAhead: raw.two_digit_year_ahead,
      romanNumerals: phrases(Object.entries(raw.roman_numerals), { exact: true }),
      weekdays: phrases(
        raw.weekdays.flatMap((w) => [
          ...w.forms.map((f) => [f, { id: w.id, weekday: w.weekday, needsDate: false }] as [string, Weekday]),
          ...w.forms_with_date.map((f) => [f, { id: w.id, weekday: w.weekday, needsDate: true }] as [string, Weekday]),
        ]),
        { exact: true },
      ),
      partsOfDay: phrases(each(raw.parts_of_day, (e) => e.id)),
      partOfDayRelative: phrases(each(raw.part_of_day_relative, (e) => ({ id: e.id, offset: e.offset }))),
      relativeDays: phrases(each(raw.relative_days, (e) => ({ id: e.id, offset: e.offset }))),
      yearJoiners: words(raw.year_joiners),
      relativeWeeks: phrases(each(raw.relative_weeks, relativeEntry)),
      relativeQuarters: phrases(each(raw.relative_quarters, relativeEntry)),
      weekdayDirections: phrases(each(raw.weekday_directions, (e) => e.offset)),
      titledWorks: words(raw.titled_works),
      lunar: {
        newYear: words(raw.lunar.new_year),
        newYearDays: phrases(raw.lunar.new_year_days.map((f) => [f, true] as [string, true]), { exact: true }),
        fullMoon: words(raw.lunar.full_moon),
        markers: phrases(raw.lunar.markers.map((f) => [f, true] as [string, true]), { exact: true }),
        stems: raw.lunar.stems,
        branches: raw.lunar.branches,
        /** A year name (`Bính Ngọ`): its stem and branch. */
        yearName: phrases(
          raw.lunar.stems.flatMap((stem, s) => raw.lunar.branches.filter((_, b) => b % 2 === s % 2).map((branch) => [`${stem} ${branch}`, { stem: s, branch: raw.lunar.branches.indexOf(branch) }] as [string, { stem: number; branch: number }])),
          { exact: true },
        ),
      },
      relativeMonths: phrases(each(raw.relative_months, relativeEntry)),
      relativeYears: phrases(each(raw.relative_years, relativeEntry)),
      earlyUntilMonth: raw.early_until_month,
      recurring: words(raw.recurring),
      countingBefore: words(raw.counting.before),
      countingAfter: words(raw.counting.after),
      monthsOfYear: phrases(each(raw.months_of_year, (e) => ({ id: e.id, from: e.from, needsYear: e.needs_year }))),
      ordinalNouns: words(raw.ordinal_nouns),
      monthsReported: { before: words(raw.months_reported.before), after: words(raw.months_reported.after) },
      halves: phrases(each(raw.halves, (e) => ({ id: e.id, half: e.half }))),
      periodWords: words(raw.period_words),
      yearLeads: words(raw.year_leads),
      yearListJoiners: words(raw.year_list_joiners),
      dashDateLeads: words(raw.dash_date_leads),
      bareYearRange: { from: raw.bare_year_range.from, to: raw.bare_year_range.to, maxSpan: raw.bare_year_range.max_span },
      qualifiers: phrases(each(raw.qualifiers, (e) => ({ id: e.id, mod: e.mod }))),
      edgeQualifiers: phrases(each(raw.qualifiers.filter((q) => q.mod), (e) => e.mod!)),
      periodEdgeStops: words(raw.period_edges.not_followed_by),
      rangeWords: words(raw.range_words),
      fractionBefore: words(raw.fraction_context.before),
      fractionAfter: words(raw.fraction_context.after),
      vague: words(raw.vague),
    };
  },
});

export type DateRules = ReturnType<typeof dateRules.compile>;

/**
 * Date vocabulary as phrase lists: blanks inside a phrase, and each form
 * also capitalised and in capitals unless the list is `exact` (month and
 * weekday names, numerals: their case is part of the form).
 */
function phrases<T>(entries: ReadonlyArray<readonly [string, T]>, options: { exact?: boolean } = {}): Phrases<T> {
  return phraseList(entries, { space: 'blanks', case: options.exact ? 'as-written' : 'capitalised' });
}

export interface Relative {
  id: string;
  offset: number;
  /** Offset when the reference month is at most `early_until_month`. */
  earlyOffset: number | undefined;
  withCount: 'run' | 'shift' | undefined;
}

export interface Weekday {
  id: string;
  weekday: number;
  needsDate: boolean;
}

function relativeEntry(e: z.infer<typeof relative>): Relative {
  return { id: e.id, offset: e.offset, earlyOffset: e.early_offset, withCount: e.with_count };
}

