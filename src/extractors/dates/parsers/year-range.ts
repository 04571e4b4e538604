/**
 * `giai đoạn 2016-2020`, `thời kỳ 2021 - 2030`, `năm 2018 - 2019`,
 * `năm học 2024/2025`, `giai đoạn từ 2021 đến 2025`, and a bare `2021-2025`
 * or `từ 2021 đến 2025` when both numbers are plausible years close together
 * (`bare_year_range`).
 */
import type { ParsingContext } from 'chrono-node';
import { stated } from '../expression.js';
import { BLANKS, DateParser, NUMBER_END, SPACE, YEAR, type Groups } from './base.js';

export class YearRangeParser extends DateParser {
  readonly id = 'year-range';

  protected source(): string {
    const { periodWords, rangeWords, qualifiers, units } = this.rules;
    const lead = `(?:(?<lead>${periodWords.source})${SPACE}(?:${qualifiers.source}${SPACE})?)`;
    const between = `(?:${BLANKS}(?<dash>[-–—/])${BLANKS}|${SPACE}${rangeWords.source}${SPACE}(?:${units.year.source}${SPACE})?)`;
    return `${lead}?(?<from>${YEAR})${between}(?<to>${YEAR})${NUMBER_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const [from, to] = [Number(g['from']), Number(g['to'])];
    const bare = this.rules.bareYearRange;
    if (to <= from) return null;
    if (!g['lead']) {
      if (from < bare.from || to > bare.to || to - from > bare.maxSpan || g['dash'] === '/') return null;
      if (!g['dash'] && !this.preceded(context, index, this.rules.qualifiers)) return null;
    }
    return context.createParsingResult(index, text, stated(context, { year: from }), stated(context, { year: to }));
  }
}
