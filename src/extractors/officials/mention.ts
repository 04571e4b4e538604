/**
 * What the recognisers produce and share: a mention of a person with the
 * titles written with it, and the personal-name tests they use (a run of
 * capitalised syllables, a surname first, not the name of a street or a
 * school, not inside a province name).
 */
import type { Span } from '../../model/entity.js';
import type { HonorificValue, OfficialRules } from './rules.js';
import type { NameRules } from '../../rules/names.js';
import type { TokenStream } from '../../tokenize/index.js';
import { personNameEnd, personNameStartsBefore } from '../../tokenize/person-names.js';

/** A title parsed from the token stream. */
export interface Title {
  /** Token indexes [start, end). */
  start: number;
  end: number;
  /** Position id from the rules (`pho-chu-tich`). */
  position: string;
  /** Token index where the organisation begins, or null. */
  orgStart: number | null;
}

export interface Scan {
  readonly stream: TokenStream;
  readonly rules: OfficialRules;
  /** Surnames and how many syllables a name has (`rules/names.yaml`). */
  readonly names: NameRules;
  /** Spans of the province mentions found before (a name never overlaps one). */
  readonly provinces: readonly Span[];
}

export interface Mention {
  /** Id of the recogniser that made it. */
  rule: string;
  /** Token indexes of the name [start, end). */
  nameStart: number;
  nameEnd: number;
  honorific: HonorificValue | null;
  titles: Title[];
}

/**
 * What introduces a name at token i: an honorific, degrees or ranks
 * (`PGS.TS`, `Đại tá`), or both (`ông Đại tá ...`). Null when neither is there.
 */
export function introducerAt(scan: Scan, i: number): { honorific: HonorificValue | null; nameStart: number } | null {
  const { stream, rules } = scan;
  const honorific = rules.honorifics.match(stream, i);
  if (honorific && rules.listIntros.endsAt(stream, honorific.end)) return null;
  let nameStart = honorific?.end ?? i;
  for (let prefix = rules.namePrefixes.match(stream, nameStart); prefix && stream.sameLine(nameStart); prefix = rules.namePrefixes.match(stream, nameStart)) nameStart = prefix.end;
  if (nameStart === i || !stream.sameLine(nameStart) || !stream.spaced(nameStart)) return null;
  return { honorific: honorific?.value.honorific ?? null, nameStart };
}

/** `ĐỖ HỮU quyết` → `Đỗ Hữu Quyết`. */
export function titleCase(name: string): string {
  return name
    .normalize('NFC')
    .split(/\s+/u)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join(' ');
}

/** Whether tokens [from, to) overlap a province mention. */
export function overlapsProvince(scan: Scan, from: number, to: number): boolean {
  const [s, e] = scan.stream.span(from, to);
  return scan.provinces.some(([ps, pe]) => ps < e && pe > s);
}

/**
 * A full name without an honorific at token i: a whole run of capitalised
 * syllables (nothing capitalised right before or after it) that begins with a
 * surname, is not a place and is not inside a province name. Returns its end.
 */
export function bareNameAt(scan: Scan, i: number): number | null {
  const { stream, rules, names } = scan;
  if (i > 0 && stream.sameLine(i) && stream.isCapitalised(i - 1)) return null;
  const end = personNameEnd(stream, i, names, names.syllables.bare);
  if (end === null || rules.notANameAfter.endsAt(stream, i) || overlapsProvince(scan, i, end)) return null;
  return end;
}

/**
 * The name that ends a title written before it (`Giám đốc Sở TT&TT Hải Dương
 * Nguyễn Cao Thắng`): the longest tail of the title's capitalised syllables
 * that starts a vntk word with a surname, has as many syllables as a bare
 * name (`rules/names.yaml`), leaves
 * the organisation its head, and does not cut a province name. Right after a
 * place word or a body named by its place (`UBND tỉnh Huỳnh Minh Tuấn`) a name
 * needs as many as a name after a body (three), so that `UBND huyện Mai Sơn` and `Huyện ủy Quan Sơn`
 * stay places.
 */
export function trailingName(scan: Scan, title: Title): number | null {
  const { stream, rules, names } = scan;
  if (title.orgStart === null) return null;
  const { run, starts } = personNameStartsBefore(stream, title.orgStart + 1, title.end, names, names.syllables.bare);
  const candidates = starts.filter((k) => {
    if (overlapsProvince(scan, k, title.end)) return false;
    const afterBody = rules.placeWords.endsAt(stream, k) || rules.localityHeads.endsAt(stream, k);
    return !(k === run && title.end - k < names.syllables.afterBody.min && afterBody);
  });
  // Where vntk joined a name to the word before it, a three-syllable name is the likeliest.
  return candidates.find((k) => !stream.continuesWord(k)) ?? candidates.find((k) => title.end - k === 3) ?? null;
}
