import { describe, expect, it } from 'vitest';
import { foldDateValue, foldDocumentId, matchItems, tokenOverlap, unitsMatch } from '../src/eval/match.js';
import { csvCell } from '../src/output/writers.js';

describe('gold matching', () => {
  it('required gold items are matched before optional ones; leftovers are false positives', () => {
    const gold = [{ v: 1, optional: true }, { v: 1 }, { v: 2 }];
    const result = matchItems(gold, [1, 3], (g, p) => g.v === p);
    expect(result.counts).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(result.matches[0]!.gold).toEqual({ v: 1 });
    expect(result.spurious).toEqual([3]);
  });

  it('an unmatched optional item costs nothing, a matched one is not a false positive', () => {
    expect(matchItems([{ v: 1, optional: true }], [], (g, p: number) => g.v === p).counts).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(matchItems([{ v: 1, optional: true }], [1], (g, p) => g.v === p).counts).toEqual({ tp: 0, fp: 0, fn: 0 });
  });

  it.each([
    ['06 - NQ/TU', '06-NQ/TU'],
    ['06–NQ/TU', '06-nq/tu'],
    ['749/QĐ-TTg', '749/qđ-ttg'],
  ])('document ids %s and %s are the same', (a, b) => expect(foldDocumentId(a)).toBe(foldDocumentId(b)));

  it('a quarter or half-year equals its month range', () => {
    expect(foldDateValue('2025-Q1')).toBe(foldDateValue('2025-01/2025-03'));
    expect(foldDateValue('2024-H2')).toBe('2024-07/2024-12');
    expect(foldDateValue('2024-12-27')).toBe('2024-12-27');
  });

  it.each([
    ['trạm', 'trạm BTS', true],
    ['sở', 'sở, ban, ngành', true],
    [['đơn vị', 'doanh nghiệp'], 'doanh nghiệp', true],
    ['VND', 'vnd', true],
    ['%', 'rank', false],
    ['thuê bao', 'tên miền', false],
  ] as const)('unit %j ~ %j: %s', (gold, predicted, same) => expect(unitsMatch(gold, predicted)).toBe(same));

  it('token overlap counts shared words case-insensitively', () => {
    expect(tokenOverlap('Giám đốc Sở TT&TT Thanh Hóa', 'giám đốc Sở TT&TT')).toEqual({ overlap: 4, predicted: 4, gold: 6 });
  });
});

describe('CSV cells (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [['Tỉnh ủy viên', 'Giám đốc Sở'], 'Tỉnh ủy viên; Giám đốc Sở'],
    [null, ''],
  ])('%j → %s', (value, cell) => expect(csvCell(value)).toBe(cell));
});
