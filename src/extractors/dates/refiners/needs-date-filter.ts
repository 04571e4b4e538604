/** Drops what counts only next to a date and was not merged with one (`thứ 2` alone is an ordinal). */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { TAG } from '../expression.js';

export class NeedsDateFilter implements Refiner {
  refine(_context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((r) => !r.start.tags().has(TAG.needsDate));
  }
}
