/**
 * `năm 2024`, `Năm 2018`, `tầm nhìn 2045`, `đến 2030`, `từ 2016`, `dịp Tết
 * 2025`: a year, after the year word or a year lead. After a lead a year must
 * lie within `bare_year_range`, no number may come before the lead (`từ 1500
 * đến 2000 người`) and no counted word after it (`từ 2000 người`).
 */
import type { ParsingContext } from 'chrono-node';
import { stated } from '../expression.js';
import { DateParser, NUMBER_END, SPACE, YEAR, type Groups } from './base.js';

export class YearParser extends DateParser {
  readonly id = 'year';

  protected source(): string {
    const { units, yearLeads } = this.rules;
    return `(?:(?<lead>${yearLeads.source})|${units.year.source})${SPACE}(?<year>${YEAR})${NUMBER_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const year = Number(g['year']);
    if (g['lead']) {
      const { from, to } = this.rules.bareYearRange;
      if (year < from || year > to || this.afterNumber(context, index)) return null;
      if (this.followed(context, index + text.length, this.rules.fractionAfter)) return null;
    }
    return context.createParsingResult(index, text, stated(context, { year }));
  }
}
