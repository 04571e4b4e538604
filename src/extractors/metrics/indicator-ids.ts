/**
 * Canonical indicators (`rules/indicators.yaml`): the common measures of
 * Vietnamese official reporting, each with a stable id, the name official
 * statistics give it, the phrases and patterns that name it in an article and
 * the units a figure of it comes in. A figure's `indicatorId` is the entry
 * whose longest phrase or pattern occurs in its indicator, among the entries
 * whose units admit its unit; none gives null.
 */
import { z } from 'zod';
import { toTextForm } from '../../normalize/forms.js';
import { compilePattern, patternSource } from '../../rules/pattern.js';
import { phraseSource } from '../../rules/phrases.js';
import { defineRules, ruleId, schemaHeader } from '../../rules/spec.js';

export const indicatorRules = defineRules({
  file: 'indicators.yaml',
  schema: z.strictObject({
    $schema: schemaHeader,
    indicators: z.array(
      z.strictObject({
        id: ruleId,
        name: z.string().min(1).describe('The name official statistics give the measure'),
        provincial_system: z.boolean().optional().describe('Whether the provincial statistical indicator system (Thông tư 02/2023/TT-BKHĐT) holds the measure'),
        synonyms: z.array(z.string().min(1)).min(1).describe('Phrases that name the measure in an indicator, matched as whole words in any case'),
        patterns: z.array(patternSource).optional().describe('Regular expressions that name it, for phrases with words between (`doanh thu từ hoạt động công nghiệp CNTT`)'),
        units: z.array(z.string().min(1)).min(1).describe('Units a figure of the measure comes in; a counted noun matches with more words after it'),
        examples: z.array(z.string()).optional().describe('Indicators that must name this measure'),
      }),
    ),
  }),
  compile(raw) {
    return raw.indicators.map((entry) => {
      const sources = [phraseSource(entry.synonyms, { space: 'whitespace', edges: 'word' }), ...(entry.patterns ?? [])];
      const matchers = sources.map((source, i) => compilePattern(source, 'iu', { id: `${entry.id}[${i}]` }));
      for (const example of entry.examples ?? []) {
        if (!matchers.some((m) => m.test(toTextForm(example)))) throw new Error(`${entry.id}: example "${example}" names no phrase of the entry`);
      }
      return { id: entry.id, matchers, units: entry.units.map((u) => u.toLowerCase()) };
    });
  },
});

export type IndicatorRules = ReturnType<typeof indicatorRules.compile>;

/** The id of the canonical indicator an indicator phrase names, for a figure in `unit`; null when none does. */
export function indicatorIdOf(indicator: string | null, unit: string, rules: IndicatorRules): string | null {
  if (indicator === null) return null;
  const phrase = toTextForm(indicator);
  const u = unit.toLowerCase();
  let best: { id: string; length: number } | null = null;
  for (const entry of rules) {
    if (!entry.units.some((allowed) => u === allowed || u.startsWith(`${allowed} `) || u.startsWith(`${allowed}/`))) continue;
    for (const matcher of entry.matchers) {
      const m = matcher.exec(phrase);
      if (m && (!best || m[0].length > best.length)) best = { id: entry.id, length: m[0].length };
    }
  }
  return best?.id ?? null;
}
