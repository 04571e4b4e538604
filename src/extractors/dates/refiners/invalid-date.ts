/**
 * Drops results whose start or end is no calendar date. Unlike chrono's
 * UnlikelyFormatFilter it keeps a mention that is only digits: the parsers
 * here accept a bare `2020` or `1.10` only where the words around make it a
 * date (`các năm 2019, 2020`, `(1.10)`).
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

export class InvalidDateFilter implements Refiner {
  refine(_context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((r) => r.start.isValidDate() && (!r.end || r.end.isValidDate()));
  }
}
