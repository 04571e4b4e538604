/**
 * Drops relative expressions inside the quoted title of a work or publication
 * (`báo “Hà Nội hôm nay”`, `chương trình "Chào buổi sáng hôm nay"`): they are
 * part of a name, not a time. A quotation without such a word before it is
 * speech, whose `hôm nay` is a date.
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { TAG } from '../expression.js';
import { SPACE } from '../parsers/base.js';
import { WORD_START } from '../../../rules/pattern.js';
import type { DateRules } from '../rules.js';
import type { Span } from '../../../model/entity.js';
import { insideSpans } from '../../../tokenize/index.js';

export class TitledWorkFilter implements Refiner {
  private readonly titles: RegExp;

  constructor(rules: DateRules) {
    this.titles = new RegExp(`${WORD_START}${rules.titledWorks.source}${SPACE}?(?:[“"«](?<title>[^“”"«»\\n]{1,120})[”"»])`, 'gu');
  }

  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const spans = [...context.text.matchAll(this.titles)].map((m): Span => [m.index, m.index + m[0].length]);
    if (spans.length === 0) return results;
    return results.filter((r) => !(r.tags().has(TAG.relative) && insideSpans(spans, [r.index, r.index + r.text.length])));
  }
}
