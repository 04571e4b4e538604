/**
 * `từ ngày 01 - 10/12/2024`, `ngày 9 đến 10/1`, `từ 20 - 22/11`: two days of
 * one month, the month (and year) written once after the second. Without a
 * year it needs a day anchor or a qualifier before it (`7-10/12` alone may be
 * a count over a fraction).
 */
import type { ParsingContext } from 'chrono-node';
import { isCalendarDate, stated } from '../expression.js';
import { BLANKS, DateParser, NUMBER_END, SPACE, YEAR, type Groups } from './base.js';

export class DayRangeParser extends DateParser {
  readonly id = 'day-range';

  protected source(): string {
    const { dayAnchors, rangeWords } = this.rules;
    const anchor = `(?:${dayAnchors.source}${SPACE})`;
    const between = `(?:${BLANKS}[-–—]${BLANKS}|${SPACE}${rangeWords.source}${SPACE})${anchor}?`;
    return `(?:(?<anchor>${dayAnchors.source})${SPACE})?(?<from>\\d{1,2})${between}(?<to>\\d{1,2})(?<sep>[/.\\-])(?<month>\\d{1,2})(?:\\k<sep>(?<year>${YEAR}))?${NUMBER_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const [from, to, month] = [Number(g['from']), Number(g['to']), Number(g['month'])];
    const year = g['year'] ? Number(g['year']) : undefined;
    if (!g['anchor'] && year === undefined && !this.preceded(context, index, this.rules.qualifiers)) return null;
    if (from >= to || !isCalendarDate(from, month, year) || !isCalendarDate(to, month, year)) return null;
    return context.createParsingResult(index, text, stated(context, { day: from, month, year }), stated(context, { day: to, month, year }));
  }
}
