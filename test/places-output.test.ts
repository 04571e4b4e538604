/** Places in every output: the record, CSV (`--only places`), the HTML report and `extract eval`. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { GoldSchema } from '../src/eval/gold.js';
import { scoreArticle, summarize } from '../src/eval/score.js';
import { extract, loadRules, RecordSchema } from '../src/index.js';
import { createWriter } from '../src/output/writers.js';

const ARTICLE = 'Ông Hà Minh Tùng (ấp Đông Mỹ, xã Mỹ Hội, huyện Cao Lãnh) đạt giải Nhất cuộc thi.';

describe('places in the record', () => {
  const record = extract(ARTICLE, { referenceDate: '2024-12' });

  it('validates, with text and span of the first mention', () => {
    expect(RecordSchema.safeParse(record).success).toBe(true);
    const at = (text: string) => [ARTICLE.indexOf(text), ARTICLE.indexOf(text) + text.length];
    expect(record.places.map((p) => [p.text, p.span])).toEqual([
      ['xã Mỹ Hội', at('xã Mỹ Hội')],
      ['huyện Cao Lãnh', at('huyện Cao Lãnh')],
    ]);
  });

  it('names the province of an article that names none: primary, implied, no span', () => {
    expect(record.primaryProvince).toMatchObject({ name: 'Đồng Tháp', code: '87' });
    expect(record.provinces).toEqual([
      { spans: [], name: 'Đồng Tháp', code: '87', era: 'before-2025-07-01', current: { name: 'Đồng Tháp', code: '82' }, mentions: 0, primary: true, implied: true, rule: 'implied-by-place' },
    ]);
  });
});

describe('places in CSV and HTML', () => {
  const record = extract(ARTICLE, { referenceDate: '2024-12' });

  it('CSV --only places has a row per place with its province and successors', () => {
    const writer = createWriter('csv', { only: ['places'] });
    const rows = parse(writer.write(record, {}) + writer.end(), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows[0]).toMatchObject({ type: 'places', name: 'Xã Mỹ Hội', level: 'commune', code: '30109', province_name: 'Đồng Tháp', province_code: '87', successors: 'Xã Mỹ Thọ (30076, whole)', current_province_code: '82' });
    expect(rows).toHaveLength(2);
  });

  it('HTML shows `Xã Mỹ Hội → Đồng Tháp`, and the successor on hover', () => {
    const writer = createWriter('html');
    const html = writer.write(record, { text: ARTICLE }) + writer.end();
    expect(html).toContain('Xã Mỹ Hội → Đồng Tháp');
    expect(html).toMatch(/class="tip" role="tooltip">Xã Mỹ Hội → Đồng Tháp; since 1 July 2025: Xã Mỹ Thọ \(30076\) in Đồng Tháp \(82\)</);
    expect(html).toContain('<i>implied</i>');
  });
});

describe('places in eval', () => {
  const gold = (places: unknown[]) => GoldSchema.parse({ file: 'a.txt', provinces: { mentioned: [], primary: 'Đồng Tháp' }, places, officials: [], documents: [], dates: [], metrics: [] });
  const record = extract(ARTICLE, { referenceDate: '2024-12' });

  it('places score as names with their unit word, compared case- and tone-folded; province accuracy on the matched ones', () => {
    const score = scoreArticle(record, gold([{ name: 'xã Mỹ Hội', province: 'Đồng Tháp' }, { name: 'Thị trấn Cao Lãnh', province: 'Đồng Tháp' }]), loadRules().rules);
    expect(score.types.places?.counts).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(score.secondary['places.province accuracy']).toEqual({ hits: 1, total: 1 });
    expect(score.types.provinces?.counts).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(summarize([score]).secondary['provinces.primary accuracy']!.value).toBe(1);
  });
});
