/**
 * `ngày 10/11/2022`, `14-9-2018`, `05.8.2020`, `Ngày 27/12`, `26/3`,
 * `Quốc khánh 2-9`, `Sáng 20-11`: a day and month in digits, with or without
 * a year.
 *
 * Without a year the slash form stands alone, unless the words around it make
 * it a fraction (`đạt 2/3`, `1/2 số xã`); a dash or dot form needs a day
 * anchor, a part of the day or a weekday before it (`ngày 2-9`, `Sáng 20-11`),
 * since `7-10` and `4.0` are not dates. The day must
 * exist in that month (`31/2` is not a date).
 */
import type { ParsingContext } from 'chrono-node';
import { WORD_START } from '../../../rules/pattern.js';
import { isCalendarDate, stated } from '../expression.js';
import { BLANKS, DateParser, NUMBER_END, SPACE, YEAR, type Groups } from './base.js';

export class NumericDateParser extends DateParser {
  readonly id = 'numeric-date';

  protected source(): string {
    const { dayAnchors } = this.rules;
    return `(?:(?<anchor>${dayAnchors.source})${SPACE})?(?<day>\\d{1,2})(?<sep>[/.\\-])(?<month>\\d{1,2})(?:\\k<sep>(?<year>${YEAR}))?${NUMBER_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const day = Number(g['day']);
    const month = Number(g['month']);
    const year = g['year'] ? Number(g['year']) : undefined;
    if (!isCalendarDate(day, month, year)) return null;
    if (year === undefined && !g['anchor']) {
      if (g['sep'] !== '/' && !this.preceded(context, index, this.rules.partsOfDay) && !this.afterWeekday(context, index)) return null;
      if (this.preceded(context, index, this.rules.fractionBefore)) return null;
      if (this.followed(context, index + text.length, this.rules.fractionAfter)) return null;
    }
    return context.createParsingResult(index, text, stated(context, { day, month, year }));
  }

  /** `thứ Hai (20-11)`, `Chủ nhật, 20-11`: right after a weekday. */
  private afterWeekday(context: ParsingContext, index: number): boolean {
    this.weekdayBefore ??= new RegExp(`${WORD_START}${this.rules.weekdays.source}${BLANKS},?${BLANKS}\\(?${BLANKS}$`, 'u');
    return this.weekdayBefore.test(context.text.slice(Math.max(0, index - 20), index));
  }
  private weekdayBefore: RegExp | undefined;
}
