/**
 * Documents: the mechanisms behind the corpus in fixtures/documents.yaml —
 * symbol canonicalisation, the system taken from the rule file, date
 * conflicts, and user rule files that add a type or an issuer.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { loadRules } from '../src/extractors/registry.js';
import { findMentions } from '../src/extractors/documents/symbols.js';

const rules = loadRules().rules.documents;
const ids = (text: string) => findMentions(text, rules).map((m) => m.symbol);

function userRules(yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'documents-rules-'));
  writeFileSync(path.join(dir, 'documents.yaml'), `$schema: ./schema/documents.schema.json\n${yaml}\n`);
  return dir;
}

describe('symbol canonicalisation', () => {
  it.each([
    ['06-NQ/TU', '06-NQ/TU'],
    ['06/NQ-TU', '06-NQ/TU'],
    ['06 - NQ/TU', '06-NQ/TU'],
    ['06‑NQ/TU', '06-NQ/TU'],
    ['6-nq/tu', '06-NQ/TU'],
    ['57-NQ/TƯ', '57-NQ/TW'],
    ['03-NQ/CP', '03/NQ-CP'],
    ['749/qđ-ttg', '749/QĐ-TTg'],
    ['749/QD-TTG', '749/QĐ-TTg'],
    ['81/2014/QĐ-TTg', '81/2014/QĐ-TTg'],
    ['21/2024/nq-hđnd', '21/2024/NQ-HĐND'],
    ['1673/NQ-ubtvqh15', '1673/NQ-UBTVQH15'],
    ['11248/ubnd-THKH', '11248/UBND-THKH'],
    ['11248/ubnd-thkh', '11248/UBND-THKH'],
    ['12/TU-VP', '12/TU-VP'],
    ['05/2020/TT-TU', '05/2020/TT-TU'],
  ])('%s → %s', (written, id) => {
    expect(ids(written)).toEqual([id]);
  });

  it('keeps codes it does not know as written', () => {
    expect(ids('Công văn số 1044/BC-TCTCT')).toEqual(['1044/BC-TCTCT']);
  });

  it('reads no symbol where a code is neither a known type nor a known issuer', () => {
    expect(ids('3/ngày-đêm, 24/Tết, 100/KM-XYZ')).toEqual([]);
  });

  it('a number with its year alone is not a symbol', () => {
    expect(ids('81/2014')).toEqual([]);
  });
});

describe('mentions of one document', () => {
  it('merges every form of the symbol and keeps each as written', () => {
    const [doc, ...rest] = extract('Nghị quyết số 06/NQ-TU về chuyển đổi số. Sau đó, Nghị quyết 06 - NQ/TU và 06-NQ/TU.', { only: ['documents'] }).documents;
    expect(rest).toEqual([]);
    expect(doc?.written).toEqual(['06/NQ-TU', '06 - NQ/TU', '06-NQ/TU']);
    expect(doc?.spans).toHaveLength(3);
  });

  it('keeps the first of two different issue dates and warns naming both', () => {
    const record = extract('Nghị quyết 06-NQ/TU ngày 10/11/2022 của Tỉnh ủy. Nghị quyết 06-NQ/TU ngày 10/11/2021 nêu rõ lộ trình.', { referenceDate: '2024-12' });
    expect(record.documents.map((d) => [d.id, d.date])).toEqual([['06-NQ/TU', '2022-11-10']]);
    const warning = record.warnings.find((w) => w.code === 'documents-date-conflict');
    expect(warning?.message).toContain('2022-11-10');
    expect(warning?.message).toContain('2021-11-10');
  });

  it('does not settle a partial reference when the article gives two symbols with its type and number', () => {
    const docs = extract('Nghị quyết 06-NQ/TU của Tỉnh ủy và Nghị quyết 06/NQ-CP của Chính phủ. Nghị quyết 06 đã đi vào cuộc sống.', { only: ['documents'] }).documents;
    expect(docs.map((d) => d.id)).toEqual(['06-NQ/TU', '06/NQ-CP', 'Nghị quyết 06']);
  });

  it('settles it with the issuer named, among symbols of the same type and number', () => {
    const docs = extract('Nghị quyết 06-NQ/TU và Nghị quyết 06/NQ-CP. Nghị quyết 06 của Tỉnh ủy đã đi vào cuộc sống.', { only: ['documents'] }).documents;
    expect(docs.map((d) => [d.id, d.spans.length])).toEqual([
      ['06-NQ/TU', 2],
      ['06/NQ-CP', 1],
    ]);
  });
});

describe('user rule files (--rules)', () => {
  it('an issuer added as a Party organ gives Party ids', () => {
    const text = 'Kế hoạch số 15/KH-BDVTU của Ban Dân vận.';
    expect(extract(text, { only: ['documents'] }).documents.map((d) => d.id)).toEqual(['15/KH-BDVTU']);
    const dir = userRules('issuers: [{id: ban-dan-van-tinh-uy, abbr: BDVTU, system: party, name: Ban Dân vận Tỉnh ủy}]');
    const [doc] = extract(text, { only: ['documents'], rules: [dir] }).documents;
    expect(doc?.id).toBe('15-KH/BDVTU');
  });

  it('a type added with its word and abbreviation is recognised', () => {
    const text = 'Theo Biên bản số 12/BB-UBND, hai bên thống nhất.';
    expect(extract(text, { only: ['documents'] }).documents).toEqual([]);
    const dir = userRules('types: [{id: bien-ban, name: Biên bản, words: [Biên bản], state: [BB], party: [BB]}]');
    const [doc] = extract(text, { only: ['documents'], rules: [dir] }).documents;
    expect([doc?.id, doc?.type, doc?.text]).toEqual(['12/BB-UBND', 'Biên bản', 'Biên bản số 12/BB-UBND']);
  });
});
