/** How dates are shown: CSV columns, the HTML report's marks, and their gold scoring. */
import { z } from 'zod';
import { foldDateValue, matchItems } from '../../eval/match.js';
import type { CsvColumns, GoldView, HtmlView } from '../types.js';
import type { DateEntity } from './schema.js';

export const datesCsv: CsvColumns<DateEntity> = {
  columns: ['value', 'grain', 'start_date', 'end_date', 'mod'],
  cells: (d) => ({ ...d, start_date: d.start, end_date: d.end }),
};

export const datesHtml: HtmlView<DateEntity> = {
  label: 'date',
  background: '#cdf2d6',
  accent: '#1b6b2f',
  value: (d) => (d.mod ? `${d.value} (${d.mod})` : d.value),
  details: (d) => [['grain', d.grain], ['from', d.start], ['to', d.end]],
};

const DatesGold = z.array(z.object({ text: z.string().optional(), value: z.string(), optional: z.boolean().optional() }));

/** Values as a multiset; a quarter or half-year equals its month range. */
export const datesGold: GoldView<'dates', z.infer<typeof DatesGold>> = {
  schema: DatesGold,
  score: (gold, record) => matchItems(gold, record.dates, (g, p) => foldDateValue(g.value) === foldDateValue(p.value), (g, p) => (g.text === p.text ? 1 : 0)),
  describe: (item) => {
    const g = item as { value?: string; text?: string };
    return { value: String(g.value), texts: g.text ? [g.text] : [] };
  },
};
