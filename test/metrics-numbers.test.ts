/**
 * Number reading for metrics: Vietnamese style first (`.` thousands, `,`
 * decimal), the other style only where it cannot be mistaken.
 */
import { describe, expect, it } from 'vitest';
import { parseNumber, scale, STANDALONE_NUMBER } from '../src/extractors/metrics/numbers.js';

describe('parseNumber', () => {
  it.each([
    ['2.113.013', 2113013],
    ['1.700', 1700],
    ['94,3', 94.3],
    ['1.883,5', 1883.5],
    ['2,113,013', 2113013],
    ['1.5', 1.5],
    ['1,950', 1.95],
    ['01', 1],
  ])('%s → %d', (literal, value) => expect(parseNumber(literal)).toBe(value));

  it('rejects what is not a number', () => {
    expect(parseNumber('1.2.3')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
  });
});

describe('scale', () => {
  it('multiplies without binary noise', () => {
    expect(scale(1.86, 1e9)).toBe(1860000000);
    expect(scale(2.813, 1e12 / 1e3)).toBe(2813000000);
  });
});

describe('STANDALONE_NUMBER', () => {
  const numbers = (text: string) => [...text.matchAll(STANDALONE_NUMBER)].map((m) => m[0]);
  it('leaves numbers glued to letters alone (4G, IPv6, VTV8)', () => {
    expect(numbers('phủ sóng 4G, IPv6 và kênh VTV8')).toEqual([]);
  });
  it('reads grouped and decimal numbers whole', () => {
    expect(numbers('đạt 2.113.013 thuê bao, tỷ lệ 94,3%')).toEqual(['2.113.013', '94,3']);
  });
});
