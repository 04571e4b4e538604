/**
 * Word segmentation with vntk's CRF model. vntk returns words as strings
 * (syllables joined by spaces); they are aligned back onto the text here to
 * carry offsets. The model loads on first use.
 */
import { createRequire } from 'node:module';
import type { Span } from '../output/schema.js';
import type { Token } from './index.js';

interface VntkWordTokenizer {
  tag(text: string): string[];
}

let tokenizer: VntkWordTokenizer | undefined;

function vntkWordTokenizer(): VntkWordTokenizer {
  if (!tokenizer) {
    const require = createRequire(import.meta.url);
    const vntk = require('vntk') as { wordTokenizer(): VntkWordTokenizer };
    tokenizer = vntk.wordTokenizer();
  }
  return tokenizer;
}

/** Segments `text[span]` into words with offsets into `text`. */
export function segmentWords(text: string, [start, end]: Span): Token[] {
  const part = text.slice(start, end);
  if (!part.trim()) return [];
  return alignWords(text, start, end, vntkWordTokenizer().tag(part));
}

/** Places each word (its syllables separated by single spaces) in `text[start, end)`. */
export function alignWords(text: string, start: number, end: number, words: readonly string[]): Token[] {
  const out: Token[] = [];
  let cursor = start;
  for (const word of words) {
    const syllables = word.split(' ');
    const first = text.indexOf(syllables[0]!, cursor);
    if (first < 0 || first >= end) continue;
    let stop = first + syllables[0]!.length;
    for (const syllable of syllables.slice(1)) {
      const next = text.indexOf(syllable, stop);
      if (next < 0 || next >= end) break;
      stop = next + syllable.length;
    }
    out.push({ start: first, end: stop, text: text.slice(first, stop) });
    cursor = stop;
  }
  return out;
}
