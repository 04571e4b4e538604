/**
 * Words before a date that belong to its mention: a part of the day before a
 * day (`Chiều 9/1`, `Sáng thứ Hai`), and qualifiers (`đến năm 2030`,
 * `so với cùng kỳ năm 2023`, `đến cuối năm 2019`). They chain leftwards; a
 * qualifier with a `mod` (`cuối`, `đầu`, `giữa`) marks the part of a year,
 * quarter or month meant, and does not apply to a day.
 */
import { ParsingResult, type ParsingContext, type Refiner } from 'chrono-node';
import { TAG } from '../expression.js';
import type { DateRules } from '../rules.js';
import { endsWith } from '../parsers/base.js';

export class QualifierRefiner implements Refiner {
  constructor(private readonly rules: DateRules) {}

  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    let floor = 0;
    return results.map((result) => {
      const day = result.start.isCertain('day') || result.tags().has(TAG.relativeDay);
      const hasMod = [...result.tags()].some((t) => t.startsWith(TAG.mod));
      let index = result.index;
      let mod: string | undefined;
      for (;;) {
        const before = context.text.slice(Math.max(floor, index - 40), index);
        const part = day ? endsWith(before, this.rules.partsOfDay) : null;
        const word = part ? null : endsWith(before, this.rules.qualifiers);
        const qualifier = word ? this.rules.qualifiers.get(word[0]) : undefined;
        if (qualifier?.mod && (day || hasMod || mod)) break;
        const taken = part ?? word;
        if (!taken) break;
        mod ??= qualifier?.mod;
        index -= taken[0].length;
      }
      floor = result.index + result.text.length;
      if (index === result.index) return result;
      const extended = new ParsingResult(context.reference, index, context.text.slice(index, floor), result.start, result.end);
      return mod ? extended.addTag(TAG.mod + mod) : extended;
    });
  }
}
