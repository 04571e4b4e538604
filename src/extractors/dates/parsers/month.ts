/**
 * `tháng 12/2021`, `tháng 11 năm 2023`, `tháng 12 năm nay`, `tháng 3`,
 * `tháng Giêng`, and a run of months `tháng 1-3/2024`.
 */
import type { ParsingContext } from 'chrono-node';
import { stated, TAG } from '../expression.js';
import { BLANKS, DateParser, NUMBER_END, SPACE, type Groups } from './base.js';
import { suffixYear, yearSuffix } from './year-suffix.js';

export class MonthParser extends DateParser {
  readonly id = 'month';

  protected source(): string {
    const { units, monthNames } = this.rules;
    return `${units.month.source}${SPACE}(?:(?<month>\\d{1,2})(?:${BLANKS}[-–]${BLANKS}(?<last>\\d{1,2}))?|(?<name>${monthNames.source}))${yearSuffix(this.rules)}${NUMBER_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const month = g['name'] ? this.rules.monthNames.get(g['name']) : Number(g['month']);
    const last = g['last'] ? Number(g['last']) : undefined;
    if (month === undefined || month < 1 || month > 12 || (last !== undefined && (last <= month || last > 12))) return null;
    if (this.preceded(context, index, this.rules.countingBefore) || this.followed(context, index + text.length, this.rules.countingAfter)) return null;
    const { year, relative } = suffixYear(context, this.rules, g);
    const end = last === undefined ? undefined : stated(context, { month: last, year });
    const result = context.createParsingResult(index, text, stated(context, { month, year }), end);
    return relative ? result.addTag(TAG.relative) : result;
  }
}
