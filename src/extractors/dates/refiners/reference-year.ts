/**
 * Fills a year the text does not state from the reference date, as the
 * contract says: the reference year, or the year before when the month is
 * more than one month after the reference month (a January article's
 * `ngày 27/12` is last December). The year stays implied, not stated; a
 * range's end month before its start month falls in the following year.
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
      const end = result.end;
      if (end && !end.isCertain('year')) end.imply('year', end.get('month')! < result.start.get('month')! ? year + 1 : year);
    }
    return results;
  }
}
