/**
 * `thứ Hai`, `Chủ nhật`, and the ambiguous `thứ 2`, `thứ hai` (also ordinals),
 * which count only next to a date. Alone, a weekday is the closest such day
 * to the reference date; after a counting word (`các ngày thứ Bảy`) it is
 * every such day, no date.
 */
import type { ParsingContext } from 'chrono-node';
import { relativeTo, TAG } from '../expression.js';
import { DateParser, endsWith, WORD_END, type Groups } from './base.js';

export class WeekdayParser extends DateParser {
  readonly id = 'weekday';

  protected source(): string {
    return `(?<weekday>${this.rules.weekdays.source})${WORD_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const entry = this.rules.weekdays.get(g['weekday'] ?? '');
    if (!entry || this.habitual(context, index)) return null;
    const ahead = (entry.weekday - context.refDate.getDay() + 7) % 7;
    const components = relativeTo(context, { days: ahead > 3 ? ahead - 7 : ahead }, 'day');
    components.assign('weekday', entry.weekday);
    const result = context.createParsingResult(index, text, components);
    return entry.needsDate ? result.addTag(TAG.needsDate) : result;
  }

  /** `các ngày thứ Bảy`, `mỗi Chủ nhật`: every such day, not one. */
  private habitual(context: ParsingContext, index: number): boolean {
    const before = context.text.slice(Math.max(0, index - 30), index);
    const day = endsWith(before, this.rules.units.day);
    return !!endsWith(day ? before.slice(0, day.index) : before, this.rules.countingBefore);
  }
}
