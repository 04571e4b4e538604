/**
 * A day or month without a stated year followed by a word of recurrence
 * (`Ngày 20/11 hằng năm`) is every year's: it keeps no year. The recurrence
 * word is vague itself and stays outside the mention.
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { TAG } from '../expression.js';
import { SPACE, WORD_END } from '../parsers/base.js';
import type { DateRules } from '../rules.js';

export class RecurringRefiner implements Refiner {
  private readonly after: RegExp;

  constructor(rules: DateRules) {
    this.after = new RegExp(`^,?${SPACE}${rules.recurring.source}${WORD_END}`, 'u');
  }

  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const result of results) {
      const yearless = result.start.isCertain('month') && !result.start.isCertain('year') && !result.tags().has(TAG.relative);
      const end = result.index + result.text.length;
      if (yearless && this.after.test(context.text.slice(end, end + 30))) result.addTag(TAG.recurring);
    }
    return results;
  }
}
