/**
 * A day named in words next to its date is that date: `thứ Hai (9/1)`,
 * `thứ 2, ngày 9/1`, `ngày 9/1 (thứ Năm)`, `Sáng hôm qua (14/1)`. A closing
 * bracket that pairs an opening one inside the mention belongs to it.
 */
import { ParsingResult, type ParsingContext, type Refiner } from 'chrono-node';
import { ruleOf, TAG } from '../expression.js';

const BETWEEN = /^[^\S\n]*,?[^\S\n]*\(?[^\S\n]*$/u;

export class MergeNamedDayRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const out: ParsingResult[] = [];
    for (let i = 0; i < results.length; i++) {
      const cur = results[i]!;
      const next = results[i + 1];
      const between = next ? context.text.slice(cur.index + cur.text.length, next.index) : '';
      const pair = next && BETWEEN.test(between) && isNamedDay(cur) !== isNamedDay(next) && isDate(isNamedDay(cur) ? next : cur);
      if (!next || !pair) {
        out.push(cur);
        continue;
      }
      const date = isNamedDay(cur) ? next : cur;
      let end = next.index + next.text.length;
      if (between.includes('(') && context.text.charAt(end) === ')') end++;
      date.start.addTag(TAG.rule + 'named-day-date');
      out.push(new ParsingResult(context.reference, cur.index, context.text.slice(cur.index, end), date.start, date.end));
      i++;
    }
    return out;
  }
}

const NAMED_DAY_RULES = new Set(['weekday', 'relative-day']);

function isNamedDay(result: ParsingResult): boolean {
  return NAMED_DAY_RULES.has(ruleOf(result));
}

/** A day the text states (not itself computed from the reference). */
function isDate(result: ParsingResult): boolean {
  return !result.end && result.start.isCertain('day') && !result.tags().has(TAG.relative);
}
