/** How officials are shown: CSV columns, the HTML report's marks, and their gold scoring. */
import { z } from 'zod';
import { dedupe, matchItems, tokenOverlap } from '../../eval/match.js';
import { foldName } from '../../normalize/forms.js';
import type { CsvColumns, GoldView, HtmlView } from '../types.js';
import type { Official } from './schema.js';

export const officialsCsv: CsvColumns<Official> = {
  columns: ['name', 'honorific', 'titles', 'organization'],
  cells: (o) => ({ name: o.name, honorific: o.honorific, titles: o.titles, organization: o.organization }),
};

export const officialsHtml: HtmlView<Official> = {
  label: 'official',
  background: '#ffe1b8',
  accent: '#8a4b00',
  value: (o) => o.name,
  details: (o) => [['honorific', o.honorific], ['titles', o.titles.join('; ')]],
};

const OfficialsGold = z.array(
  z.object({ name: z.string(), honorific: z.string().nullable().optional(), titles: z.array(z.string()).default([]), optional: z.boolean().optional() }),
);

export type OfficialsGold = z.infer<typeof OfficialsGold>;

/** Names as a set (NFC, case-folded, one tone style); titles and honorifics on the matched names. */
export const officialsGold: GoldView<'officials', OfficialsGold> = {
  schema: OfficialsGold,
  score(gold, record, figures) {
    const result = matchItems(gold, dedupe(record.officials, (o) => foldName(o.name)), (g, p) => foldName(g.name) === foldName(p.name));
    for (const { gold: g, predicted: p } of result.matches) {
      figures.tokens('officials.title token-F1', tokenOverlap(g.titles.join(' ; '), p.titles.join(' ; ')));
      if (g.honorific !== undefined) figures.ratio('officials.honorific accuracy', (g.honorific ?? null) === p.honorific);
    }
    return result;
  },
  describe: (item) => {
    const name = (item as { name?: string }).name;
    return { value: name ?? '?', texts: name ? [name] : [] };
  },
};
