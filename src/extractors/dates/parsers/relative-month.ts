/**
 * `tháng này`, `tháng trước`, `tháng tới`: months counted from the reference
 * date; with a count, a run of months (`4 tháng qua`: the last four months,
 * `hai tháng tới`: the next two). After a counting word it is no date.
 */
import type { ParsingContext } from 'chrono-node';
import { relativeTo, stated, TAG } from '../expression.js';
import { countSource, countValue, DateParser, SPACE, WORD_END, type Groups } from './base.js';

export class RelativeMonthParser extends DateParser {
  readonly id = 'relative-month';

  protected source(): string {
    return `(?:${countSource(this.rules)}${SPACE})?(?<month>${this.rules.relativeMonths.source})${WORD_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const entry = this.rules.relativeMonths.get(g['month'] ?? '');
    if (!entry || this.preceded(context, index, this.rules.countingBefore) || this.afterNumber(context, index)) return null;
    const count = g['count'] ? countValue(this.rules, g['count']) : undefined;
    if (count === undefined) return context.createParsingResult(index, text, relativeTo(context, { months: entry.offset }, 'month'));
    if (entry.withCount !== 'run' || count < 2 || count > 24) return null;
    const ref = context.refDate;
    const first = entry.offset > 0 ? entry.offset : entry.offset - count + 1;
    const at = (shift: number) => {
      const d = new Date(ref.getFullYear(), ref.getMonth() + shift, 1, 12);
      return stated(context, { year: d.getFullYear(), month: d.getMonth() + 1 });
    };
    return context.createParsingResult(index, text, at(first), at(first + count - 1)).addTag(TAG.relative);
  }
}
