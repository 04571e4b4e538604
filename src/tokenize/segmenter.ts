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

interface VntkPosTagger {
  tag(text: string): Array<[string, string]>;
}

interface Vntk {
  wordTokenizer(): VntkWordTokenizer;
  posTag(): VntkPosTagger;
}

let vntk: Vntk | undefined;

/** vntk, loaded on first use: `--help`, `--version` and `schema` never load its models. */
function loadVntk(): Vntk {
  return (vntk ??= createRequire(import.meta.url)('vntk') as Vntk);
}

function vntkWordTokenizer(): VntkWordTokenizer {
  return loadVntk().wordTokenizer();
}

/** Segments `text[span]` into words with offsets into `text`. */
export function segmentWords(text: string, [start, end]: Span): Token[] {
  const part = text.slice(start, end);
  if (!part.trim()) return [];
  return alignWords(text, start, end, vntkWordTokenizer().tag(part));
}

export interface TaggedToken extends Token {
  /** vntk part-of-speech tag (VLSP tag set: N, Np, Nc, Nu, V, A, M, CH, ...). */
  readonly tag: string;
}

/** Segments and POS-tags `text[span]` with vntk's CRF tagger. */
export function tagWords(text: string, [start, end]: Span): TaggedToken[] {
  const part = text.slice(start, end);
  if (!part.trim()) return [];
  const tagged = loadVntk().posTag().tag(part);
  const tokens = alignWords(text, start, end, tagged.map(([word]) => word));
  // alignWords skips words it cannot place; match the tags back by order of the words placed.
  const out: TaggedToken[] = [];
  let i = 0;
  for (const token of tokens) {
    while (i < tagged.length && tagged[i]![0].split(' ')[0] !== token.text.split(/\s+/)[0]) i++;
    out.push({ ...token, tag: tagged[i]?.[1] ?? 'X' });
    i++;
  }
  return out;
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
