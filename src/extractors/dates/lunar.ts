/**
 * The Vietnamese lunar calendar (UTC+7, as `@dqcai/vn-lunar` computes it):
 * a lunar day as a Gregorian one, the lunar year meant when the text names
 * none, and the name of a lunar year (`Bính Ngọ`) from the rule file's stems
 * and branches.
 */
import { getSolarDate } from '@dqcai/vn-lunar';

export interface Day {
  year: number;
  month: number;
  day: number;
}

/** The Gregorian day of lunar `day`/`month` of the lunar year that begins in Gregorian `year`. */
export function lunarToSolar(day: number, month: number, year: number): Day | null {
  if (day < 1 || day > 30 || month < 1 || month > 12) return null;
  const solar = getSolarDate(day, month, year);
  // the library answers a day the month does not have with the next month's first days or zeros
  return solar.year > 0 && solar.day > 0 ? { year: solar.year, month: solar.month, day: solar.day } : null;
}

/** Of the lunar years around the reference, the one that puts `day`/`month` closest to it. */
export function nearestLunarYear(day: number, month: number, reference: Date, candidates: readonly number[]): number | null {
  let best: { year: number; distance: number } | null = null;
  for (const year of candidates) {
    const solar = lunarToSolar(day, month, year);
    if (!solar) continue;
    const distance = Math.abs(new Date(solar.year, solar.month - 1, solar.day, 12).getTime() - reference.getTime());
    if (!best || distance < best.distance) best = { year, distance };
  }
  return best?.year ?? null;
}

/** `Bính Ngọ` for 2026: the stem and branch of a lunar year. */
export function lunarYearName(year: number, stems: readonly string[], branches: readonly string[]): string {
  const mod = (n: number, m: number) => ((n % m) + m) % m;
  return `${stems[mod(year - 4, 10)]} ${branches[mod(year - 4, 12)]}`;
}
