/**
 * Numbers that are not quantities: inside names and codes, addresses,
 * ordinals, list numbering, dates and document symbols. The spans of the
 * dates and documents found earlier are skipped, and the rule file's own
 * exclusion patterns cover the same ground so that metrics do not depend on
 * those extractors.
 */
import type { Span } from '../../model/entity.js';
import type { MetricsExtractContext } from './context.js';
import { OverlapIndex } from '../../tokenize/index.js';
import type { MetricRules } from './rules.js';

export interface Blocked {
  span: Span;
  rule: string;
}

export function blockedSpans(ctx: MetricsExtractContext, rules: MetricRules): OverlapIndex<Blocked> {
  const { text } = ctx.doc;
  const out: Blocked[] = [];
  for (const d of ctx.found.dates) for (const span of d.spans) out.push({ span, rule: 'date' });
  for (const d of ctx.found.documents) for (const span of d.spans) out.push({ span, rule: 'document' });
  for (const { id, pattern } of rules.exclusions) {
    for (const m of text.matchAll(pattern)) out.push({ span: [m.index, m.index + m[0].length], rule: id });
  }
  return new OverlapIndex(out, (b) => b.span);
}

/** An exclusion that covers any part of `span`, if one does. */
export function blockedAt(blocked: OverlapIndex<Blocked>, span: Span): Blocked | undefined {
  return blocked.overlapping(span);
}

/**
 * A number glued to a capitalised word inside a sentence (`Nghị quyết 57`,
 * `Khóm 4`) is part of a name. An acronym in capitals before it is what is
 * counted or measured (`thu NSNN 1.200 tỷ đồng`, `GRDP 5,2%`), and `exempt`
 * tells the other words that may stand there (`Hơn 500`, `Gần 5.000` open a
 * sentence with a qualifier).
 */
export function followsName(text: string, start: number, exempt: (word: string) => boolean): boolean {
  const window = text.slice(Math.max(0, start - 40), start);
  const m = /(?<![\p{L}\p{M}])(\p{Lu}[\p{L}\p{M}]*)[ \t]+$/u.exec(window);
  if (!m || exempt(m[1]!) || /^\p{Lu}{2,}$/u.test(m[1]!)) return false;
  // sentence-initial: nothing but an opening mark before the word
  const before = window.slice(0, m.index).trimEnd();
  return before !== '' && !/[.!?:;(\n“"]$/u.test(before);
}
