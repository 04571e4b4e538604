/**
 * `ngày 10/11/2022`, `14-9-2018`, `05.8.2020`, `Ngày 27/12`, `26/3`,
 * `Quốc khánh 2-9`, `Sáng 20-11`: a day and month in digits, with or without
 * a year.
 *
 * Without a year the slash form stands alone, unless the words around it make
 * it a fraction (`đạt 2/3`, `1/2 số xã`); a dash or dot form needs a day
 * anchor, a part of the day or a weekday before it (`ngày 2-9`, `Sáng 20-11`),
 * since `7-10` and `4.0` are not dates; so may a lead such as `từ`, `đến`
 * (`áp dụng từ 1-10`) when no lower-case word follows (`từ 7-10 phút`), or
 * brackets around it alone (`(1.10)`). A two-digit year (`15/8/19`) is of the
 * reference century unless that puts it more than `two_digit_year_ahead`
 * years after the reference year. The day must exist in that month (`31/2`
 * is not a date).
 */
import type { ParsingContext } from 'chrono-node';
import { WORD_START } from '../../../rules/pattern.js';
import { isCalendarDate, stated } from '../expression.js';
import { BLANKS, DateParser, NUMBER_END, SPACE, YEAR, type Groups } from './base.js';

export class NumericDateParser extends DateParser {
  readonly id = 'numeric-date';

  protected source(): string {
    const { dayAnchors } = this.rules;
    return `(?:(?<anchor>${dayAnchors.source})${SPACE})?(?<day>\\d{1,2})(?<sep>[/.\\-])(?<month>\\d{1,2})(?:\\k<sep>(?:(?<year>${YEAR})|(?<short>\\d{2})))?${NUMBER_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const day = Number(g['day']);
    const month = Number(g['month']);
    const year = g['year'] ? Number(g['year']) : g['short'] ? this.fullYear(context, Number(g['short'])) : undefined;
    if (!isCalendarDate(day, month, year)) return null;
    if (g['short'] && g['sep'] !== '/') return null;
    if (year === undefined && !g['anchor']) {
      const placed = this.preceded(context, index, this.rules.partsOfDay) || this.afterWeekday(context, index) || this.led(context, index, text) || this.bracketed(context, index, text);
      if (g['sep'] !== '/' && !placed) return null;
      if (this.preceded(context, index, this.rules.fractionBefore)) return null;
      if (this.followed(context, index + text.length, this.rules.fractionAfter)) return null;
    }
    return context.createParsingResult(index, text, stated(context, { day, month, year }));
  }

  /** `15/8/19`: the year in the reference century, or the one before when that is too far ahead. */
  private fullYear(context: ParsingContext, short: number): number {
    const refYear = context.refDate.getFullYear();
    const century = refYear - (refYear % 100);
    return century + short > refYear + this.rules.twoDigitYearAhead ? century - 100 + short : century + short;
  }

  /** `áp dụng từ 1-10.`: after a lead word, and no lower-case word after it (`từ 7-10 phút`). */
  private led(context: ParsingContext, index: number, text: string): boolean {
    const after = context.text.slice(index + text.length, index + text.length + 3);
    return this.preceded(context, index, this.rules.dashDateLeads) && !/^[^\S\n]+\p{Ll}/u.test(after);
  }

  /** `(1.10)`: alone in brackets. */
  private bracketed(context: ParsingContext, index: number, text: string): boolean {
    return context.text.charAt(index - 1) === '(' && context.text.charAt(index + text.length) === ')';
  }

  /** `thứ Hai (20-11)`, `Chủ nhật, 20-11`: right after a weekday. */
  private afterWeekday(context: ParsingContext, index: number): boolean {
    this.weekdayBefore ??= new RegExp(`${WORD_START}${this.rules.weekdays.source}${BLANKS},?${BLANKS}\\(?${BLANKS}$`, 'u');
    return this.weekdayBefore.test(context.text.slice(Math.max(0, index - 20), index));
  }
  private weekdayBefore: RegExp | undefined;
}
