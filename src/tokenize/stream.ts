/**
 * The article as a stream of syllables (letter runs and single punctuation
 * marks) with what the recognisers ask of them: case, the space before a
 * syllable, line breaks, and whether vntk put a syllable in the same word as
 * the one before it, and the part of speech of the word a syllable begins.
 */
import type { Span } from '../model/entity.js';
import { NAME_SYLLABLE } from '../rules/names.js';
import type { TaggedToken, Token, Word } from './segmenter.js';

/** A tagged word and the tagged words of its line, in order (`line[index] === word`). */
export interface TaggedWord {
  readonly word: TaggedToken;
  readonly line: readonly TaggedToken[];
  readonly index: number;
}

/** The word segmentation and part-of-speech tags a stream consults. */
export interface WordLookup {
  /** The word that holds the character at `offset`, if a word does. */
  wordAt(offset: number): Word | undefined;
  /** The word that begins at `offset`, with its vntk part-of-speech tag and its place among its line's words. */
  taggedAt(offset: number): TaggedWord | undefined;
}

/** For text that is not an article (a title from a rule file): no words, no tags. */
export const NO_WORDS: WordLookup = { wordAt: () => undefined, taggedAt: () => undefined };

const CAPITALISED = /^\p{Lu}/u;
const LOWER_WORD = /^[\p{Ll}][\p{L}\p{M}]*$/u;

/** The stream of a text that is not an article (a title or a name from a rule file). */
export function plainStream(text: string): TokenStream {
  return new TokenStream(text, syllables(text), NO_WORDS);
}

export class TokenStream {
  private lowered: readonly string[] | undefined;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    private readonly words: WordLookup,
  ) {}

  get length(): number {
    return this.tokens.length;
  }

  at(i: number): string {
    return this.tokens[i]?.text ?? '';
  }

  /** Token i in lower case (each token lowered once, on first use). */
  lower(i: number): string {
    return (this.lowered ??= this.tokens.map((t) => t.text.toLowerCase()))[i] ?? '';
  }

  start(i: number): number {
    return this.tokens[i]?.start ?? this.text.length;
  }

  end(i: number): number {
    return this.tokens[i]?.end ?? this.text.length;
  }

  /** The text of tokens [from, to). */
  slice(from: number, to: number): string {
    return this.text.slice(this.start(from), this.end(to - 1));
  }

  span(from: number, to: number): Span {
    return [this.start(from), this.end(to - 1)];
  }

  /** Whether anything (white space) stands between token i-1 and token i. */
  spaced(i: number): boolean {
    return i > 0 && this.start(i) > this.end(i - 1);
  }

  /** Whether token i follows token i-1 on the same line (or starts the text). */
  sameLine(i: number): boolean {
    if (i <= 0 || i >= this.length) return i < this.length;
    for (let c = this.end(i - 1), stop = this.start(i); c < stop; c++) if (this.text.charCodeAt(c) === 10) return false;
    return true;
  }

  /** A syllable of a personal name: a capital then small letters (`Quyết`, `Y`). */
  isNameSyllable(i: number): boolean {
    return NAME_SYLLABLE.test(this.at(i));
  }

  isCapitalised(i: number): boolean {
    return CAPITALISED.test(this.at(i));
  }

  isLowerWord(i: number): boolean {
    return LOWER_WORD.test(this.at(i));
  }

  /** Whether vntk's segmentation puts token i in the same word as token i-1. */
  continuesWord(i: number): boolean {
    if (i >= this.length) return false;
    const word = this.words.wordAt(this.start(i));
    return word !== undefined && word.start < this.start(i) && this.end(i) <= word.end;
  }

  /** vntk's part-of-speech tag of the word that begins at token i, if one does. */
  tagAt(i: number): string | undefined {
    return i < this.length ? this.words.taggedAt(this.start(i))?.word.tag : undefined;
  }

  /** The index of the first token that starts at or after `offset`. */
  indexAt(offset: number): number {
    return firstWhere(this.tokens, (t) => t.start >= offset);
  }

  /** The end of the run of name syllables from i on one line, at most `max` long. */
  nameRunEnd(i: number, max = Infinity): number {
    let j = i;
    while (j < this.length && j - i < max && this.isNameSyllable(j) && (j === i || (this.sameLine(j) && this.spaced(j)))) j++;
    return j;
  }
}

/** The index of the first item that passes `test`, where every item that fails it comes first; `items.length` if none passes. */
export function firstWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(items[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const SYLLABLE = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export function syllables(text: string, span: Span = [0, text.length]): Token[] {
  const out: Token[] = [];
  const part = text.slice(span[0], span[1]);
  for (const m of part.matchAll(SYLLABLE)) out.push({ start: span[0] + m.index, end: span[0] + m.index + m[0].length, text: m[0] });
  return out;
}
