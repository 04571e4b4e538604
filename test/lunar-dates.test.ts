/**
 * Lunar dates against known facts: the first day of Tết in Vietnam for every
 * year from 2000 to 2030 (Vietnam's calendar is computed at UTC+7, so Tết of
 * 1985, 2007 and 2030 falls on another day than China's: the new moon of
 * 2 February 2030 is at 23:07 in Hà Nội and after midnight in Beijing), with
 * the name of each lunar year.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

// Gregorian day of Tết Nguyên đán (1/1 of the lunar year) in Vietnam.
const TET: Record<number, string> = {
  2000: '02-05', 2001: '01-24', 2002: '02-12', 2003: '02-01', 2004: '01-22', 2005: '02-09', 2006: '01-29',
  2007: '02-17', 2008: '02-07', 2009: '01-26', 2010: '02-14', 2011: '02-03', 2012: '01-23', 2013: '02-10',
  2014: '01-31', 2015: '02-19', 2016: '02-08', 2017: '01-28', 2018: '02-16', 2019: '02-05', 2020: '01-25',
  2021: '02-12', 2022: '02-01', 2023: '01-22', 2024: '02-10', 2025: '01-29', 2026: '02-17', 2027: '02-06',
  2028: '01-26', 2029: '02-13', 2030: '02-02',
};

const NAMES: Record<number, string> = { 1985: 'Ất Sửu', 2000: 'Canh Thìn', 2007: 'Đinh Hợi', 2020: 'Canh Tý', 2024: 'Giáp Thìn', 2025: 'Ất Tỵ', 2026: 'Bính Ngọ' };

const dates = (text: string, referenceDate = '2025-06') => extract(text, { only: ['dates'], referenceDate }).dates;

describe('Tết Nguyên đán', () => {
  for (const [year, day] of Object.entries(TET)) {
    it(`of ${year} is ${year}-${day}`, () => {
      const [date] = dates(`Dịp Tết Nguyên đán ${year}, người dân được nghỉ.`);
      expect(date?.value).toBe(`${year}-${day}`);
      expect(date?.lunar).toMatch(/^1\/1 /u);
    });
  }

  it('of 1985 is Vietnam’s (21 January), not China’s (20 February)', () => {
    expect(dates('Tết Nguyên đán 1985')[0]?.value).toBe('1985-01-21');
  });

  for (const [year, name] of Object.entries(NAMES)) {
    it(`names lunar year ${year} ${name}, and the name alone finds the year nearest the reference`, () => {
      expect(dates(`Tết Nguyên đán ${year}`)[0]?.lunar).toBe(`1/1 ${name}`);
      expect(dates(`Tết ${name}`, `${year}-01`)[0]?.value).toBe(dates(`Tết Nguyên đán ${year}`)[0]?.value);
    });
  }

  it('without a year is the Tết closest to the reference date', () => {
    expect(dates('Tết Nguyên đán', '2025-11-20')[0]?.value).toBe('2026-02-17');
    expect(dates('Tết Nguyên đán', '2025-03-01')[0]?.value).toBe('2025-01-29');
  });

  it('keeps an unknown year without a reference date', () => {
    const record = extract('Tết Nguyên đán sắp đến.', { only: ['dates'] });
    expect(record.dates[0]?.value).toBe('XXXX-XX-XX');
  });

  it('refuses a year that contradicts the year name', () => {
    expect(dates('Tết Bính Ngọ 2025').map((d) => d.rule)).not.toContain('lunar-date');
  });
});
