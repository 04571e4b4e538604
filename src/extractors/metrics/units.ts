/**
 * The unit after a number: a unit word from the rule file (`đồng` → VND,
 * `%`, `km`, `lần` after a change) that is a whole word to vntk (`5 đồng
 * chí`, `5 đô thị` are no money), a per-unit rate (`máy/100 dân`, `thuê bao
 * trên 100 dân`), or the counted noun phrase (`doanh nghiệp`, `trạm BTS`,
 * `cán bộ, công chức, viên chức`, a capitalised noun `12 Camera`) found on
 * vntk's words. With nothing after the number, a currency code or sign
 * written before it is its unit (`$5`, `USD 5,5`, `VND 200.000`).
 */
import type { Doc, TaggedToken } from '../../tokenize/index.js';
import type { MetricRules } from './rules.js';

export interface UnitReading {
  unit: string;
  /** Where the unit's words begin and end in the text. */
  start: number;
  end: number;
  rule: string;
  money: boolean;
  /** A counted noun rather than a unit of measure. */
  counted: boolean;
}

/** vntk's tagged word that begins at an offset, with the words of its line. */
export type Words = Doc['taggedAt'];

/**
 * Tags that never begin or continue a counted noun: prepositions, conjunctions,
 * punctuation, pronouns, determiners, particles. Other tags are not trusted
 * (vntk tags `thuê bao` as a numeral or a verb after a number); the rule
 * file's stop words end the phrase instead.
 */
const NOT_NOUN_TAGS = new Set(['E', 'C', 'CH', 'P', 'L', 'T', 'I']);
/** An abbreviation (`BTS`, `GRDP`, `TT&TT`). */
export const ACRONYM = /^[\p{Lu}\d&]*\p{Lu}[\p{Lu}\d&]*$/u;

export function readUnit(text: string, pos: number, rules: MetricRules, words: Words, change: boolean): UnitReading | null {
  const rest = text.slice(pos, pos + 120);
  const m = rules.units.next.exec(rest);
  if (m) {
    const form = m.groups!['form']!;
    const unit = rules.units.byForm.get(form.replace(/\s+/gu, ' '));
    const reading = unit && { unit: unit.unit, start: pos + m[0].length - form.length, end: pos + m[0].length, rule: unit.id, money: unit.money, counted: false };
    if (reading && unit && !wholeWord(reading, words)) return countedNoun(text, pos, rules, words);
    if (reading && unit) {
      if (!unit.needsChange || change) return withRate(text, reading, rules);
      // `01 lần/tuần`: not a multiplier but a frequency, named as written
      const rated = withRate(text, { ...reading, unit: form }, rules);
      if (rated.end > reading.end) return rated;
    }
  }
  const counted = countedNoun(text, pos, rules, words);
  return counted ? withRate(text, counted, rules) : currencyBefore(text, pos, rules);
}

/**
 * What a unit adds after it to the amount before it: a half (`ba đô rưỡi`,
 * `hai tiếng rưỡi`) or cents (`3 đô 50 xu`, `2 đô la 25 cent`, not `50 xu
 * hướng`); null when nothing follows.
 */
export function readPartAfter(text: string, unit: UnitReading, rules: MetricRules, words: Words): { add: number; end: number } | null {
  if (unit.counted) return null;
  const rest = text.slice(unit.end, unit.end + 40);
  const half = rules.half.exec(rest);
  if (half) return { add: 0.5, end: unit.end + half[0].length };
  const sub = rules.units.subunit.get(unit.rule);
  const cents = sub?.next.exec(rest);
  if (!sub || !cents) return null;
  const end = unit.end + cents[0].length;
  const form = { ...unit, start: end - cents.groups!['form']!.length, end };
  return wholeWord(form, words) ? { add: Number(cents.groups!['n']) / sub.per, end } : null;
}

/** Whether vntk's word at a unit's start ends with it (`đô` is not the start of `đô thị`). */
function wholeWord(reading: UnitReading, words: Words): boolean {
  const word = words(reading.start)?.word;
  return !word || word.end <= reading.end || !/^\s*\p{L}/u.test(word.text.slice(reading.end - reading.start));
}

/**
 * A currency code or sign right before the number that ends at `pos` (`$5`,
 * `US$ 12`, `VND 200.000`, `$5k`); the reading starts at the code, where the
 * mention begins.
 */
function currencyBefore(text: string, pos: number, rules: MetricRules): UnitReading | null {
  const from = Math.max(0, pos - 40);
  const m = rules.units.before.exec(text.slice(from, pos));
  if (!m) return null;
  const unit = rules.units.byForm.get(m.groups!['form']!)!;
  return { unit: unit.unit, start: from + m.index, end: pos, rule: unit.id, money: true, counted: false };
}

/** `thuê bao` + `/100 dân` or ` trên 100 dân` → `thuê bao/100 dân`; rates chain (`đồng/người/năm`). */
function withRate(text: string, reading: UnitReading, rules: MetricRules): UnitReading {
  const m = rules.rate.exec(text.slice(reading.end, reading.end + 40));
  if (!m) return reading;
  const n = m.groups!['count'] ?? m.groups!['over'];
  const per = m.groups!['per']!.replace(/\s+/gu, ' ');
  return withRate(text, { ...reading, unit: `${reading.unit}/${n ? `${n} ` : ''}${per}`, end: reading.end + m[0].length }, rules);
}

function countedNoun(text: string, pos: number, rules: MetricRules, words: Words): UnitReading | null {
  let p = pos;
  while (text[p] === ' ' || text[p] === '\t') p++;
  if (p === pos) return null;
  const at = words(p);
  if (!at) return null;
  const list = at.line;
  let i = at.index;
  const { stopWords, maxWords } = rules.counted;
  const isStop = (t: TaggedToken) => stopWords.has(t.text.toLowerCase());
  const head = at.word;
  // a capitalised noun counts too when lower-case words go on with it (`12 Camera giám sát`), not a name (`12 Trường THPT`)
  const after = list[i + 1];
  const capitalNoun = /^\p{Lu}\p{Ll}*$/u.test(head.text) && !!after && /^\p{Ll}/u.test(after.text) && /^[ \t]+$/u.test(text.slice(head.end, after.start));
  const headOk = (/^\p{Ll}/u.test(head.text) || ACRONYM.test(head.text) || capitalNoun) && !NOT_NOUN_TAGS.has(head.tag) && !isStop(head);
  if (!headOk || !/^[\p{L}]/u.test(head.text)) return null;
  let end = head.end;
  let count = 1;
  // the noun phrase: nouns, adjectives, acronyms and capitalised names of the kind (`giải Nhì`)
  while (count < maxWords) {
    const next = list[i + 1];
    if (!next || !/^[ \t]+$/u.test(text.slice(end, next.start)) || isStop(next)) break;
    // a numbered level after the noun (`dịch vụ công trực tuyến mức độ 3`) belongs to its phrase, not to what is counted
    if (rules.indicator.numbered.test(text.slice(next.start))) break;
    // a word that ends its sentence ends the noun, without its full stop (`3.659 trạm BTS.`)
    const word = next.text.replace(/[.!?]+$/u, '');
    const fits = ACRONYM.test(word) || (/^[\p{L}]/u.test(word) && !NOT_NOUN_TAGS.has(next.tag) && next.tag !== 'R');
    if (!fits) break;
    end = next.start + word.length;
    i++;
    count++;
    if (word !== next.text) break;
  }
  // a list of single nouns: `cán bộ, công chức, viên chức`
  if (count === 1) {
    for (;;) {
      const comma = list[i + 1];
      const item = list[i + 2];
      const after = list[i + 3];
      if (!comma || comma.text !== ',' || !item || !/^\p{Ll}/u.test(item.text) || isStop(item) || NOT_NOUN_TAGS.has(item.tag)) break;
      // the list ends at a comma, a stop word, a function word, or a verb or adverb after a noun (`xã, phường còn 37 ...`)
      const ends = after && (after.text === ',' || after.tag === 'CH' || isStop(after) || NOT_NOUN_TAGS.has(after.tag) || (/^[RV]$/u.test(after.tag) && item.tag.startsWith('N')));
      if (after && !ends) break;
      if (comma.start !== end) break;
      end = item.end;
      i += 2;
    }
  }
  let unit = text.slice(head.start, end);
  // an acronym in brackets names the kind: `trạm thu phát sóng di động (BTS)` → `trạm BTS`
  const bracket = /^[^.;:()\d\n]{0,60}?\((?<inner>[^()\n]{1,30})\)/u.exec(text.slice(end, end + 90));
  if (bracket) {
    const inner = bracket.groups!['inner']!.trim();
    if (ACRONYM.test(inner)) unit = `${head.text} ${inner}`;
    else if (inner.startsWith(`${head.text} `) && inner.split(/\s+/u).length <= 3) unit = inner;
    if (unit !== text.slice(head.start, end)) end += bracket[0].length;
  }
  return { unit, start: head.start, end, rule: 'counted-noun', money: false, counted: true };
}
