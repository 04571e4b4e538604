/**
 * `năm nay`, `năm qua`, `năm tới`, `năm ngoái`, and with a count `2 năm qua`, `hai năm tới`
 * (the last two years) or `2 năm trước` (two years before): years counted
 * from the reference date. `năm qua` in an article of January to March is the
 * year just ended. After a counting word (`những năm qua`) it is no date.
 */
import type { ParsingContext } from 'chrono-node';
import { relativeTo, stated, TAG } from '../expression.js';
import type { DateRules, Relative } from '../rules.js';
import { countSource, countValue, DateParser, SPACE, WORD_END, type Groups } from './base.js';

/** The year a relative year names, from the reference date. */
export function relativeYear(context: ParsingContext, rules: DateRules, entry: Relative): number {
  const ref = context.refDate;
  const early = entry.earlyOffset !== undefined && ref.getMonth() + 1 <= rules.earlyUntilMonth;
  return ref.getFullYear() + (early ? entry.earlyOffset! : entry.offset);
}

export class RelativeYearParser extends DateParser {
  readonly id = 'relative-year';

  protected source(): string {
    return `(?:${countSource(this.rules)}${SPACE})?(?<year>${this.rules.relativeYears.source})${WORD_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const entry = this.rules.relativeYears.get(g['year'] ?? '');
    if (!entry || this.preceded(context, index, this.rules.countingBefore) || this.afterNumber(context, index)) return null;
    const year = relativeYear(context, this.rules, entry);
    const count = g['count'] ? countValue(this.rules, g['count']) : undefined;
    if (count === undefined) return context.createParsingResult(index, text, relativeTo(context, { years: year - context.refDate.getFullYear() }, 'year'));
    if (!entry.withCount || count < 1) return null;
    if (entry.withCount === 'shift') {
      return context.createParsingResult(index, text, relativeTo(context, { years: Math.sign(entry.offset) * count }, 'year'));
    }
    const [from, to] = entry.offset > 0 ? [year, year + count - 1] : [year - count + 1, year];
    if (from === to) return context.createParsingResult(index, text, relativeTo(context, { years: from - context.refDate.getFullYear() }, 'year'));
    return context.createParsingResult(index, text, stated(context, { year: from }), stated(context, { year: to })).addTag(TAG.relative);
  }
}
