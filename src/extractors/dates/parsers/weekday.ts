/**
 * `thứ Hai`, `Chủ nhật`, and the ambiguous `thứ 2`, `thứ hai` (also ordinals),
 * which count only next to a date. Alone, a weekday is the closest such day
 * to the reference date; with a relative week it is that day of that week
 * (`thứ Hai tuần sau`, `Chủ nhật tuần trước`: weeks run Monday to Sunday, and
 * a week makes even `thứ 2` a day); with a direction, the closest such day
 * before or after the reference day (`thứ Tư vừa qua`, `thứ Sáu tới`). After
 * a counting word (`các ngày thứ Bảy`) it is every such day, no date; after
 * a noun that takes ordinals (`Kỳ họp thứ Ba`, `lần thứ Hai`) it is no day.
 */
import type { ParsingContext } from 'chrono-node';
import { relativeTo, TAG } from '../expression.js';
import { DateParser, endsWith, SPACE, WORD_END, type Groups } from './base.js';
import { mondayOf } from './relative-week.js';

export class WeekdayParser extends DateParser {
  readonly id = 'weekday';

  protected source(): string {
    const { weekdays, relativeWeeks, weekdayDirections } = this.rules;
    return `(?<weekday>${weekdays.source})(?:${SPACE}(?:(?<week>${relativeWeeks.source})|(?<direction>${weekdayDirections.source})))?${WORD_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const entry = this.rules.weekdays.get(g['weekday'] ?? '');
    if (!entry || this.habitual(context, index) || this.preceded(context, index, this.rules.ordinalNouns)) return null;
    const week = g['week'] ? this.rules.relativeWeeks.get(g['week']) : undefined;
    const direction = g['direction'] ? this.rules.weekdayDirections.get(g['direction']) : undefined;
    const ahead = (entry.weekday - context.refDate.getDay() + 7) % 7;
    let days = ahead > 3 ? ahead - 7 : ahead;
    if (week) days = mondayOf(context, week.offset) + ((entry.weekday + 6) % 7);
    else if (direction === -1) days = ahead === 0 ? -7 : ahead - 7;
    else if (direction === 1) days = ahead === 0 ? 7 : ahead;
    const components = relativeTo(context, { days }, 'day');
    components.assign('weekday', entry.weekday);
    const result = context.createParsingResult(index, text, components);
    return entry.needsDate && !week ? result.addTag(TAG.needsDate) : result;
  }

  /** `các ngày thứ Bảy`, `mỗi Chủ nhật`: every such day, not one. */
  private habitual(context: ParsingContext, index: number): boolean {
    const before = context.text.slice(Math.max(0, index - 30), index);
    const day = endsWith(before, this.rules.units.day);
    return !!endsWith(day ? before.slice(0, day.index) : before, this.rules.countingBefore);
  }
}
