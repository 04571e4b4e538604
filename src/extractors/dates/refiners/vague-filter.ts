/** Drops results inside a vague expression (`những năm qua`, `từ đầu năm đến nay`, `24/7`). */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import type { DateRules } from '../rules.js';
import type { Span } from '../../../model/entity.js';
import { insideSpans } from '../../../tokenize/index.js';

export class VagueFilter implements Refiner {
  private readonly vague: RegExp;

  constructor(rules: DateRules) {
    this.vague = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}/])${rules.vague.source}(?![\\p{L}\\p{M}\\p{N}/])`, 'gu');
  }

  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const spans = [...context.text.matchAll(this.vague)].map((m): Span => [m.index, m.index + m[0].length]);
    return results.filter((r) => !insideSpans(spans, [r.index, r.index + r.text.length]));
  }
}
