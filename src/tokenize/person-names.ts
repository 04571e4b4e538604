/**
 * The one personal-name recogniser: a name is a surname (rules/names.yaml)
 * then name syllables (a capital then small letters), spaced on one line, and
 * the whole run of them, whose length the context's bounds (names.yaml
 * `name_syllables`) allow. Extractors ask where a name that begins at a token
 * ends, or where a name that ends before a token begins; what else rules a
 * name out (a province inside it, a street word before it) is theirs.
 */
import type { NameBounds, NameRules } from '../rules/names.js';
import type { TokenStream } from './stream.js';

/** The end of the personal name that begins at token i, or null when none does. */
export function personNameEnd(stream: TokenStream, i: number, names: NameRules, bounds: NameBounds): number | null {
  if (!names.surnames.has(stream.at(i))) return null;
  const end = stream.nameRunEnd(i, bounds.max + 1);
  return end - i >= bounds.min && end - i <= bounds.max ? end : null;
}

/** The first token of the run of name syllables that ends right before token `end`, no earlier than `from`. */
function nameRunStart(stream: TokenStream, end: number, from = 0): number {
  let start = end;
  while (start - 1 >= from && stream.isNameSyllable(start - 1) && (start === end || joinsName(stream, start))) start--;
  return start;
}

/** Whether token i continues the name syllable before it: spaced from it on the same line. */
function joinsName(stream: TokenStream, i: number): boolean {
  return stream.spaced(i) && stream.sameLine(i);
}

/**
 * The start of the personal name whose whole run of name syllables ends right
 * before token `end` (and is spaced from it on its line), or null: the words
 * before a province name that make it a person's (`Nguyễn Thái Bình`).
 */
export function personNameBefore(stream: TokenStream, end: number, names: NameRules, bounds: NameBounds): number | null {
  if (end <= 0 || end > stream.length || !joinsName(stream, end)) return null;
  const start = nameRunStart(stream, end);
  const length = end - start;
  return length >= bounds.min && length <= bounds.max && names.surnames.has(stream.at(start)) ? start : null;
}

/**
 * The run of name syllables that ends right before token `end`, no earlier
 * than `from` and spaced from what precedes it, and the tokens in it where a
 * personal name ending at `end` may begin, the longest first: the name that
 * ends a longer run of capitalised syllables (`Sở TT&TT Hải Dương Nguyễn Cao Thắng`).
 */
export function personNameStartsBefore(stream: TokenStream, from: number, end: number, names: NameRules, bounds: NameBounds): { run: number; starts: number[] } {
  let run = nameRunStart(stream, end, from);
  if (run < end && !joinsName(stream, run)) run++;
  const starts: number[] = [];
  for (let k = run; k <= end - bounds.min; k++) {
    if (end - k <= bounds.max && names.surnames.has(stream.at(k))) starts.push(k);
  }
  return { run, starts };
}
