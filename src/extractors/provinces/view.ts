/** How provinces are shown: CSV columns, the HTML report's marks, and their gold scoring. */
import { z } from 'zod';
import { dedupe, matchItems, type Figures } from '../../eval/match.js';
import { foldName } from '../../normalize/forms.js';
import type { ArticleRecord } from '../../model/record.js';
import type { CsvColumns, GoldView, HtmlView, RulesView } from '../types.js';
import type { Province } from './schema.js';

export const provincesCsv: CsvColumns<Province> = {
  columns: ['name', 'code', 'current_name', 'current_code', 'primary', 'implied'],
  cells: (p) => ({ name: p.name, code: p.code, current_name: p.current.name, current_code: p.current.code, primary: p.primary, implied: p.implied }),
};

export const provincesHtml: HtmlView<Province> = {
  label: 'province',
  background: '#cde4ff',
  accent: '#0b4f8a',
  value: (p) => `${p.name} → ${p.current.name} (${p.current.code})`,
  details: (p) => [['code', p.code], ['primary', p.primary ? 'yes' : null], ['implied', p.implied ? 'by its places' : null]],
};

const ProvincesGold = z.object({
  mentioned: z.array(z.string()),
  primary: z.string().nullable(),
  optional: z.array(z.string()).default([]),
});

/** Canonical names as a set, compared through the gazetteer (any alias of a unit is that unit); the primary province separately. */
export const provincesGold: GoldView<'provinces', z.infer<typeof ProvincesGold>> = {
  schema: ProvincesGold,
  score(gold, record: ArticleRecord, figures: Figures, rules: RulesView<'provinces'>) {
    const unitOf = (name: string) => rules.provinces.lookup(name)?.id ?? foldName(name);
    // one item per unit, named as the gold file first names it (reports show the name)
    const items = dedupe(
      [...gold.mentioned.map((name) => ({ name, optional: false })), ...gold.optional.map((name) => ({ name, optional: true }))],
      (g) => unitOf(g.name),
    );
    figures.ratio('provinces.primary accuracy', (gold.primary ? unitOf(gold.primary) : null) === (record.primaryProvince ? unitOf(record.primaryProvince.name) : null));
    // a province implied by the places of an article that names none is no mention
    return matchItems(items, record.provinces.filter((p) => !p.implied), (g, p) => unitOf(g.name) === unitOf(p.name));
  },
  describe: (item) => {
    const name = (item as { name?: string }).name;
    return { value: name ?? '?', texts: name ? [name] : [] };
  },
};
