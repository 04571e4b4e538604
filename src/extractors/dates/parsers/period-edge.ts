/**
 * `cuối năm`, `đầu tháng`, `giữa năm`: that part of the reference year or
 * month, when no number or relative word follows (those are the year and
 * month parsers' with a qualifier: `cuối năm 2019`, `đầu năm nay`).
 */
import type { ParsingContext } from 'chrono-node';
import { relativeTo, TAG } from '../expression.js';
import { DateParser, SPACE, WORD_END, type Groups } from './base.js';

export class PeriodEdgeParser extends DateParser {
  readonly id = 'period-edge';

  protected source(): string {
    const { edgeQualifiers, units, periodEdgeStops } = this.rules;
    return `(?<edge>${edgeQualifiers.source})${SPACE}(?:(?<year>${units.year.source})|${units.month.source})${WORD_END}(?!${SPACE}(?:\\d|${periodEdgeStops.source}${WORD_END}))`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const mod = this.rules.edgeQualifiers.get(g['edge'] ?? '');
    if (!mod) return null;
    return context.createParsingResult(index, text, relativeTo(context, {}, g['year'] ? 'year' : 'month')).addTag(TAG.mod + mod);
  }
}
