/**
 * Numbers as Vietnamese news writes them: `.` groups thousands and `,` is the
 * decimal mark (`2.113.013`, `94,3`). The other style is read only where it
 * cannot be mistaken: two or more `,` groups (`2,113,013`) or a `.` followed
 * by one or two digits (`1.5`). `1,950` stays 1.95.
 */

/** A number in digits, in either style; alternatives tried longest-first. */
export const NUMBER_SOURCE = [
  '\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?', // 2.113.013 · 1.883,5
  '\\d{1,3}(?:,\\d{3}){2,}(?:\\.\\d+)?', // 2,113,013 (other style, unambiguous)
  '\\d+,\\d+', // 94,3
  '\\d+\\.\\d{1,2}(?!\\d)', // 1.5 (other style: not a thousands group)
  '\\d+',
].join('|');

/** `K` or `k` glued to a number: thousands (`50K`). */
const THOUSANDS = '[kK]';
const WITH_THOUSANDS = new RegExp(`^(.*\\d)${THOUSANDS}$`, 'u');

/**
 * A number in digits standing alone: no letter or digit glued to it (`4G`,
 * `IPv6`, `VTV8` are names), except a `K`/`k` of thousands (`50K đồng`, `$5k`).
 */
export const STANDALONE_NUMBER = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}.,/])(?:${NUMBER_SOURCE})${THOUSANDS}?(?![\\p{L}\\p{M}\\p{N}]|[.,]\\d)`,
  'gu',
);

/** A number right at the start of a string (after a separator such as `/` or `-`). */
export const LEADING_NUMBER = new RegExp(`^(?:${NUMBER_SOURCE})(?![\\p{L}\\p{M}\\p{N}]|[.,]\\d)`, 'u');

/** The value of a number written in digits (`50K` is 50 000), or null when it is not one. */
export function parseNumber(literal: string): number | null {
  const thousands = WITH_THOUSANDS.exec(literal.trim());
  if (thousands) {
    const value = parseNumber(thousands[1]!);
    return value === null ? null : scale(value, 1000);
  }
  const s = literal.trim();
  let normal: string;
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$/.test(s)) normal = s.replace(/,/g, '');
  else if (/^\d+,\d+$/.test(s)) normal = s.replace(',', '.');
  else if (/^\d+(?:\.\d{1,2})?$/.test(s)) normal = s;
  else return null;
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}

/** `value × factor` without binary noise (`1,86 × 10⁹`). */
export function scale(value: number, factor: number): number {
  return Number((value * factor).toPrecision(15));
}
