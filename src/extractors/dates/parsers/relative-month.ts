/** `tháng này`, `tháng trước`, `tháng tới`: months counted from the reference date. */
import type { ParsingContext } from 'chrono-node';
import { relativeTo } from '../expression.js';
import { DateParser, WORD_END, type Groups } from './base.js';

export class RelativeMonthParser extends DateParser {
  readonly id = 'relative-month';

  protected source(): string {
    return `(?<month>${this.rules.relativeMonths.source})${WORD_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const entry = this.rules.relativeMonths.get(g['month'] ?? '');
    if (!entry || this.preceded(context, index, this.rules.countingBefore) || this.afterNumber(context, index)) return null;
    return context.createParsingResult(index, text, relativeTo(context, { months: entry.offset }, 'month'));
  }
}
