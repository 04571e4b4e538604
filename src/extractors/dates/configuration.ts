/**
 * The date parser: chrono's Vietnamese configuration (`chrono.vi`), with its
 * date parsers replaced by ours, which know news forms (quarters, periods,
 * parts of a year, ranges), document symbols and fractions, and take their
 * words from `rules/dates.yaml`. From chrono.vi we keep the ISO parser and
 * the refiner that removes overlaps; chrono's own
 * Vietnamese parsers use ASCII word bounds and build dates where the text
 * states only a year.
 *
 * Refiners run in order: drop document symbols, settle overlaps, merge a
 * named day + its date and date - date, take in qualifier words, fill
 * unstated years from the reference date (none for a date that recurs),
 * settle overlaps again, drop impossible dates, vague expressions, relative
 * expressions inside the quoted title of a work, and lone ambiguous weekdays.
 */
import { Chrono, vi, type Parser, type Refiner } from 'chrono-node';
import { DayRangeParser } from './parsers/day-range.js';
import { LunarDateParser } from './parsers/lunar-date.js';
import { MonthParser } from './parsers/month.js';
import { NumericDateParser } from './parsers/numeric-date.js';
import { PeriodEdgeParser } from './parsers/period-edge.js';
import { QuarterParser } from './parsers/quarter.js';
import { RelativeDayParser } from './parsers/relative-day.js';
import { RelativeMonthParser } from './parsers/relative-month.js';
import { RelativeQuarterParser } from './parsers/relative-quarter.js';
import { RelativeWeekParser } from './parsers/relative-week.js';
import { RelativeYearParser } from './parsers/relative-year.js';
import { SpelledDateParser } from './parsers/spelled-date.js';
import { WeekdayParser } from './parsers/weekday.js';
import { YearPartParser } from './parsers/year-part.js';
import { YearListParser } from './parsers/year-list.js';
import { YearRangeParser } from './parsers/year-range.js';
import { YearParser } from './parsers/year.js';
import { BlockedSpanFilter } from './refiners/blocked-spans.js';
import { InvalidDateFilter } from './refiners/invalid-date.js';
import { MergeRangeRefiner } from './refiners/merge-range.js';
import { MergeNamedDayRefiner } from './refiners/merge-named-day.js';
import { NeedsDateFilter } from './refiners/needs-date-filter.js';
import { QualifierRefiner } from './refiners/qualifiers.js';
import { RecurringRefiner } from './refiners/recurring.js';
import { TitledWorkFilter } from './refiners/titled-work.js';
import { ReferenceYearRefiner } from './refiners/reference-year.js';
import { VagueFilter } from './refiners/vague-filter.js';
import type { DateRules } from './rules.js';

export function createDateParser(rules: DateRules): Chrono {
  const base = vi.createConfiguration(false);
  const fromVi = <T extends Parser | Refiner>(list: readonly T[], name: string): T => {
    const found = list.find((item) => item.constructor.name === name);
    if (!found) throw new Error(`chrono.vi has no ${name}; chrono-node changed`);
    return found;
  };
  const overlaps = fromVi(base.refiners, 'OverlapRemovalRefiner');
  return new Chrono({
    parsers: [
      fromVi(base.parsers, 'ISOFormatParser'),
      new NumericDateParser(rules),
      new DayRangeParser(rules),
      new SpelledDateParser(rules),
      new MonthParser(rules),
      new QuarterParser(rules),
      new YearPartParser(rules),
      new YearParser(rules),
      new YearListParser(rules),
      new YearRangeParser(rules),
      new RelativeDayParser(rules),
      new RelativeMonthParser(rules),
      new RelativeWeekParser(rules),
      new RelativeQuarterParser(rules),
      new RelativeYearParser(rules),
      new PeriodEdgeParser(rules),
      new WeekdayParser(rules),
      new LunarDateParser(rules),
    ],
    refiners: [
      new BlockedSpanFilter(),
      overlaps,
      new MergeNamedDayRefiner(),
      new MergeRangeRefiner(rules),
      new QualifierRefiner(rules),
      new ReferenceYearRefiner(),
      new RecurringRefiner(rules),
      overlaps,
      new InvalidDateFilter(),
      new VagueFilter(rules),
      new TitledWorkFilter(rules),
      new NeedsDateFilter(),
    ],
  });
}
