/**
 * `ngày 5 tháng 8 năm 2020`, `mùng 2 tháng 9`, `ngày 1 tháng Giêng`: a date
 * written with the unit words. Without a day anchor it needs its year.
 */
import type { ParsingContext } from 'chrono-node';
import { isCalendarDate, stated } from '../expression.js';
import { DateParser, SPACE, WORD_END, YEAR, type Groups } from './base.js';

export class SpelledDateParser extends DateParser {
  readonly id = 'spelled-date';

  protected source(): string {
    const { dayAnchors, units, monthNames } = this.rules;
    return (
      `(?:(?<anchor>${dayAnchors.source})${SPACE})?(?<day>\\d{1,2})${SPACE}${units.month.source}${SPACE}` +
      `(?:(?<month>\\d{1,2})|(?<name>${monthNames.source}))(?:,?${SPACE}${units.year.source}${SPACE}(?<year>${YEAR}))?${WORD_END}`
    );
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const day = Number(g['day']);
    const month = g['name'] ? this.rules.monthNames.get(g['name']) : Number(g['month']);
    const year = g['year'] ? Number(g['year']) : undefined;
    if (month === undefined || (!g['anchor'] && year === undefined) || !isCalendarDate(day, month, year)) return null;
    return context.createParsingResult(index, text, stated(context, { day, month, year }));
  }
}
