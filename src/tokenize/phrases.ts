/**
 * The token-stream side of the lexical layer (its regular-expression side is
 * src/rules/phrases.ts): phrase lists matched syllable by syllable on a
 * document's token stream, for recognisers that walk the stream. The longest
 * form that matches at a position wins. Forms are split like the text (letter
 * runs and single punctuation marks), and a form written without a space
 * between two syllables (`TT&TT`) only matches text written so too.
 */
import { syllables, type TokenStream } from './stream.js';

/** How letters are compared: as written, whatever the case, or whatever the case but with a capital first. */
export type CaseMode = 'exact' | 'any' | 'capital';

interface Phrase<T> {
  parts: string[];
  folded: string[];
  /** Whether a space precedes part k (k > 0). */
  spaced: boolean[];
  value: T;
}

export interface PhraseMatch<T> {
  value: T;
  /** Index of the token after the phrase. */
  end: number;
}

export class PhraseSet<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();
  private longest = 0;

  constructor(entries: ReadonlyArray<{ forms: readonly string[]; value: T }>) {
    for (const { forms, value } of entries) {
      for (const form of forms) {
        const tokens = syllables(form);
        const phrase: Phrase<T> = {
          parts: tokens.map((t) => t.text),
          folded: tokens.map((t) => t.text.toLowerCase()),
          spaced: tokens.map((t, k) => k > 0 && t.start > tokens[k - 1]!.end),
          value,
        };
        const key = phrase.folded[0]!;
        this.longest = Math.max(this.longest, phrase.parts.length);
        this.byFirst.set(key, [...(this.byFirst.get(key) ?? []), phrase].sort((a, b) => b.parts.length - a.parts.length));
      }
    }
  }

  match(stream: TokenStream, i: number, mode: CaseMode = 'exact'): PhraseMatch<T> | null {
    if (mode === 'capital' && !stream.isCapitalised(i)) return null;
    const phrases = this.byFirst.get(stream.lower(i));
    if (!phrases) return null;
    for (const phrase of phrases) {
      let k = 0;
      while (k < phrase.parts.length && this.partMatches(stream, i + k, phrase, k, mode)) k++;
      if (k === phrase.parts.length) return { value: phrase.value, end: i + k };
    }
    return null;
  }

  /** The form that ends right before token i (on the same line as i), if one does. */
  matchEndingAt(stream: TokenStream, i: number, mode: CaseMode = 'exact'): PhraseMatch<T> | null {
    if (i > 0 && !stream.sameLine(i)) return null;
    for (let k = Math.max(0, i - this.longest); k < i; k++) {
      const m = this.match(stream, k, mode);
      if (m?.end === i) return m;
    }
    return null;
  }

  endsAt(stream: TokenStream, i: number, mode: CaseMode = 'exact'): boolean {
    return this.matchEndingAt(stream, i, mode) !== null;
  }

  private partMatches(stream: TokenStream, i: number, phrase: Phrase<T>, k: number, mode: CaseMode): boolean {
    if (i >= stream.length) return false;
    const same = mode === 'exact' ? stream.at(i) === phrase.parts[k] : stream.lower(i) === phrase.folded[k];
    if (!same || k === 0) return same;
    return phrase.spaced[k] ? stream.spaced(i) && stream.sameLine(i) : !stream.spaced(i);
  }
}
