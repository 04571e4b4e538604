/**
 * A bare year in a list after the year word: `các năm 2019, 2020 và 2021`
 * gives `năm 2019` (the year parser's), `2020` and `2021`. The list is checked
 * against the text before each year, which the pattern cannot see.
 */
import type { ParsingContext } from 'chrono-node';
import { stated } from '../expression.js';
import { BLANKS, DateParser, NUMBER_END, SPACE, YEAR, type Groups } from './base.js';

export class YearListParser extends DateParser {
  readonly id = 'year-list';
  private list: RegExp | undefined;

  protected source(): string {
    return `(?<year>${YEAR})${NUMBER_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const { units, yearListJoiners } = this.rules;
    const joiner = `(?:${BLANKS}${yearListJoiners.source}${SPACE})`;
    this.list ??= new RegExp(`${units.year.source}${SPACE}${YEAR}(?:${joiner}${YEAR})*${joiner}$`, 'u');
    if (!this.list.test(context.text.slice(Math.max(0, index - 80), index))) return null;
    return context.createParsingResult(index, text, stated(context, { year: Number(g['year']) }));
  }
}
