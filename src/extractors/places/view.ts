/** How places are shown: CSV columns, the HTML report's marks (what became of a place on hover), and their gold scoring. */
import { z } from 'zod';
import { dedupe, matchItems } from '../../eval/match.js';
import { foldName } from '../../normalize/forms.js';
import type { CsvColumns, GoldView, HtmlView } from '../types.js';
import type { Place } from './schema.js';

export const placesCsv: CsvColumns<Place> = {
  columns: ['name', 'level', 'code', 'era', 'province_name', 'province_code', 'candidates', 'successors', 'current_province_name', 'current_province_code'],
  cells: (p) => ({
    name: p.name,
    level: p.level,
    code: p.code,
    era: p.era,
    province_name: p.province?.name,
    province_code: p.province?.code,
    candidates: p.candidates?.map((c) => `${c.name} (${c.code})`),
    successors: p.successors?.map((s) => `${s.name} (${s.code}, ${s.share})`),
    current_province_name: p.currentProvince?.name,
    current_province_code: p.currentProvince?.code,
  }),
};

/** What became of a place on 1 July 2025: an old commune's successors, an old unit's province. */
function succession(p: Place): string | null {
  const successors = p.successors?.map((s) => `${s.name} (${s.code}${s.share === 'part' ? ', part' : ''})`).join(', ');
  const province = p.currentProvince ? `${p.currentProvince.name} (${p.currentProvince.code})` : null;
  return [successors, province].filter(Boolean).join(' in ') || null;
}

export const placesHtml: HtmlView<Place> = {
  label: 'place',
  background: '#c9f0ee',
  accent: '#0f5f5a',
  value: (p) => `${p.name} → ${p.province?.name ?? p.candidates?.map((c) => c.name).join(' / ') ?? '?'}`,
  tip: (p) => {
    const since = succession(p);
    return since ? `; since 1 July 2025: ${since}` : '';
  },
  details: (p) => [['code', p.code], ['level', p.level], ['era', p.era], ['since 1 July 2025', succession(p)]],
};

const PlacesGold = z.array(
  z.object({ name: z.string(), level: z.enum(['district', 'commune']).optional(), province: z.string().nullable().optional(), optional: z.boolean().optional() }),
);

/** Names with their unit word as a set (NFC, case-folded, one tone style); the province on the matched names, through the gazetteer. */
export const placesGold: GoldView<'places', z.infer<typeof PlacesGold>> = {
  schema: PlacesGold,
  score(gold, record, figures, rules) {
    const unitOf = (name: string) => rules.provinces.lookup(name)?.id ?? foldName(name);
    const result = matchItems(gold, dedupe(record.places, (p) => foldName(p.name)), (g, p) => foldName(g.name) === foldName(p.name));
    for (const { gold: g, predicted: p } of result.matches) {
      if (g.province !== undefined) figures.ratio('places.province accuracy', (g.province === null ? null : unitOf(g.province)) === (p.province ? unitOf(p.province.name) : null));
    }
    return result;
  },
  describe: (item) => {
    const name = (item as { name?: string }).name;
    return { value: name ?? '?', texts: name ? [name] : [] };
  },
};
