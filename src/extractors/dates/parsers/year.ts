/**
 * `năm 2024`, `Năm 2018`, `tầm nhìn 2045`, `đến 2030`: a year, after the year
 * word or a year lead. After a lead that also joins numbers (`từ 1500 đến
 * 2000 người`) it is no year when a number comes before the lead.
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
    if (g['lead'] && this.afterNumber(context, index)) return null;
    return context.createParsingResult(index, text, stated(context, { year: Number(g['year']) }));
  }
}
