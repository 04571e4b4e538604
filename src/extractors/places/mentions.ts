/**
 * Place mentions: a unit word (or its abbreviation) and the name of a unit
 * of that kind, walked over the article's syllables with the rules' tries,
 * so the cost is linear in the article. A unit word that heads a list
 * (`các xã Quảng Hợp, Quảng Thạch và Quảng Tân`) gives one mention per name.
 */
import type { Span } from '../../model/entity.js';
import type { TokenStream } from '../../tokenize/index.js';
import { syllableKey, type PlaceRules, type PlaceUnit, type UnitWordRule } from './rules.js';

export interface PlaceMention {
  span: Span;
  rule: UnitWordRule;
  /** Units of either era with this name and unit word. */
  units: readonly PlaceUnit[];
  /** The index of the first mention of its list, for every mention of a list (`các xã A, B`). */
  list: number | null;
}

const NUMBER = /^\p{N}+$/u;
const CAPITALISED = /^[\p{Lu}\p{N}]/u;

export function findPlaceMentions(stream: TokenStream, rules: PlaceRules): PlaceMention[] {
  const { text, tokens } = stream;
  /** Whether nothing or only spaces (no line end) stand between token `i - 1` and token `i`. */
  const joined = (i: number) => i > 0 && i < tokens.length && /^ *$/u.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
  const keys = tokens.map((t) => syllableKey(t.text));
  const keyAt = (i: number) => keys[i] ?? null;
  /** Keys of a name: each must follow the previous one on the same line, each word capitalised. */
  const nameKeyFrom = (from: number) => (i: number) => {
    const token = tokens[i];
    if (!token || (i > from && !joined(i))) return null;
    const startsWord = i === from || text.charAt(token.start - 1) === ' ';
    if (startsWord && /^\p{L}/u.test(token.text) && !CAPITALISED.test(token.text)) return null;
    return keys[i]!;
  };
  const nameAt = (unit: UnitWordRule, from: number) => (from < tokens.length ? rules.names.get(unit.unit)!.longest(from, nameKeyFrom(from)) : null);

  const out: PlaceMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const start = i;
    const word = unitWordAt(start);
    if (!word) continue;
    // past the whole unit word, whether or not a place follows: the `xã` of `thị xã Đông Triều` starts none either
    i = word.end - 1;
    if (notPlace(start)) continue;
    let next = word.end;
    const colon = tokens[next]?.text === ':';
    if (colon) next++;
    if (!joined(next)) continue;
    const first = nameAt(word.rule, next);
    if (!first) continue;
    const head = out.length;
    const list = colon || headsList(start);
    out.push({ span: [tokens[start]!.start, tokens[first.end - 1]!.end], rule: word.rule, units: first.values, list: list ? head : null });
    let end = first.end;
    while (list) {
      const after = joinerEnd(end);
      const item = after === null ? null : nameAt(word.rule, after);
      if (!item) break;
      out.push({ span: [tokens[after!]!.start, tokens[item.end - 1]!.end], rule: word.rule, units: item.values, list: head });
      end = item.end;
    }
    i = end - 1;
  }
  return out;

  function unitWordAt(i: number): { rule: UnitWordRule; end: number } | null {
    const word = rules.unitWords.longest(i, (k) => (k === i || joined(k) ? keyAt(k) : null));
    const abbreviation = rules.abbreviations.longest(i, (k) => (k === i || joined(k) ? (tokens[k]?.text ?? null) : null));
    const best = word && (!abbreviation || word.end >= abbreviation.end) ? word : abbreviation;
    return best && { rule: best.values[0]!, end: best.end };
  }

  /** Whether a unit word at token `i` lies inside, or right after, a phrase that is no place. */
  function notPlace(i: number): boolean {
    return rules.notPlaces.some((keys) => {
      for (let s = Math.max(0, i - keys.length); s <= i; s++) {
        if (keys.every((key, k) => keyAt(s + k) === key && (k === 0 || joined(s + k))) && (s + keys.length > i || joined(i))) return true;
      }
      return false;
    });
  }

  /** Whether the unit word at token `i` follows a list word or a number (`các xã`, `2 huyện`). */
  function headsList(i: number): boolean {
    const before = tokens[i - 1];
    return before !== undefined && joined(i) && (rules.listWords.has(keys[i - 1]!) || NUMBER.test(before.text));
  }

  /** The token after a list joiner that starts at token `i`, or null. */
  function joinerEnd(i: number): number | null {
    for (const keys of rules.listJoiners) {
      if (keys.every((key, k) => keyAt(i + k) === key)) {
        const after = i + keys.length;
        if (joined(i) && joined(after)) return after;
      }
    }
    return null;
  }
}
