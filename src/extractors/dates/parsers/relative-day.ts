/**
 * `hôm qua`, `hôm nay`, `ngày mai`, and a part of the day with a relative word
 * (`sáng nay`, `chiều qua`, `tối hôm qua`): days counted from the reference date.
 */
import type { ParsingContext } from 'chrono-node';
import { relativeTo } from '../expression.js';
import { DateParser, SPACE, WORD_END, type Groups } from './base.js';

export class RelativeDayParser extends DateParser {
  readonly id = 'relative-day';

  protected source(): string {
    const { relativeDays, partsOfDay, partOfDayRelative } = this.rules;
    return `(?:(?<day>${relativeDays.source})|${partsOfDay.source}${SPACE}(?<part>${partOfDayRelative.source}))${WORD_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const entry = g['day'] ? this.rules.relativeDays.get(g['day']) : this.rules.partOfDayRelative.get(g['part'] ?? '');
    if (!entry) return null;
    return context.createParsingResult(index, text, relativeTo(context, { days: entry.offset }, 'day'));
  }
}
