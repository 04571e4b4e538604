/**
 * Tokenization: sentences, syllables and words, all with offsets into the
 * normalised text. Word segmentation runs vntk's CRF model and is computed
 * only when an extractor asks for it.
 */
import type { NormalizedArticle } from '../normalize/index.js';
import type { Span } from '../output/schema.js';
import { segmentWords, tagWords, type TaggedToken, type Word } from './segmenter.js';

export type { TaggedToken, Word } from './segmenter.js';

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Doc extends NormalizedArticle {
  /** Sentences: line-bounded, split after sentence punctuation. */
  readonly sentences: readonly Span[];
  /** Letter/number runs and single punctuation marks. */
  readonly syllables: readonly Token[];
  /** vntk word segmentation of every line (lazy, computed once). */
  words(): readonly Word[];
  /** The words inside a span. */
  wordsIn(span: Span): readonly Word[];
  /** vntk part-of-speech tags of every word (lazy, computed once, on the words above). */
  posTags(): readonly TaggedToken[];
}

export function tokenize(article: NormalizedArticle, abbreviations: readonly string[]): Doc {
  const { text } = article;
  let lineWords: Word[][] | undefined;
  let words: Word[] | undefined;
  let tagged: TaggedToken[] | undefined;
  const byLine = () => (lineWords ??= article.lines.map((line) => segmentWords(text, line)));
  const allWords = () => (words ??= byLine().flat());
  return {
    ...article,
    sentences: splitSentences(text, article.lines, abbreviations),
    syllables: syllables(text),
    words: allWords,
    wordsIn: (span) => wordsIn(allWords(), span),
    posTags: () => (tagged ??= byLine().flatMap(tagWords)),
  };
}

/** The words inside `[s, e)`: words are in text order and do not overlap, so they are one slice. */
function wordsIn(words: readonly Word[], [s, e]: Span): readonly Word[] {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.start < s) lo = mid + 1;
    else hi = mid;
  }
  let stop = lo;
  while (stop < words.length && words[stop]!.end <= e) stop++;
  return words.slice(lo, stop);
}

const SYLLABLE = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export function syllables(text: string, span: Span = [0, text.length]): Token[] {
  const out: Token[] = [];
  const part = text.slice(span[0], span[1]);
  for (const m of part.matchAll(SYLLABLE)) out.push({ start: span[0] + m.index, end: span[0] + m.index + m[0].length, text: m[0] });
  return out;
}

/**
 * Sentence ends: `.`, `!`, `?`, `…` (with closing quotes or brackets) followed
 * by space and a capital letter, digit or opening quote, unless the dot ends
 * a known abbreviation (`TP.`) or a number (`2.113`). Lines always end one.
 */
export function splitSentences(text: string, lines: readonly Span[], abbreviations: readonly string[]): Span[] {
  const out: Span[] = [];
  const end = /[.!?…]+["”’)\]]*(?=\s+["“‘(\p{Lu}\p{N}])/gu;
  for (const [ls, le] of lines) {
    const line = text.slice(ls, le);
    let start = 0;
    for (const m of line.matchAll(end)) {
      const stop = m.index + m[0].length;
      const before = line.slice(0, stop);
      if (abbreviations.some((a) => before.endsWith(a) && !/[\p{L}]/u.test(before.charAt(before.length - a.length - 1)))) continue;
      out.push(trimSpan(text, [ls + start, ls + stop]));
      start = stop;
    }
    if (start < line.length) out.push(trimSpan(text, [ls + start, le]));
  }
  return out.filter(([s, e]) => e > s);
}

function trimSpan(text: string, [s, e]: Span): Span {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}
