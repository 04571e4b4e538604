import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, ExtractOptionsError } from '../src/index.js';

const seed = readFileSync(path.resolve(import.meta.dirname, '../seeds/002_2e6f4911dccba6c7.txt'), 'utf8');
const strip = (record: object) => JSON.parse(JSON.stringify(record, (key, value) => (key === 'span' || key === 'spans' || key === 'text' || key === 'sha256' ? undefined : value)));

describe('the record does not depend on the input encoding form', () => {
  const base = extract(seed);

  it('NFD input gives the same entities as NFC input, with spans into the NFD text', () => {
    const nfd = seed.normalize('NFD');
    const record = extract(nfd);
    expect(strip(record)).toEqual(strip(base));
    const chars = [...nfd];
    for (const p of record.provinces) for (const [s, e] of p.spans) expect(chars.slice(s, e).join('').normalize('NFC')).toBe('Hải Dương');
  });

  it('CRLF input gives the same entities as LF input', () => {
    expect(strip(extract(seed.replace(/\n/g, '\r\n')))).toEqual(strip(base));
  });

  it('old-style tone placement gives the same entities', () => {
    const old = seed.replace(/hóa/g, 'hoá').replace(/Hóa/g, 'Hoá').replace(/thủy/g, 'thuỷ');
    expect(strip(extract(old))).toEqual(strip(base));
  });

  it('spans count code points, so astral characters before an entity shift it by one', () => {
    const record = extract('📌 Tỉnh Thanh Hóa');
    expect(record.provinces[0]!.span).toEqual([7, 16]);
    expect(record.provinces[0]!.text).toBe('Thanh Hóa');
  });

  it('the same input always gives the same record', () => {
    expect(extract(seed)).toEqual(base);
  });
});

describe('library options are validated as the command line validates them', () => {
  it.each(['junk', '2024-13-45', '2024-02-30', '2024-1'])('referenceDate %s is refused', (referenceDate) => {
    expect(() => extract('Ngày 27/12, UBND tỉnh Nghệ An họp.', { referenceDate })).toThrow(ExtractOptionsError);
  });

  it('a real month or day is taken', () => {
    expect(extract('Ngày 27/12, UBND tỉnh Nghệ An họp.', { referenceDate: '2024-02-29' })).toMatchObject({ referenceDate: '2024-02-29', referenceDateSource: 'option' });
  });

  it.each(['', ' \n\t'])('text %j gives an E_EMPTY error record, as the command line does', (text) => {
    expect(extract(text).error).toMatchObject({ code: 'E_EMPTY' });
  });
});
