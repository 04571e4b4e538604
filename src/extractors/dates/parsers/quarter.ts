/** `quý I/2025`, `quý 4 năm 2024`, `quý IV năm nay`, `quý III`: a quarter, as its first and last month. */
import type { ParsingContext } from 'chrono-node';
import { stated, TAG } from '../expression.js';
import { DateParser, NUMBER_END, SPACE, type Groups } from './base.js';
import { suffixYear, yearSuffix } from './year-suffix.js';

export class QuarterParser extends DateParser {
  readonly id = 'quarter';

  protected source(): string {
    const { units, romanNumerals } = this.rules;
    return `${units.quarter.source}${SPACE}(?:(?<roman>${romanNumerals.source})|(?<digit>[1-4]))${yearSuffix(this.rules)}${NUMBER_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const quarter = g['roman'] ? this.rules.romanNumerals.get(g['roman']) : Number(g['digit']);
    if (quarter === undefined) return null;
    if (this.preceded(context, index, this.rules.countingBefore)) return null;
    const { year, relative } = suffixYear(context, this.rules, g);
    const result = context.createParsingResult(index, text, stated(context, { month: quarter * 3 - 2, year }), stated(context, { month: quarter * 3, year }));
    if (relative) result.addTag(TAG.relative);
    return result.addTag(TAG.grain + 'quarter');
  }
}
