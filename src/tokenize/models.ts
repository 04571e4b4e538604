/**
 * vntk's models and the data their features need, loaded once per process
 * (or worker thread) on first use, so that commands which never tokenize
 * (`--help`, `--version`, `schema`) load none of them.
 *
 * Everything comes from the installed vntk and the packages it depends on:
 * the CRF model files, the crfsuite tagger that reads them, the
 * pre-tokenizer's pattern, `title-case` and the @vntk/dictionary word list.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { modelAttributes } from './crf-attributes.js';
import type { Attributes, Lexicon } from './features.js';

/** crfsuite's tagger: one label per item, each item a list of attribute strings. */
export interface CrfTagger {
  tag(items: readonly (readonly string[])[]): string[];
}

/** A crfsuite tagger on one of vntk's models, and the attributes that model knows. */
export interface Model {
  readonly tagger: CrfTagger;
  readonly attributes: Attributes;
}

interface Crfsuite {
  Tagger: new () => CrfTagger & { open(file: string): boolean };
}

const ownRequire = createRequire(import.meta.url);
/** Resolves vntk's own dependencies from vntk, wherever npm placed them. */
const vntkRequire = () => createRequire(ownRequire.resolve('vntk'));

/** vntk's model files. */
export const MODEL_FILES = {
  segmentation: () => ownRequire.resolve('vntk/lib/word_tokenizer/model.bin'),
  pos: () => ownRequire.resolve('vntk/lib/pos_tag/model.bin'),
};

/** The crfsuite tagger vntk uses, on a model file, as vntk calls it. */
export function openCrfsuite(model: string): CrfTagger {
  const { Tagger } = vntkRequire()('crfsuite') as Crfsuite;
  const tagger = new Tagger();
  if (!tagger.open(model)) throw new Error(`cannot open the CRF model ${model}`);
  return tagger;
}

function openModel(model: string): Model {
  return { tagger: openCrfsuite(model), attributes: modelAttributes(readFileSync(model)) };
}

export interface SegmenterModel extends Model {
  /** vntk's pre-tokenizer (lib/tokenizer) pattern, global. */
  readonly pretokens: RegExp;
  readonly lexicon: Lexicon;
}

let segmenter: SegmenterModel | undefined;
let posTagger: Model | undefined;

export function segmenterModel(): SegmenterModel {
  return (segmenter ??= loadSegmenter());
}

export function posTaggerModel(): Model {
  return (posTagger ??= openModel(MODEL_FILES.pos()));
}

function loadSegmenter(): SegmenterModel {
  const fromVntk = vntkRequire();
  const { _pattern } = fromVntk('./lib/tokenizer') as { _pattern: string };
  const titleCase = fromVntk('title-case') as (s: string) => string;
  // title-case runs several large regular expressions; its answers for the few strings that reach it (names, punctuation) are kept, boundedly
  const seen = new Map<string, boolean>();
  const titled = (w: string) => {
    let answer = seen.get(w);
    if (answer === undefined) {
      if (seen.size >= 50_000) seen.clear();
      seen.set(w, (answer = w === titleCase(w)));
    }
    return answer;
  };
  // @vntk/dictionary's `has(w)` is `w !== '' && lower_words.indexOf(w.toLowerCase()) > -1`; a Set answers the same.
  const words = new Set(readFileSync(fromVntk.resolve('@vntk/dictionary/data/Viet74K.txt'), 'utf8').toLowerCase().split('\n'));
  const beginnings = new Set<string>();
  for (const word of words) for (let i = word.indexOf(' '); i >= 0; i = word.indexOf(' ', i + 1)) beginnings.add(word.slice(0, i));
  return {
    // vntk's URL alternative `(?:[a-zA-Z]|[0-9]|[$-_@.&+]|…)+$` backtracks exponentially (the range $-_ holds the
    // digits and capitals again): a line opening with 30 digits then a space never ends. One class accepts the same lines.
    pretokens: new RegExp(_pattern.replace('(?:[a-zA-Z]|[0-9]|[$-_@.&+]|[!*\\(\\),]|(?:%[0-9a-fA-F][0-9a-fA-F]))+', '[a-zA-Z0-9$-_@.&+!*\\(\\),]+'), 'g'),
    lexicon: {
      hasLower: (l) => l !== '' && words.has(l),
      beginsLower: (l) => beginnings.has(l),
      isTitle: (w) => mayBeTitle(w) && titled(w),
    },
    ...openModel(MODEL_FILES.segmentation()),
  };
}

/**
 * False when `w === titleCase(w)` cannot hold, found without running
 * title-case's large regular expressions: title-case upper-cases the first
 * character and each one after a space, and lower-cases the rest, and every
 * character JavaScript's case mappings produce is a fixed point of the same
 * mapping. So a lower-case letter where an upper-case one would be, or an
 * upper-case letter elsewhere, rules it out (most Vietnamese syllables).
 */
function mayBeTitle(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    const start = i === 0 || w[i - 1] === ' ';
    if (c !== (start ? c.toUpperCase() : c.toLowerCase())) return false;
  }
  return true;
}
