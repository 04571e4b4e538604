/**
 * What the words around a reference say about the document: its issue date
 * (the date entity right after it), its issuer (`của ...`, `do ...`, or the
 * body named as issuing it: `Ban Chấp hành Đảng bộ tỉnh ban hành Nghị quyết
 * ...`) and its subject (`về ...` up to the end of the clause).
 */
import type { DateEntity } from '../dates/schema.js';
import type { Span } from '../../model/entity.js';
import type { NameRules } from '../../rules/names.js';
import { spanAt, type Doc } from '../../tokenize/index.js';
import { personNameEnd } from '../../tokenize/person-names.js';
import type { Found } from '../types.js';
import type { DocumentRules, Issuer } from './rules.js';
import type { Mention } from './symbols.js';

/** What other extractors found that the words around a reference are read with. */
export interface Around {
  readonly dates: readonly Found<DateEntity>[];
  /** Surnames and name lengths (`rules/names.yaml`): a person named after an office is not part of the issuer. */
  readonly names: NameRules;
  /** Spans of province mentions (`Hồ Chí Minh` is a place, not a person). */
  readonly places: readonly Span[];
}

export interface MentionContext {
  date: string | null;
  /** The issuer the words around the reference name. */
  issuer: string | null;
  /** The symbol's issuer as the same sentence writes it (`UBND tỉnh` for `…/UBND-THKH`). */
  symbolIssuer: string | null;
  subject: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const GAP = /^[\s,(]*$/u;
/** The bracket that closes a date given in brackets: `(ngày 10/11/2022)`. */
const CLOSING = /^\s?\)/u;
/** A short aside in brackets between a reference and its issuer or subject: `(khóa XIX)`. */
const ASIDE = /^\s?\([^()\n]{1,60}\)/u;

/**
 * Reads, after the reference, an optional issue date and `của`/`do` issuer
 * (in either order) and then an optional subject; without an issuer after
 * it, an issuing body right before it, and then, without a date after it,
 * the day that opens that sentence.
 */
export function readContext(doc: Doc, mention: Mention, around: Around, rules: DocumentRules, limit: number): MentionContext {
  const { dates } = around;
  const { text } = doc;
  const { span } = mention;
  const context: MentionContext = { date: null, issuer: null, symbolIssuer: null, subject: null };
  let at = span[1];
  let dated = false;
  for (let step = 0; step < 4; step++) {
    const date = dated ? null : dateAt(text, at, dates, limit);
    if (date) {
      dated = true;
      context.date = DAY.test(date.value) ? date.value : null;
      at = date.end + (CLOSING.exec(text.slice(date.end, limit))?.[0].length ?? 0);
      continue;
    }
    const after = context.issuer === null ? rules.issuerAfter.exec(text.slice(at, limit)) : null;
    const issuer = after ? scanIssuer(doc, at + after[0].length, rules, limit, around) : null;
    if (issuer) {
      context.issuer = text.slice(issuer[0], issuer[1]);
      at = issuer[1];
      continue;
    }
    const aside = ASIDE.exec(text.slice(at, limit));
    if (!aside) break;
    at += aside[0].length;
  }
  const subject = rules.subject.exec(text.slice(at, lineEnd(text, at, limit)));
  if (subject) context.subject = cutSubject(subject.groups!['subject']!, rules.subjectList);
  if (context.issuer === null) {
    const issuer = issuerBefore(doc, span[0], rules, around);
    if (issuer) {
      context.issuer = text.slice(issuer[0], issuer[1]);
      context.date ??= openingDate(doc, issuer[0], dates);
    }
  }
  if (context.issuer === null && mention.issuer) context.symbolIssuer = nameInSentence(doc, span, mention.issuer, rules);
  return context;
}

/**
 * The nearest mention, in the reference's sentence, of one of the issuer's
 * names with the inner words that follow it (`UBND tỉnh`), before the
 * reference if there is one.
 */
function nameInSentence(doc: Doc, span: Span, issuer: Issuer, rules: DocumentRules): string | null {
  const { text } = doc;
  const sentence = spanAt(doc.sentences, span[0]);
  if (!sentence || span[1] > sentence[1]) return null;
  const found: number[] = [];
  for (const name of issuer.names) {
    for (let at = text.indexOf(name, sentence[0]); at >= 0 && at + name.length <= sentence[1]; at = text.indexOf(name, at + 1)) {
      const outside = at + name.length <= span[0] || at >= span[1];
      if (outside && startsWithWord(text, at, name) && !/[\p{L}\p{M}\p{N}]/u.test(text.charAt(at - 1))) found.push(at);
    }
  }
  const before = found.filter((at) => at < span[0]);
  const start = before.length ? Math.max(...before) : found.length ? Math.min(...found) : null;
  if (start === null) return null;
  const name = issuer.names.find((n) => startsWithWord(text, start, n))!;
  let end = start + name.length;
  for (let inner = innerWordAfter(text, end, rules); inner; inner = innerWordAfter(text, end, rules)) end = inner;
  return text.slice(start, end);
}

/** The end of an inner word (`tỉnh`, `nhân dân`) after one space at `at`, if one follows. */
function innerWordAfter(text: string, at: number, rules: DocumentRules): number | null {
  if (text.charAt(at) !== ' ') return null;
  const word = rules.innerWords.find((w) => startsWithWord(text, at + 1, w));
  return word ? at + 1 + word.length : null;
}

/**
 * A subject ends at the first comma outside quotes, unless an enumeration
 * follows: short items closed by one with a closing word such as `và`
 * (`khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số`). A closing word
 * it ends with is left out (the next reference cut it short).
 */
function cutSubject(subject: string, list: DocumentRules['subjectList']): string {
  const segments: string[] = [''];
  let quoted = false;
  for (const c of subject) {
    if (c === '“' || c === '”' || c === '"') quoted = c === '“' || (c === '"' && !quoted);
    if (c === ',' && !quoted) segments.push('');
    else segments[segments.length - 1] += c;
  }
  let out = segments[0]!;
  let pending = '';
  for (const segment of segments.slice(1)) {
    const syllables = segment.trim().split(/\s+/u);
    const closing = syllables.findIndex((s) => list.closers.includes(s));
    if (closing > 0 && closing <= list.itemSyllables) {
      out += pending + ',' + segment;
      pending = '';
    } else if (syllables.length <= list.itemSyllables) pending += ',' + segment;
    else break;
  }
  // cut short by the next reference: `về bảo vệ dữ liệu cá nhân và [Thông tư số ...]`
  out = out.replace(/\s+$/u, '');
  const space = out.lastIndexOf(' ');
  return space > 0 && list.closers.includes(out.slice(space + 1)) ? out.slice(0, space).replace(/[\s,]+$/u, '') : out;
}

/** The day that opens the issuer's sentence right before the issuer: `Ngày 5/3/2025, Ban Thường vụ Tỉnh ủy ban hành ...`. */
function openingDate(doc: Doc, issuerStart: number, dates: readonly Found<DateEntity>[]): string | null {
  const sentence = spanAt(doc.sentences, issuerStart);
  if (!sentence) return null;
  for (const date of dates) {
    for (const [start, end] of date.spans) {
      if (start === sentence[0] && end <= issuerStart && GAP.test(doc.text.slice(end, issuerStart)) && DAY.test(date.value)) return date.value;
    }
  }
  return null;
}

/** The date entity that starts right after `at` (only spaces, a comma or a bracket between). */
function dateAt(text: string, at: number, dates: readonly Found<DateEntity>[], limit: number): { value: string; end: number } | null {
  for (const date of dates) {
    for (const [start, end] of date.spans) {
      if (start >= at && start < limit && GAP.test(text.slice(at, start))) return { value: date.value, end };
    }
  }
  return null;
}

function lineEnd(text: string, at: number, limit: number): number {
  const newline = text.indexOf('\n', at);
  return Math.min(newline < 0 ? text.length : newline, limit);
}

interface Syllable {
  start: number;
  end: number;
  text: string;
}

const SYLLABLE = /[\p{L}\p{M}\p{N}&]+|\S/gu;

function syllablesIn(text: string, start: number, end: number): Syllable[] {
  const out: Syllable[] = [];
  for (const m of text.slice(start, end).matchAll(SYLLABLE)) out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
  return out;
}

const capitalised = (s: Syllable) => /^\p{Lu}/u.test(s.text);

/**
 * Whether a person's full name begins at syllable s, as long as a name
 * right after a body's (`rules/names.yaml`), ending the capitalised run
 * within `limit`, outside any province name (`Chủ tịch UBND tỉnh Nguyễn Đăng Bình ký ...`).
 */
function isPersonAt(doc: Doc, s: Syllable, limit: number, around: Around): boolean {
  const { stream } = doc;
  const i = stream.indexAt(s.start);
  const end = personNameEnd(stream, i, around.names, around.names.syllables.afterBody);
  if (end === null) return false;
  const [start, stop] = stream.span(i, end);
  const capitalAfter = end < stream.length && stream.start(end) < limit && stream.isCapitalised(end);
  return !capitalAfter && !around.places.some(([ps, pe]) => ps < stop && pe > start);
}

/**
 * An issuer name starting at `from`: it begins with one of the rule file's
 * heads and runs over heads and inner words (taken whole: `Ủy ban`, `nhân
 * dân`), capitalised syllables, the lower-case rest of a capitalised word
 * (`Thường vụ`, `Y tế`, by the word segmentation) and connectors between
 * capitalised parts (`Thông tin và Truyền thông`); a person's full name or
 * anything else ends it.
 */
function scanIssuer(doc: Doc, from: number, rules: DocumentRules, limit: number, around: Around): Span | null {
  const { text } = doc;
  if (!rules.issuerHeads.some((h) => startsWithWord(text, from, h))) return null;
  const syllables = syllablesIn(text, from, Math.min(limit, lineEnd(text, from, limit)));
  let end = from; // end of the name so far
  let last = from; // end of the last syllable read (a connector is read before it is known to belong)
  let i = 0;
  while (i < syllables.length && i < rules.maxIssuerSyllables) {
    const s = syllables[i]!;
    if ((i > 0 && !/^\s+$/u.test(text.slice(last, s.start))) || !/^[\p{L}\p{N}]/u.test(s.text)) break;
    const phrase = [...rules.issuerHeads, ...rules.innerWords].find((w) => startsWithWord(text, s.start, w));
    if (phrase) {
      end = last = s.start + phrase.length;
      while (i < syllables.length && syllables[i]!.end <= end) i++;
      continue;
    }
    if (i > 0 && isPersonAt(doc, s, limit, around)) break;
    if (capitalised(s) || (i > 0 && capitalised(syllables[i - 1]!) && insideWord(doc, s))) {
      end = s.end;
    } else if (rules.connectors.includes(s.text)) {
      const next = syllables[i + 1];
      rules.typeWordAt.lastIndex = next?.start ?? 0;
      if (!next || !capitalised(next) || rules.typeWordAt.test(text)) break;
    } else break;
    last = s.end;
    i++;
  }
  return end > from ? [from, end] : null;
}

/** Whether a syllable continues a word that began before it (`tế` in `Y tế`), by the word segmentation. */
function insideWord(doc: Doc, s: Syllable): boolean {
  const word = doc.wordAt(s.start);
  return word !== undefined && word.start < s.start;
}

/** The body named as issuing the reference: `UBND tỉnh ban hành Kế hoạch ...`. */
function issuerBefore(doc: Doc, start: number, rules: DocumentRules, around: Around): Span | null {
  const { text } = doc;
  const from = Math.max(0, start - 40);
  const verb = rules.issuingVerbBefore.exec(text.slice(from, start));
  if (!verb) return null;
  const verbStart = from + verb.index;
  const window = syllablesIn(text, Math.max(0, verbStart - 120), verbStart).slice(-rules.maxIssuerSyllables);
  const lineStart = text.lastIndexOf('\n', verbStart) + 1;
  // The earliest head from which an issuer name runs up to the verb (or to the name of its holder).
  for (const s of window) {
    if (s.start < lineStart) continue;
    const span = scanIssuer(doc, s.start, rules, verbStart, around);
    // right up to the verb, or to the name of the person who holds the office (`Chủ tịch UBND tỉnh Nguyễn Đăng Bình ký`)
    const between = span ? syllablesIn(text, span[1], verbStart) : [];
    if (span && (between.length === 0 || (isPersonAt(doc, between[0]!, verbStart, around) && between.length <= 4))) return span;
  }
  return null;
}

function startsWithWord(text: string, at: number, word: string): boolean {
  return text.startsWith(word, at) && !/[\p{L}\p{M}\p{N}]/u.test(text.charAt(at + word.length));
}
