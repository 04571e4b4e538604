/**
 * Lunar dates, resolved to the Gregorian day: `Tết Nguyên đán` (1/1), `mùng 1
 * Tết`, `Tết Bính Ngọ 2026`, `rằm tháng Giêng` (15/1), `10/3 âm lịch`,
 * `ngày 10 tháng 3 âm lịch`. A stated year is the lunar year; a year name
 * alone (`Tết Giáp Thìn`) is the nearest year of that name; without either,
 * the lunar year that puts the day closest to the reference date. The lunar
 * reading (`1/1 Bính Ngọ`) travels as a tag.
 */
import type { ParsingContext } from 'chrono-node';
import { stated, TAG } from '../expression.js';
import { lunarToSolar, lunarYearName, nearestLunarYear } from '../lunar.js';
import { BLANKS, DateParser, NUMBER_END, SPACE, WORD_END, YEAR, type Groups } from './base.js';

export class LunarDateParser extends DateParser {
  readonly id = 'lunar-date';

  protected source(): string {
    const { lunar, dayAnchors, units, monthNames } = this.rules;
    // one set of group names per alternative (Node 20 has no duplicate named groups): `name1`, `year2`...
    const yearName = (k: number) => `(?:${SPACE}(?<name${k}>${lunar.yearName.source}))`;
    const year = (k: number) => `(?:${SPACE}(?:${units.year.source}${SPACE})?(?<year${k}>${YEAR})${NUMBER_END})`;
    const month = (k: number) => `${units.month.source}${SPACE}(?:(?<month${k}>\\d{1,2})|(?<monthName${k}>${monthNames.source}))`;
    const marker = `(?:${BLANKS}\\(${BLANKS}${lunar.markers.source}${BLANKS}\\)|${SPACE}${lunar.markers.source}${WORD_END})`;
    const newYear = `(?<newYear>${lunar.newYear.source})${yearName(1)}?${year(1)}?`;
    const tetDay = `(?:${dayAnchors.source})${SPACE}(?<tetDay>\\d{1,2})${SPACE}(?:${lunar.newYear.source}|${lunar.newYearDays.source})${yearName(2)}?${year(2)}?`;
    const namedTet = `${lunar.newYearDays.source}${yearName(3)}${year(3)}?`;
    const fullMoon = `(?<fullMoon>${lunar.fullMoon.source})${SPACE}${month(1)}${marker}?`;
    const numeric = `(?:(?:${dayAnchors.source})${SPACE})?(?<day>\\d{1,2})(?:[/.\\-](?<dm>\\d{1,2})(?:/(?<dy>${YEAR}))?|${SPACE}${month(2)})${marker}`;
    return `(?:${newYear}|${tetDay}|${namedTet}|${fullMoon}|${numeric})${WORD_END}`;
  }

  protected build(context: ParsingContext, g: Groups, index: number, text: string) {
    const { lunar } = this.rules;
    const first = (name: string) => [1, 2, 3].map((k) => g[`${name}${k}`]).find((v) => v !== undefined);
    const name = first('name');
    const writtenMonth = first('month');
    const monthName = first('monthName');
    let day = 1;
    let month = 1;
    if (g['tetDay']) day = Number(g['tetDay']);
    else if (g['fullMoon'] || g['day']) {
      day = g['fullMoon'] ? 15 : Number(g['day']);
      const written = g['dm'] ?? writtenMonth;
      const named = monthName ? this.rules.monthNames.get(monthName) : undefined;
      month = written ? Number(written) : (named ?? 0);
    }
    if (day < 1 || day > 30 || month < 1 || month > 12) return null;
    const statedYear = first('year') ?? g['dy'];
    const ref = context.refDate;
    let year: number | null;
    if (statedYear) year = Number(statedYear);
    else if (name) {
      const { stem, branch } = lunar.yearName.get(name)!;
      const cycle = [...Array(60).keys()].map((k) => 4 + k).find((y) => (y - 4) % 10 === stem && (y - 4) % 12 === branch)!;
      year = cycle + Math.round((ref.getFullYear() - cycle) / 60) * 60;
    } else year = nearestLunarYear(day, month, ref, [ref.getFullYear() - 1, ref.getFullYear(), ref.getFullYear() + 1]);
    if (year === null || (name && statedYear && lunarYearName(year, lunar.stems, lunar.branches) !== name)) return null;
    const solar = lunarToSolar(day, month, year);
    if (!solar) return null;
    const result = context.createParsingResult(index, text, stated(context, solar));
    if (!statedYear) result.addTag(TAG.relative);
    return result.addTag(TAG.lunar + `${day}/${month} ${lunarYearName(year, lunar.stems, lunar.branches)}`);
  }
}
