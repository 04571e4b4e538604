/**
 * Fills a year the text does not state from the reference date, as the
 * contract says: the reference year, or the year before when the month is
 * more than one month after the reference month (a January article's
 * `ngày 27/12` is last December). The year stays implied, not stated.
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

export class ReferenceYearRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const refYear = context.refDate.getFullYear();
    const refMonth = context.refDate.getMonth() + 1;
    for (const result of results) {
      if (!result.start.isCertain('month') || result.start.isCertain('year')) continue;
      const year = result.start.get('month')! > refMonth + 1 ? refYear - 1 : refYear;
      result.start.imply('year', year);
      if (result.end && !result.end.isCertain('year')) result.end.imply('year', year);
    }
    return results;
  }
}
