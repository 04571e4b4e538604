/** `quý I/2025`, `quý 4 năm 2024`, `quý III`: a quarter, as its first and last month. */
import type { ParsingContext } from 'chrono-node';
import { stated, TAG } from '../expression.js';
import { BLANKS, DateParser, NUMBER_END, SPACE, WORD_END, YEAR, type Groups } from './base.js';

export class QuarterParser extends DateParser {
  readonly id = 'quarter';

  protected source(): string {
    const { units, romanNumerals } = this.rules;
    const year = `(?:${BLANKS}[/.\\-]${BLANKS}|${SPACE}${units.year.source}${SPACE})(?<year>${YEAR})${NUMBER_END}`;
    return `${units.quarter.source}${SPACE}(?:(?<roman>${romanNumerals.source})|(?<digit>[1-4]))(?:${year}|${WORD_END})`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const quarter = g['roman'] ? this.rules.romanNumerals.get(g['roman']) : Number(g['digit']);
    if (quarter === undefined) return null;
    if (this.preceded(context, index, this.rules.countingBefore)) return null;
    const year = g['year'] ? Number(g['year']) : undefined;
    const result = context.createParsingResult(index, text, stated(context, { month: quarter * 3 - 2, year }), stated(context, { month: quarter * 3, year }));
    return result.addTag(TAG.grain + 'quarter');
  }
}
