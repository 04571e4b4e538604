/**
 * Word segmentation and part-of-speech tagging with vntk's CRF models, giving
 * exactly what `vntk.wordTokenizer().tag(line)` and `vntk.posTag().tag(line)`
 * give, in time linear in the line's length (features.ts), with offsets.
 *
 * vntk's pre-tokenizer splits a line into syllables and punctuation (its
 * pattern never matches whitespace, so the whitespace run vntk collapses
 * first changes no token); the tagger labels each token as beginning a word
 * or continuing the one before (`IW`). Only the attributes a model knows
 * are passed to it, unless the text holds characters crfsuite could read
 * differently from JavaScript (NUL ends a C string, a lone surrogate becomes
 * U+FFFD); then all are, as vntk passes them.
 */
import type { Span } from '../model/entity.js';
import { everyAttribute, posFeatures, segmentationFeatures, type Attributes } from './features.js';
import { posTaggerModel, segmenterModel } from './models.js';

/** A run of text with its offsets into the normalised text. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Word extends Token {
  /** The word as vntk writes it: its tokens joined by single spaces. */
  readonly form: string;
}

export interface TaggedToken extends Token {
  /** vntk part-of-speech tag (VLSP tag set: N, Np, Nc, Nu, V, A, M, CH, ...). */
  readonly tag: string;
}

/** Segments `text[span]` (one line: vntk's unit) into words with offsets into `text`. */
export function segmentWords(text: string, [start, end]: Span): Word[] {
  const { pretokens, lexicon, tagger, attributes } = segmenterModel();
  const line = text.slice(start, end);
  const tokens = [...line.matchAll(pretokens)];
  if (tokens.length === 0) return [];
  const labels = tagger.tag(segmentationFeatures(tokens.map((m) => m[0]), lexicon, safely(attributes, line)));
  const words: Word[] = [];
  let first = 0;
  let form = '';
  // vntk appends an `IW` token to the word before it; `IW` tokens that open a line have none and vntk drops them.
  for (let k = 0; k <= tokens.length; k++) {
    if (k < tokens.length && labels[k] === 'IW') {
      if (form) form += ` ${tokens[k]![0]}`;
      continue;
    }
    if (form) {
      const s = start + tokens[first]!.index;
      const e = start + tokens[k - 1]!.index + tokens[k - 1]![0].length;
      words.push({ start: s, end: e, text: text.slice(s, e), form });
    }
    first = k;
    form = tokens[k]?.[0] ?? '';
  }
  return words;
}

/** POS-tags the words of one line, as vntk's `posTag().tag(line)` does. */
export function tagWords(words: readonly Word[]): TaggedToken[] {
  if (words.length === 0) return [];
  const { lexicon } = segmenterModel();
  const { tagger, attributes } = posTaggerModel();
  const forms = words.map((w) => w.form);
  const tags = tagger.tag(posFeatures(forms, lexicon, safely(attributes, forms.join(' '))));
  return words.map(({ start, end, text }, k) => ({ start, end, text, tag: tags[k]! }));
}

/** NUL or any UTF-16 surrogate (paired ones too, to keep the test cheap). */
const UNSAFE = /[\0\uD800-\uDFFF]/;

function safely(attributes: Attributes, text: string): Attributes {
  return UNSAFE.test(text) ? everyAttribute : attributes;
}
