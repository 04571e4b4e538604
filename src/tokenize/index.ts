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
  const segmented: (Word[] | undefined)[] = [];
  const tagged: (TaggedToken[] | undefined)[] = [];
  const wordsOf = (k: number) => (segmented[k] ??= segmentWords(text, lines[k]!));
  const taggedOf = (k: number) => (tagged[k] ??= tagWords(wordsOf(k)));
  const lineAt = (offset: number) => {
    const k = firstWhere(lines, ([, e]) => e > offset);
    return k < lines.length && lines[k]![0] <= offset ? k : -1;
  };
  const doc = {
    ...article,
    sentences: splitSentences(text, lines, abbreviations),
    syllables: syllables(text),
    words: () => lines.flatMap((_, k) => wordsOf(k)),
    wordAt: (offset: number) => {
      const k = lineAt(offset);
      if (k < 0) return undefined;
      const words = wordsOf(k);
      const word = words[firstWhere(words, (w) => w.end > offset)];
      return word && word.start <= offset ? word : undefined;
    },
    taggedAt: (offset: number) => {
      const k = lineAt(offset);
      if (k < 0) return undefined;
      const line = taggedOf(k);
      const index = firstWhere(line, (w) => w.start >= offset);
      return line[index]?.start === offset ? { word: line[index]!, line, index } : undefined;
    },
  };
  return { ...doc, stream: new TokenStream(text, doc.syllables, doc) };
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
