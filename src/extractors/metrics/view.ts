/** How metrics are shown: CSV columns, the HTML report's marks, and their gold scoring. */
import { z } from 'zod';
import { foldDateValue, matchItems, tokenF1Value, tokenOverlap, unitsMatch } from '../../eval/match.js';
import { foldName } from '../../normalize/forms.js';
import { oneOrMany, oneOrManyList } from '../../eval/gold-fields.js';
import type { CsvColumns, GoldView, HtmlView } from '../types.js';
import type { Metric } from './schema.js';

export const metricsCsv: CsvColumns<Metric> = {
  columns: ['value', 'unit', 'indicator', 'indicator_id', 'kind', 'qualifier', 'of', 'max', 'compared_to', 'direction', 'period', 'place', 'place_code'],
  cells: (m) => ({ ...m, indicator_id: m.indicatorId, period: m.period?.value, place: m.place?.name, place_code: m.place?.code }),
};

/** Millions and more in words, as Vietnamese readers write money and populations (`838 tỷ`, `1,2 nghìn tỷ`, `25 triệu`). */
const COMPACT = new Intl.NumberFormat('vi-VN', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 3 });
/** Smaller values with Vietnamese separators (`1.500`, `8,5`). */
const PLAIN = new Intl.NumberFormat('vi-VN');

/** A value as the report shows it; JSON and CSV keep the number itself. */
function readable(value: number): string {
  return (Math.abs(value) >= 1_000_000 ? COMPACT : PLAIN).format(value);
}

export const metricsHtml: HtmlView<Metric> = {
  label: 'metric',
  background: '#ffd7e2',
  accent: '#a0204a',
  value: (m) => {
    const where = [m.place?.name, m.period?.value].filter(Boolean).join(', ');
    return `${readable(m.value)}${m.max !== undefined ? `–${readable(m.max)}` : ''}${m.of !== undefined ? `/${readable(m.of)}` : ''} ${m.unit}${where ? ` (${where})` : ''}`;
  },
  details: (m) => [
    ['kind', m.kind],
    ['indicator', m.indicator],
    ['indicator id', m.indicatorId],
    ['period', m.period?.value],
    ['place', m.place?.name],
    ['qualifier', m.qualifier],
    ['direction', m.direction],
    ['compared to', m.compared_to],
  ],
};

/** A value, null, or a list of acceptable values (null among them). */
const oneOrNull = z.union([z.string(), z.null(), z.array(z.string().nullable()).min(1)]);

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
    period: oneOrNull.optional(),
    place: oneOrNull.optional(),
    optional: z.boolean().optional(),
  }),
);

/** Whether the prediction is one of the accepted values (null only matches null). */
function anyOf(gold: string | null | readonly (string | null)[], predicted: string | null, fold: (v: string) => string): boolean {
  const accepted = gold === null || typeof gold === 'string' ? [gold] : gold;
  return accepted.some((g) => (g === null || predicted === null ? g === predicted : fold(g) === fold(predicted)));
}

/** (value, unit) pairs as a multiset (a change by its magnitude; units case-folded, a counted noun with more or fewer trailing words); indicator, kind, qualifier, period and place on the matched pairs. */
export const metricsGold: GoldView<'metrics', z.infer<typeof MetricsGold>> = {
  schema: MetricsGold,
  score(gold, record, figures, rules) {
    const unitOf = (name: string) => rules.provinces.lookup(name)?.id ?? foldName(name);
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
      // period as dates compare, place as provinces (through the gazetteer) and places (folded names) compare
      if (g.period !== undefined) figures.ratio('metrics.period accuracy', anyOf(g.period, p.period?.value ?? null, foldDateValue));
      if (g.place !== undefined) figures.ratio('metrics.place accuracy', anyOf(g.place, p.place?.name ?? null, unitOf));
    }
    return result;
  },
  describe: (item) => {
    const g = item as { value?: number; unit?: string | string[]; text?: string };
    return { value: `${g.value === undefined ? '' : readable(g.value)} ${oneOrManyList(g.unit).join(' or ')}`, texts: g.text ? [g.text] : [] };
  },
};
