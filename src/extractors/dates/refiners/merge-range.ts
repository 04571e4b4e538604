/**
 * Two dates joined by a dash or a range word are one range:
 * `tháng 12/2021 đến tháng 11/2023`, `2/4/1904 - 2/4/2024`. A start without a
 * year takes the end's (`từ 1/12 đến 10/12/2024`), or the year before when it
 * would otherwise come after the end.
 */
import { ParsingResult, type ParsingContext, type Refiner } from 'chrono-node';
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
      if (!start.isCertain('year') && next.start.isCertain('year')) {
        const year = next.start.get('year')!;
        const later = (start.get('month')! - next.start.get('month')!) * 100 + (start.get('day')! - next.start.get('day')!) > 0;
        start.assign('year', later ? year - 1 : year);
      }
      if (start.date() > next.start.date()) {
        out.push(cur);
        continue;
      }
      start.addTag(TAG.rule + 'date-range');
      const end = next.index + next.text.length;
      out.push(new ParsingResult(context.reference, cur.index, context.text.slice(cur.index, end), start, next.start));
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
