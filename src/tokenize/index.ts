/**
 * Tokenization: sentences, syllables and words, all with offsets into the
 * normalised text. Word segmentation and part-of-speech tagging run vntk's
 * CRF models, line by line, only on the lines an extractor asks about.
 */
import type { NormalizedArticle } from '../normalize/index.js';
import type { Span } from '../model/entity.js';
import { segmentWords, tagWords, type TaggedToken, type Token, type Word } from './segmenter.js';
import { firstWhere, syllables, TokenStream, type WordLookup } from './stream.js';

export type { TaggedToken, Token, Word } from './segmenter.js';
export { firstWhere, plainStream, syllables, TokenStream, type TaggedWord, type WordLookup } from './stream.js';

export interface Doc extends NormalizedArticle, WordLookup {
  /** Sentences: line-bounded, split after sentence punctuation. */
  readonly sentences: readonly Span[];
  /** Letter/number runs and single punctuation marks. */
  readonly syllables: readonly Token[];
  /** The syllables with what recognisers ask of them (case, spacing, lines, words and tags), built once. */
  readonly stream: TokenStream;
  /** vntk word segmentation of every line. */
  words(): readonly Word[];
}

/**
 * vntk's unit is the line: each line is segmented, and POS-tagged, only when
 * an extractor first asks about a word on it, then kept. The CRF taggers are
 * most of the pipeline's time, and many lines (headings, quotes, captions)
 * hold nothing an extractor asks about.
 */
export function tokenize(article: NormalizedArticle, abbreviations: readonly string[]): Doc {
  const { text, lines } = article;
  const sentences = splitSentences(text, lines, abbreviations);
  /** Each line's words, by the pieces it is segmented in (one piece but for very long lines). */
  const segmented: (Word[][] | undefined)[] = [];
  const words: (Word[] | undefined)[] = [];
  const tagged: (TaggedToken[] | undefined)[] = [];
  const piecesOf = (k: number) => (segmented[k] ??= linePieces(lines[k]!, sentences).map((piece) => segmentWords(text, piece)));
  const wordsOf = (k: number) => (words[k] ??= piecesOf(k).flat());
  const taggedOf = (k: number) => (tagged[k] ??= piecesOf(k).flatMap((piece) => tagWords(piece)));
  const lineAt = (offset: number) => spanIndexAt(lines, offset);
  const doc = {
    ...article,
    sentences,
    syllables: syllables(text),
    words: () => lines.flatMap((_, k) => wordsOf(k)),
    wordAt: (offset) => {
      const k = lineAt(offset);
      if (k < 0) return undefined;
      const words = wordsOf(k);
      const word = words[firstWhere(words, (w) => w.end > offset)];
      return word && word.start <= offset ? word : undefined;
    },
    taggedAt: (offset) => {
      const k = lineAt(offset);
      if (k < 0) return undefined;
      const line = taggedOf(k);
      const index = firstWhere(line, (w) => w.start >= offset);
      return line[index]?.start === offset ? { word: line[index]!, line, index } : undefined;
    },
  } satisfies Omit<Doc, 'stream'>;
  return { ...doc, stream: new TokenStream(text, doc.syllables, doc) };
}

/**
 * Lines longer than this, in code units, are segmented and tagged a few
 * sentences at a time rather than whole: the taggers' working memory grows
 * with what they are given at once (over a kilobyte per input character on a
 * long line), and real paragraphs are far shorter.
 */
export const LONG_LINE = 8_000;

/** What a line is segmented in: the line itself, or for a long line its sentences grouped up to LONG_LINE. */
function linePieces(line: Span, sentences: readonly Span[]): Span[] {
  if (line[1] - line[0] <= LONG_LINE) return [line];
  const pieces: Span[] = [];
  for (let k = spanIndexAt(sentences, line[0]); k >= 0 && k < sentences.length && sentences[k]![0] < line[1]; k++) {
    const [s, e] = sentences[k]!;
    const last = pieces.at(-1);
    if (last && e - last[0] <= LONG_LINE) last[1] = e;
    else pieces.push([s, e]);
  }
  return pieces;
}

/** The index of the span that holds `offset` among sorted, disjoint spans, or -1: a binary search, not a scan. */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  const k = firstWhere(spans, ([, e]) => e > offset);
  return k < spans.length && spans[k]![0] <= offset ? k : -1;
}

/** The span that holds `offset` among sorted, disjoint spans (a document's lines or sentences). */
export function spanAt(spans: readonly Span[], offset: number): Span | undefined {
  return spans[spanIndexAt(spans, offset)];
}

/** Whether `[start, end)` lies inside one of sorted, disjoint spans. */
export function insideSpans(spans: readonly Span[], [start, end]: Span): boolean {
  const holder = spanAt(spans, start);
  return holder !== undefined && end <= holder[1];
}

/**
 * The items, sorted by where their spans start, whose spans lie within
 * `[start, end)`, in order: a binary search for the first, then only the
 * items that start inside the range are looked at.
 */
export function spansWithin<T>(items: readonly T[], spanOf: (item: T) => Span, [start, end]: Span): T[] {
  const out: T[] = [];
  for (let k = firstWhere(items, (item) => spanOf(item)[0] >= start); k < items.length && spanOf(items[k]!)[0] < end; k++) {
    if (spanOf(items[k]!)[1] <= end) out.push(items[k]!);
  }
  return out;
}

/**
 * Spans that may overlap or nest (blocked spans, exclusions), for asking which
 * one overlaps a span in logarithmic time rather than by a scan per question:
 * sorted by start, with the furthest end reached by each prefix.
 */
export class OverlapIndex<T> {
  private readonly items: readonly T[];
  private readonly starts: readonly number[];
  /** For each prefix `items[0..i]`, the index of the item that ends furthest. */
  private readonly furthest: readonly number[];

  constructor(
    items: readonly T[],
    private readonly spanOf: (item: T) => Span,
  ) {
    this.items = [...items].sort((a, b) => spanOf(a)[0] - spanOf(b)[0]);
    this.starts = this.items.map((item) => spanOf(item)[0]);
    const furthest: number[] = [];
    this.items.forEach((item, i) => furthest.push(i > 0 && spanOf(this.items[furthest[i - 1]!]!)[1] >= spanOf(item)[1] ? furthest[i - 1]! : i));
    this.furthest = furthest;
  }

  /** An item whose span shares a character with `[start, end)`, if one does. */
  overlapping([start, end]: Span): T | undefined {
    const before = firstWhere(this.starts, (s) => s >= end);
    if (before === 0) return undefined;
    const item = this.items[this.furthest[before - 1]!]!;
    return this.spanOf(item)[1] > start ? item : undefined;
  }
}


/**
 * The longest sentence, in UTF-16 code units: a longer run without a sentence
 * end (a list pasted as one line, generated text) is cut at the last white
 * space before this length. Real sentences are far shorter (the longest in
 * the seeds is under 800); extractors look at the sentence around each
 * mention, so an unbounded sentence would make their cost grow with the
 * square of its length.
 */
export const MAX_SENTENCE = 2_000;

/**
 * Sentence ends: `.`, `!`, `?`, `…` (with closing quotes or brackets) followed
 * by space and a capital letter, digit or opening quote, unless the dot ends
 * a known abbreviation (`TP.`) or a number (`2.113`). Lines always end one,
 * and no sentence is longer than MAX_SENTENCE.
 */
export function splitSentences(text: string, lines: readonly Span[], abbreviations: readonly string[]): Span[] {
  const out: Span[] = [];
  const end = /[.!?…]+["”’)\]]*(?=\s+["“‘(\p{Lu}\p{N}])/gu;
  const afterAbbreviation = (at: number, ls: number) =>
    abbreviations.some((a) => at - a.length >= ls && text.startsWith(a, at - a.length) && !(at - a.length - 1 >= ls && /[\p{L}]/u.test(text.charAt(at - a.length - 1))));
  const push = (span: Span) => {
    for (const piece of boundedSpans(text, trimSpan(text, span))) out.push(piece);
  };
  for (const [ls, le] of lines) {
    const line = text.slice(ls, le);
    let start = 0;
    for (const m of line.matchAll(end)) {
      const stop = m.index + m[0].length;
      if (afterAbbreviation(ls + stop, ls)) continue;
      push([ls + start, ls + stop]);
      start = stop;
    }
    if (start < line.length) push([ls + start, le]);
  }
  return out.filter(([s, e]) => e > s);
}

/** A span cut into pieces of at most MAX_SENTENCE, each ending at white space where there is some. */
function boundedSpans(text: string, [s, e]: Span): Span[] {
  const out: Span[] = [];
  while (e - s > MAX_SENTENCE) {
    let cut = s + MAX_SENTENCE;
    while (cut > s && !/\s/.test(text[cut]!)) cut--;
    // no white space: a hard cut, never between the halves of a surrogate pair
    if (cut === s) cut = s + MAX_SENTENCE - (/[\uDC00-\uDFFF]/.test(text[s + MAX_SENTENCE]!) ? 1 : 0);
    out.push(trimSpan(text, [s, cut]));
    s = cut;
    while (s < e && /\s/.test(text[s]!)) s++;
  }
  out.push([s, e]);
  return out;
}

function trimSpan(text: string, [s, e]: Span): Span {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}
