/**
 * The year after a month or quarter: `/2025`, `-2025`, ` năm 2025`,
 * ` của năm 2026`, or a
 * relative year (`tháng 12 năm nay`, `quý IV năm tới`).
 */
import type { ParsingContext } from 'chrono-node';
import type { DateRules } from '../rules.js';
import { BLANKS, NUMBER_END, SPACE, WORD_END, YEAR, type Groups } from './base.js';
import { relativeYear } from './relative-year.js';

/** Groups `year` (stated) or `relative` (a relative year); optional. */
export function yearSuffix(rules: DateRules): string {
  const joiner = `(?:${rules.yearJoiners.source}${SPACE})?`;
  const stated = `(?:${BLANKS}[/.\\-]${BLANKS}|${SPACE}${joiner}${rules.units.year.source}${SPACE})(?<year>${YEAR})${NUMBER_END}`;
  return `(?:${stated}|${SPACE}(?<relative>${rules.relativeYears.source})${WORD_END})?`;
}

/** The year the suffix gives, and whether it was computed from the reference date. */
export function suffixYear(context: ParsingContext, rules: DateRules, g: Groups): { year: number | undefined; relative: boolean } {
  if (g['year']) return { year: Number(g['year']), relative: false };
  const entry = g['relative'] ? rules.relativeYears.get(g['relative']) : undefined;
  return entry ? { year: relativeYear(context, rules, entry), relative: true } : { year: undefined, relative: false };
}
