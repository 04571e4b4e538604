/** `quý này`, `quý trước`, `quý sau`: the quarter counted from the reference date. */
import type { ParsingContext } from 'chrono-node';
import { stated, TAG } from '../expression.js';
import { DateParser, WORD_END, type Groups } from './base.js';

export class RelativeQuarterParser extends DateParser {
  readonly id = 'relative-quarter';

  protected source(): string {
    return `(?<quarter>${this.rules.relativeQuarters.source})${WORD_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const entry = this.rules.relativeQuarters.get(g['quarter'] ?? '');
    if (!entry || this.preceded(context, index, this.rules.countingBefore) || this.afterNumber(context, index)) return null;
    const ref = context.refDate;
    const first = new Date(ref.getFullYear(), Math.floor(ref.getMonth() / 3) * 3 + entry.offset * 3, 1, 12);
    const year = first.getFullYear();
    const month = first.getMonth() + 1;
    const result = context.createParsingResult(index, text, stated(context, { year, month }), stated(context, { year, month: month + 2 }));
    return result.addTag(TAG.relative).addTag(TAG.grain + 'quarter');
  }
}
