/**
 * A figure's place from the places extractor's findings (districts,
 * communes), read when that extractor runs before metrics: fed here directly,
 * as found entities, so the path is tested whether or not the extractor is
 * in the pipeline.
 */
import { describe, expect, it } from 'vitest';
import { datesModule } from '../src/extractors/dates/index.js';
import { documentsModule } from '../src/extractors/documents/index.js';
import { metricsModule } from '../src/extractors/metrics/index.js';
import type { PlaceMention } from '../src/extractors/metrics/place.js';
import { provincesModule } from '../src/extractors/provinces/index.js';
import { loadRules } from '../src/extractors/registry.js';
import type { FoundEntities } from '../src/model/entity.js';
import type { ReferenceDate } from '../src/model/record.js';
import { normalizeArticle } from '../src/normalize/index.js';
import { tokenize } from '../src/tokenize/index.js';

const { rules } = loadRules();
const referenceDate: ReferenceDate = { value: '2024-12', source: 'option' };

/** The metrics of `text`, resolved with `places` among the earlier findings. */
function metricsWith(text: string, places: (at: (name: string) => [number, number]) => PlaceMention[]) {
  const article = normalizeArticle(text, rules.text);
  const doc = tokenize(article, rules.text.sentenceAbbreviations);
  const base = { doc, rules, options: {}, warn: () => {} };
  const documents = documentsModule.extract({ ...base, found: {} });
  const provinces = provincesModule.resolve!.run(provincesModule.extract({ ...base, found: {} }), { ...base, found: {}, referenceDate });
  const dates = datesModule.extract({ ...base, found: { documents } });
  const at = (name: string): [number, number] => [doc.text.indexOf(name), doc.text.indexOf(name) + name.length];
  const found = { provinces, dates, documents, places: places(at) } as Pick<FoundEntities, 'provinces' | 'dates' | 'documents'>;
  return metricsModule.resolve!.run(metricsModule.extract({ ...base, found }), { ...base, found, referenceDate });
}

const camThuy = (at: (name: string) => [number, number]): PlaceMention[] => [
  { name: 'Huyện Cẩm Thủy', level: 'district', code: '391', province: { name: 'Thanh Hóa', code: '38' }, spans: [at('huyện Cẩm Thủy')] },
];

describe('metrics: place from the places found', () => {
  it('a district named in the clause is the place, with its level and code; its province after it is its address', () => {
    const [m] = metricsWith('Năm 2024, tổng thu ngân sách của huyện Cẩm Thủy, tỉnh Thanh Hóa đạt 320 tỷ đồng.', camThuy);
    expect(m?.place).toEqual({ name: 'Huyện Cẩm Thủy', code: '391', level: 'district' });
    const [n] = metricsWith('Năm 2024, tỉnh Thanh Hóa có tổng thu ngân sách của huyện Cẩm Thủy đạt 320 tỷ đồng.', camThuy);
    expect(n?.place).toEqual({ name: 'Huyện Cẩm Thủy', code: '391', level: 'district' });
  });

  it('a place in another sentence leaves the figure to the primary province', () => {
    const [, m] = metricsWith('Huyện Cẩm Thủy có 20 xã. Năm 2024, tỉnh Thanh Hóa có 3.900 cán bộ được tập huấn.', (at) => [
      { name: 'Huyện Cẩm Thủy', level: 'district', code: '391', province: { name: 'Thanh Hóa', code: '38' }, spans: [at('Huyện Cẩm Thủy')] },
    ]);
    expect(m?.place).toEqual({ name: 'Thanh Hóa', code: '38', level: 'province' });
  });

  it('a place in a closed aside is an address, not the figure’s place', () => {
    const [m] = metricsWith('Ông Hà Minh Tùng (xã Mỹ Hội, huyện Cao Lãnh, tỉnh Đồng Tháp) được thưởng 5 triệu đồng.', (at) => [
      { name: 'Xã Mỹ Hội', level: 'commune', code: null, province: { name: 'Đồng Tháp', code: '87' }, spans: [at('xã Mỹ Hội')] },
    ]);
    expect(m?.place).toEqual({ name: 'Đồng Tháp', code: '87', level: 'province' });
  });
});
