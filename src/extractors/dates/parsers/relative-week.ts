/**
 * `tuần này`, `tuần trước`, `tuần sau`: the week (Monday to Sunday) counted
 * from the reference date, as a range of days. After a counting word (`mỗi
 * tuần`) or a number (`2 tuần trước` is a duration) it is no date.
 */
import type { ParsingContext } from 'chrono-node';
import { relativeTo, TAG } from '../expression.js';
import { DateParser, WORD_END, type Groups } from './base.js';

/** Days from the reference date to the Monday of the week `weeks` away. */
export function mondayOf(context: ParsingContext, weeks: number): number {
  const fromMonday = (context.refDate.getDay() + 6) % 7;
  return weeks * 7 - fromMonday;
}

export class RelativeWeekParser extends DateParser {
  readonly id = 'relative-week';

  protected source(): string {
    return `(?<week>${this.rules.relativeWeeks.source})${WORD_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const entry = this.rules.relativeWeeks.get(g['week'] ?? '');
    if (!entry || this.preceded(context, index, this.rules.countingBefore) || this.afterNumber(context, index)) return null;
    const monday = mondayOf(context, entry.offset);
    const result = context.createParsingResult(index, text, relativeTo(context, { days: monday }, 'day'), relativeTo(context, { days: monday + 6 }, 'day'));
    return result.addTag(TAG.relative);
  }
}
