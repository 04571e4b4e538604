/** Drops results inside a vague expression (`những năm qua`, `từ đầu năm đến nay`, `24/7`). */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import type { DateRules } from '../rules.js';

export class VagueFilter implements Refiner {
  private readonly vague: RegExp;

  constructor(rules: DateRules) {
    this.vague = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}/])${rules.vague.source}(?![\\p{L}\\p{M}\\p{N}/])`, 'gu');
  }

  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const spans = [...context.text.matchAll(this.vague)].map((m) => [m.index, m.index + m[0].length] as const);
    return results.filter((r) => !spans.some(([s, e]) => r.index >= s && r.index + r.text.length <= e));
  }
}
