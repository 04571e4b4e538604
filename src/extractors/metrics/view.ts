/** How metrics are shown: CSV columns, the HTML report's marks, and their gold scoring. */
import { z } from 'zod';
import { matchItems, tokenF1Value, tokenOverlap, unitsMatch } from '../../eval/match.js';
import { oneOrMany, oneOrManyList } from '../../eval/gold-fields.js';
import type { CsvColumns, GoldView, HtmlView } from '../types.js';
import type { Metric } from './schema.js';

export const metricsCsv: CsvColumns<Metric> = {
  columns: ['value', 'unit', 'indicator', 'kind', 'qualifier', 'of', 'max', 'compared_to', 'direction'],
  cells: (m) => ({ ...m }),
};

export const metricsHtml: HtmlView<Metric> = {
  label: 'metric',
  background: '#ffd7e2',
  accent: '#a0204a',
  value: (m) => `${m.value}${m.max !== undefined ? `–${m.max}` : ''}${m.of !== undefined ? `/${m.of}` : ''} ${m.unit}`,
  details: (m) => [['kind', m.kind], ['indicator', m.indicator], ['qualifier', m.qualifier], ['direction', m.direction], ['compared to', m.compared_to]],
};

const MetricsGold = z.array(
  z.object({
    text: z.string().optional(),
    value: z.number(),
    unit: oneOrMany,
    kind: z.string().optional(),
    indicator: z.string().nullable().optional(),
    qualifier: z.string().nullable().optional(),
    of: z.number().optional(),
    max: z.number().optional(),
    compared_to: z.string().optional(),
    optional: z.boolean().optional(),
  }),
);

/** (value, unit) pairs as a multiset (a change by its magnitude; units case-folded, a counted noun with more or fewer trailing words); indicator, kind and qualifier on the matched pairs. */
export const metricsGold: GoldView<'metrics', z.infer<typeof MetricsGold>> = {
  schema: MetricsGold,
  score(gold, record, figures) {
    const result = matchItems(
      gold,
      record.metrics,
      (g, p) => Math.abs(Math.abs(g.value) - Math.abs(p.value)) < 1e-9 && unitsMatch(g.unit, p.unit),
      (g, p) => (g.text === p.text ? 1 : 0) + tokenF1Value(tokenOverlap(g.indicator ?? '', p.indicator ?? '')),
    );
    for (const { gold: g, predicted: p } of result.matches) {
      if (g.indicator) figures.tokens('metrics.indicator token-F1', tokenOverlap(g.indicator, p.indicator ?? ''));
      if (g.kind) figures.ratio('metrics.kind accuracy', g.kind === p.kind);
      if (g.qualifier !== undefined) figures.ratio('metrics.qualifier accuracy', (g.qualifier ?? null) === p.qualifier);
    }
    return result;
  },
  describe: (item) => {
    const g = item as { value?: number; unit?: string | string[]; text?: string };
    return { value: `${g.value} ${oneOrManyList(g.unit).join(' or ')}`, texts: g.text ? [g.text] : [] };
  },
};
