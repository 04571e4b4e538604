/**
 * Two dates joined by a dash or a range word are one range:
 * `tháng 12/2021 đến tháng 11/2023`, `2/4/1904 - 2/4/2024`.
 *
 * A start without a year takes the end's (`từ 1/12 đến 10/12/2024`), or the
 * year before when it would otherwise come after the end; an end without a
 * year takes the start's (`từ tháng 11/2023 đến tháng 2` ends in 2024); when
 * neither states a year, the reference-year refiner places them.
 */
import { ParsingResult, type ParsingComponents, type ParsingContext, type Refiner } from 'chrono-node';
import { TAG } from '../expression.js';
import type { DateRules } from '../rules.js';
import { BLANKS, SPACE } from '../parsers/base.js';

export class MergeRangeRefiner implements Refiner {
  private readonly between: RegExp;

  constructor(rules: DateRules) {
    this.between = new RegExp(`^(?:${BLANKS}[-–—]${BLANKS}|${SPACE}${rules.rangeWords.source}${SPACE})$`, 'u');
  }

  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const out: ParsingResult[] = [];
    for (let i = 0; i < results.length; i++) {
      const cur = results[i]!;
      const next = results[i + 1];
      if (!next || !this.mergeable(context, cur, next)) {
        out.push(cur);
        continue;
      }
      const start = cur.start;
      const end = next.start;
      const yearless = !start.isCertain('year') && end.isCertain('year');
      const year = yearless ? end.get('year')! - (dayOfYear(start) > dayOfYear(end) ? 1 : 0) : start.get('year')!;
      const ordered = !end.isCertain('year') || year * 10000 + dayOfYear(start) <= end.get('year')! * 10000 + dayOfYear(end);
      if (!ordered) {
        out.push(cur);
        continue;
      }
      if (yearless) start.assign('year', year);
      if (start.isCertain('year') && !end.isCertain('year')) end.assign('year', year + (dayOfYear(end) < dayOfYear(start) ? 1 : 0));
      start.addTag(TAG.rule + 'date-range');
      const stop = next.index + next.text.length;
      out.push(new ParsingResult(context.reference, cur.index, context.text.slice(cur.index, stop), start, end));
      i++;
    }
    return out;
  }

  private mergeable(context: ParsingContext, cur: ParsingResult, next: ParsingResult): boolean {
    if (cur.end || next.end) return false;
    if (!cur.start.isCertain('year') && !cur.start.isCertain('month')) return false;
    return this.between.test(context.text.slice(cur.index + cur.text.length, next.index));
  }
}

/** Month and day as one comparable number (`12-27` → 1227). */
function dayOfYear(c: ParsingComponents): number {
  return c.get('month')! * 100 + c.get('day')!;
}
