/**
 * Dates: the reference date and how it is obtained, yearless values, user
 * vocabulary, and the phrase lists the parsers are built from. Phrase-level
 * behaviour is in fixtures/dates.yaml.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

const values = (text: string, options: Parameters<typeof extract>[1] = {}) =>
  extract(text, { only: ['dates'], ...options }).dates.map((d) => d.value);

describe('reference date', () => {
  it('is the header month when there is one, and years follow it', () => {
    const record = extract(' date 2025-01 Chiều 9/1, hội nghị tổng kết; ngày 27/12 đã chuẩn bị.', { only: ['dates'] });
    expect(record.referenceDate).toBe('2025-01');
    expect(record.referenceDateSource).toBe('header');
    expect(record.dates.map((d) => d.value)).toEqual(['2025-01-09', '2024-12-27']);
  });

  it('is --ref-date without a header', () => {
    const record = extract('Chiều 9/1, hội nghị tổng kết.', { only: ['dates'], referenceDate: '2026-01-20' });
    expect(record.referenceDateSource).toBe('option');
    expect(record.dates[0]!.value).toBe('2026-01-09');
  });

  it('is inferred from the latest full date in the article, range ends included', () => {
    const record = extract('Chiều ngày 24/12, Sở tổng kết năm. Cuộc thi diễn ra từ ngày 01 - 10/12/2024, thu hút nhiều người.', { only: ['dates'] });
    expect(record.referenceDate).toBe('2024-12-10');
    expect(record.referenceDateSource).toBe('article');
    expect(record.dates.map((d) => [d.text, d.value])).toEqual([
      ['Chiều ngày 24/12', '2024-12-24'],
      ['từ ngày 01 - 10/12/2024', '2024-12-01/2024-12-10'],
    ]);
  });

  it('inferred from an issue date, it moves a late day-month to the year before', () => {
    const record = extract('Ngày 27/12, Sở triển khai Quyết định số 12/QĐ-UBND ngày 05/01/2025 của UBND tỉnh; năm qua ngành đạt nhiều kết quả.', { only: ['dates'] });
    expect(record.referenceDate).toBe('2025-01-05');
    expect(record.dates.map((d) => d.value)).toEqual(['2024-12-27', '2025-01-05', '2024']);
  });

  it('inferred, it leaves a recurring day without a year', () => {
    const record = extract('Ngày 20/11 hằng năm là Ngày Nhà giáo Việt Nam. Lễ kỷ niệm diễn ra sáng 19/11/2024.', { only: ['dates'] });
    expect(record.referenceDateSource).toBe('article');
    expect(record.dates.map((d) => d.value)).toEqual(['XXXX-11-20', '2024-11-19']);
  });

  it('without any, a day-month keeps an unknown year and the record says so', () => {
    const record = extract('Chiều 9/1, hội nghị tổng kết năm 2024; hôm qua đoàn đã đến.', { only: ['dates'] });
    expect(record.referenceDateSource).toBe('none');
    expect(record.dates.map((d) => d.value)).toEqual(['XXXX-01-09', '2024', 'XXXX-XX-XX']);
    expect(record.warnings.map((w) => w.code)).toContain('dates-yearless');
  });
});

describe('values', () => {
  it('keep stated and implied apart: a stated year is never moved by the reference', () => {
    expect(values('ngày 27/12/2023 và ngày 27/12', { referenceDate: '2025-01' })).toEqual(['2023-12-27', '2024-12-27']);
  });

  it('a quarter and a half carry their grain; a range its start and end', () => {
    const dates = extract('quý I/2025, 6 tháng đầu năm 2024 và giai đoạn 2016-2020', { only: ['dates'] }).dates;
    expect(dates.map((d) => [d.value, d.grain])).toEqual([
      ['2025-Q1', 'quarter'],
      ['2024-H1', 'half'],
      ['2016/2020', 'range'],
    ]);
    expect(dates[2]).toMatchObject({ start: '2016', end: '2020' });
  });

  it('every mention is its own entity, with the rule that made it', () => {
    const dates = extract('năm 2024 và năm 2024', { only: ['dates'] }).dates;
    expect(dates).toHaveLength(2);
    expect(dates.map((d) => d.rule)).toEqual(['year', 'year']);
  });
});

describe('user rules', () => {
  it('a vague expression added in --rules DIR stops a date', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
    writeFileSync(path.join(dir, 'dates.yaml'), '$schema: x\nvague: [năm nay]\n');
    expect(values('năm nay', { referenceDate: '2024-12' })).toEqual(['2024']);
    expect(values('năm nay', { referenceDate: '2024-12', rules: [dir] })).toEqual([]);
  });
});
