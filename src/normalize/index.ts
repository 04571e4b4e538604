/**
 * Text normalisation: from the input as decoded to the text every extractor
 * reads, with a map back to input offsets.
 *
 * 1. characters: NFC, one tone-placement style, line ends as LF, exotic
 *    spaces as spaces, invisible characters dropped;
 * 2. article structure: the ` date YYYY-MM` header, scraped template debris
 *    and the page tail after it are blanked (kept as spaces, so offsets hold);
 *    the title, source tag and byline are read off.
 */
import type { Span } from '../model/entity.js';
import type { TextRules } from './rules.js';
import { MappedTextBuilder, OffsetMap } from './offsets.js';
import { normalizeTonePlacement } from './tone.js';

export interface Byline {
  name: string;
  nameSpan: Span;
  /** The line after the name when it is a title line (`Giám đốc Sở TT&TT Thanh Hóa`). */
  title: string | null;
  titleSpan: Span | null;
}

export interface NormalizedArticle {
  /** The input as decoded. */
  readonly input: string;
  /** NFC, one tone style, debris blanked; the same length as nothing but `input` maps to. */
  readonly text: string;
  readonly map: OffsetMap;
  /** Publication month (or day) from the header, ISO 8601. */
  readonly published: string | null;
  readonly title: { text: string; span: Span } | null;
  readonly source: string | null;
  readonly byline: Byline | null;
  /** Non-blank lines of `text`, trimmed, in order. */
  readonly lines: readonly Span[];
}

const DROPPED = /[\u200B-\u200D\u2060\uFEFF\u00AD]/u;
const SPACES = /[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/u;
/** A character that is not plain text (a letter, digit, punctuation, symbol, space or LF); searched for, not matched as `^[…]*$`, which runs out of stack on megabytes. */
const NOT_SIMPLE = /[^\p{L}\p{N}\p{P}\p{S} \n]/u;

/** Step 1: characters. */
export function normalizeCharacters(input: string): { text: string; map: OffsetMap } {
  let text: string;
  let map: OffsetMap;
  if (!NOT_SIMPLE.test(input) && input.normalize('NFC') === input && !SPACES.test(input)) {
    text = input;
    map = OffsetMap.identity(input.length);
  } else {
    const out = new MappedTextBuilder();
    // A cluster is a base character with its combining marks, or a CRLF pair.
    const cluster = /\r\n|[\s\S][\p{M}\u200C\u200D]*/gu;
    for (const m of input.matchAll(cluster)) {
      const s = m.index;
      const e = s + m[0].length;
      const c = m[0];
      if (c === '\r\n' || c === '\r') out.append('\n', s, e);
      else if (DROPPED.test(c) && c.length === 1) continue;
      else if (SPACES.test(c)) out.append(' ', s, e);
      else out.append(c.normalize('NFC'), s, e);
    }
    ({ text, map } = out.build(input.length));
  }
  return { text: normalizeTonePlacement(text), map };
}

/** Steps 1 and 2. */
export function normalizeArticle(input: string, rules: TextRules): NormalizedArticle {
  const { text: chars, map } = normalizeCharacters(input);
  const blank = new Blanker(chars);

  let published: string | null = null;
  const header = rules.header.exec(chars);
  if (header?.groups?.['date']) {
    published = header.groups['date'];
    blank.range(header.index, header.index + header[0].length);
  }

  for (const pattern of rules.debris) {
    for (const m of chars.matchAll(pattern)) blank.range(m.index, m.index + m[0].length);
  }
  let tail = chars.length;
  for (const pattern of rules.tailMarkers) {
    const m = pattern.exec(chars);
    if (m && m.index < tail) tail = m.index;
  }
  blank.range(tail, chars.length);

  const text = blank.toString();
  const lines = lineSpans(text);
  const source = readSource(text, lines, rules);
  const title = readTitle(text, lines, rules);
  const byline = readByline(text, lines, rules);
  return { input, text, map, published, title, source, byline, lines };
}

class Blanker {
  private readonly ranges: Span[] = [];
  constructor(private readonly text: string) {}
  range(start: number, end: number): void {
    if (end > start) this.ranges.push([start, end]);
  }
  /** The text with every range blanked, built from slices (not one string per character, which costs tens of bytes a character). */
  toString(): string {
    const parts: string[] = [];
    let at = 0;
    for (const [start, end] of this.ranges.sort((a, b) => a[0] - b[0])) {
      if (end <= at) continue;
      const from = Math.max(start, at);
      parts.push(this.text.slice(at, from), this.text.slice(from, end).replace(/[^\n]/g, ' '));
      at = end;
    }
    parts.push(this.text.slice(at));
    return parts.join('');
  }
}

function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) spans.push([m.index + lead, m.index + lead + body.length]);
  }
  return spans;
}

const slice = (text: string, [s, e]: Span) => text.slice(s, e);

function readSource(text: string, lines: readonly Span[], rules: TextRules): string | null {
  const first = lines[0];
  if (!first) return null;
  return rules.sourceTag.exec(slice(text, first))?.groups?.['source'] ?? null;
}

/**
 * The title is the first of the opening lines that reads as a headline: not
 * ended by sentence punctuation, not too long, with more text after it.
 */
function readTitle(text: string, lines: readonly Span[], rules: TextRules): { text: string; span: Span } | null {
  for (const span of lines.slice(0, rules.title.searchLines)) {
    if (span === lines.at(-1)) break;
    const line = slice(text, span);
    const words = line.split(/\s+/).length;
    if (words > rules.title.maxWords || rules.title.sentenceEnd.test(line)) continue;
    if (rules.sourceTag.test(line)) continue;
    return { text: line, span };
  }
  return null;
}

/**
 * The byline is the last line when it is one to four capitalised words; when
 * the last line is instead a short title line and the line before it is such
 * a name, that name is an official's byline.
 */
function readByline(text: string, lines: readonly Span[], rules: TextRules): Byline | null {
  const isName = (span: Span | undefined) => {
    if (!span) return false;
    const words = slice(text, span).split(/\s+/);
    return words.length <= rules.byline.maxWords && words.every((w) => rules.byline.word.test(w));
  };
  const last = lines.at(-1);
  if (!last || lines.length < 2) return null;
  if (isName(last)) return { name: slice(text, last), nameSpan: last, title: null, titleSpan: null };
  const before = lines.at(-2);
  const titleLine = slice(text, last);
  if (before && lines.length >= 3 && isName(before) && titleLine.split(/\s+/).length <= rules.byline.maxTitleWords && !rules.title.sentenceEnd.test(titleLine)) {
    return { name: slice(text, before), nameSpan: before, title: titleLine, titleSpan: last };
  }
  return null;
}
