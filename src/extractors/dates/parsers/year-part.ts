/**
 * A part of a year: `6 tháng đầu năm 2024` (2024-H1), `ba tháng đầu năm 2025`
 * (2025-Q1), `9 tháng năm 2024`
 * (2024-01/2024-09), `3 tháng cuối năm` (Q4), `nửa đầu năm nay`. The year is
 * stated, relative (`năm nay`) or, after a bare `năm`, the reference year; a
 * run of months without `năm` is the reference year's only where a figure is
 * reported for it (`xuất khẩu 10 tháng đạt`, `Tính chung 9 tháng,`).
 * A run that is exactly a quarter or a half is reported as one.
 */
import type { ParsingContext } from 'chrono-node';
import { stated, TAG } from '../expression.js';
import { countSource, countValue, DateParser, SPACE, WORD_END, YEAR, type Groups } from './base.js';
import { relativeYear } from './relative-year.js';

export class YearPartParser extends DateParser {
  readonly id = 'year-part';

  protected source(): string {
    const { units, monthsOfYear, halves, relativeYears } = this.rules;
    const year = `${SPACE}(?:(?<relative>${relativeYears.source})|${units.year.source}(?:${SPACE}(?<year>${YEAR}))?)${WORD_END}`;
    return `(?:${countSource(this.rules)}${SPACE}(?<months>${monthsOfYear.source})|(?<half>${halves.source}))(?:(?<ofYear>${year})|${WORD_END})`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const reported = this.rules.monthsReported;
    if (!g['ofYear'] && (g['half'] || !(this.followed(context, index + text.length, reported.before) || this.preceded(context, index, reported.after)))) return null;
    let first: number;
    let last: number;
    if (g['half']) {
      const half = this.rules.halves.get(g['half'])!.half;
      [first, last] = half === 1 ? [1, 6] : [7, 12];
    } else {
      const run = this.rules.monthsOfYear.get(g['months'] ?? '');
      const count = countValue(this.rules, g['count'] ?? '') ?? 0;
      if (!run || count < 1 || count > 12 || (g['ofYear'] && run.needsYear && !g['year'] && !g['relative'])) return null;
      // `ba tháng đầu năm học` is a part of a school year, not of a calendar year
      if (!g['year'] && !g['relative'] && this.followed(context, index + text.length, this.rules.periodEdgeStops)) return null;
      [first, last] = run.from === 'start' ? [1, count] : [13 - count, 12];
    }
    const relative = g['relative'] ? relativeYear(context, this.rules, this.rules.relativeYears.get(g['relative'])!) : undefined;
    const year = g['year'] ? Number(g['year']) : relative;
    const start = stated(context, { month: first, year });
    const end = stated(context, { month: last, year });
    const result = context.createParsingResult(index, text, start, end);
    if (relative !== undefined) result.addTag(TAG.relative);
    const size = last - first + 1;
    if ((size === 3 || size === 6) && (first - 1) % size === 0) result.addTag(TAG.grain + (size === 3 ? 'quarter' : 'half'));
    return result;
  }
}
