/**
 * CRF features for vntk's word-segmentation and part-of-speech models,
 * computed in one pass over a sentence.
 *
 * The strings are exactly those vntk 1.4.4 builds (lib/word_tokenizer,
 * lib/pos_tag, lib/features/word_features.js), so the models give exactly
 * vntk's output. vntk rebuilds the sentence's column arrays for every feature
 * of every token (quadratic in the sentence length); here each token, pair
 * and triple of tokens is looked at once. What vntk does, reproduced here:
 * - `T[a,b]` joins tokens a..b with single spaces; `BOS` when the first index
 *   falls before the sentence, `EOS` when either index falls after it;
 * - booleans are `True` / `False`; `istitle` is `w === titleCase(w)` (the
 *   `title-case` package), `is_in_dict` a case-insensitive dictionary look-up,
 *   `isdigit` is `/^\d+$/`;
 * - column 1 (`T[-1][1]`) is the label placeholder `X` of every token;
 * - segmentation only: a value is cut at its first `=` (vntk splits
 *   `key=value` on `=` to build an object), and a token or token pair found
 *   in the dictionary has its `T[i]`, `T[i].lower` and `T[i,i+1]` features
 *   replaced by `-`.
 * Which of these strings are passed on is the caller's choice (`Attributes`):
 * a tagger needs only those its model has weights for.
 */

/** The two look-ups the templates need, supplied with vntk's own data. */
export interface Lexicon {
  inDict(word: string): boolean;
  isTitle(word: string): boolean;
}

/**
 * Which attribute strings to build, feature by feature: for a feature's
 * prefix (`name=`), a function from a value to the attribute string
 * (`name=value`), or undefined to leave that attribute out.
 */
export type Attributes = (prefix: string) => (value: string) => string | undefined;

/** Every attribute string, exactly as vntk builds them. */
export const everyAttribute: Attributes = (prefix) => (value) => prefix + value;

/** One feature of a template: `T[from]` or `T[from,from+width-1]`. */
interface Feature {
  readonly prefix: string;
  readonly from: number;
  readonly width: number;
}

function feature(name: string, from: number, width = 1): Feature {
  return { prefix: `${name}=`, from, width };
}

/** A feature with its attribute for each token (or each pair or triple, by its first token). */
interface Column {
  readonly from: number;
  readonly width: number;
  readonly bos: string | undefined;
  readonly eos: string | undefined;
  readonly values: readonly (string | undefined)[];
}

/** Builds the columns of one sentence, each feature's attributes chosen by `attributes`. */
function columnsOf(attributes: Attributes) {
  const column = (f: Feature, pick: (value: string) => string | undefined, values: readonly (string | undefined)[]): Column => ({
    from: f.from,
    width: f.width,
    bos: pick('BOS'),
    eos: pick('EOS'),
    values,
  });
  return {
    text: (f: Feature, values: readonly string[]): Column => {
      const pick = attributes(f.prefix);
      return column(f, pick, values.map(pick));
    },
    flag: (f: Feature, values: readonly boolean[]): Column => {
      const pick = attributes(f.prefix);
      const [yes, no] = [pick('True'), pick('False')];
      return column(f, pick, values.map((v) => (v ? yes : no)));
    },
    label: (f: Feature, n: number): Column => {
      const pick = attributes(f.prefix);
      return column(f, pick, new Array<string | undefined>(n).fill(pick(f.width === 1 ? 'X' : 'X X')));
    },
  };
}

/** Each token's attribute strings, in template order. */
function rows(columns: readonly Column[], n: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const row: string[] = [];
    for (const { from, width, bos, eos, values } of columns) {
      const k = i + from;
      const attribute = k < 0 ? bos : k + width > n ? eos : values[k];
      if (attribute !== undefined) row.push(attribute);
    }
    out.push(row);
  }
  return out;
}

/** vntk reads `key=value` back by splitting on `=`: the value ends at its first `=`. */
function cut(value: string): string {
  const eq = value.indexOf('=');
  return eq < 0 ? value : value.slice(0, eq);
}

const ONE = [-2, -1, 0, 1, 2];
const PAIRS = [-2, -1, 0, 1];
const TRIPLES = [-2, -1, 0];

/** vntk's word-segmentation template (lib/word_tokenizer), in its order. */
const SEGMENTATION = {
  lower: ONE.map((d) => feature(`T[${d}].lower`, d)),
  isdigit: [-1, 0, 1].map((d) => feature(`T[${d}].isdigit`, d)),
  istitle: [-1, 0, 1].map((d) => feature(`T[${d}].istitle`, d)),
  pairTitle: feature('T[0,1].istitle', 0, 2),
  tripleTitle: feature('T[0,2].istitle', 0, 3),
  inDict: ONE.map((d) => feature(`T[${d}].is_in_dict`, d)),
  pairInDict: PAIRS.map((a) => feature(`T[${a},${a + 1}].is_in_dict`, a, 2)),
  tripleInDict: TRIPLES.map((a) => feature(`T[${a},${a + 2}].is_in_dict`, a, 3)),
  word: ONE.map((d) => feature(`T[${d}]`, d)),
  pair: PAIRS.map((a) => feature(`T[${a},${a + 1}]`, a, 2)),
  triple: TRIPLES.map((a) => feature(`T[${a},${a + 2}]`, a, 3)),
  label: [-2, -1].map((d) => feature(`T[${d}][1]`, d)),
};

/** The features of vntk's word-segmentation template for each token of a sentence. */
export function segmentationFeatures(tokens: readonly string[], lexicon: Lexicon, attributes: Attributes = everyAttribute): string[][] {
  const f = SEGMENTATION;
  const { text, flag, label } = columnsOf(attributes);
  const n = tokens.length;
  const inDict = tokens.map((t) => lexicon.inDict(t));
  const lower = tokens.map((t, k) => (inDict[k] ? '-' : cut(t.toLowerCase())));
  const word = tokens.map((t, k) => (inDict[k] ? '-' : cut(t)));
  const digit = tokens.map((t) => /^\d+$/.test(t));
  const title = tokens.map((t) => lexicon.isTitle(t));
  // pairs and triples of tokens, by their first token
  const pairs = tokens.slice(0, -1).map((t, k) => `${t} ${tokens[k + 1]}`);
  const pairInDict = pairs.map((t) => lexicon.inDict(t));
  const triples = pairs.slice(0, -1).map((t, k) => `${t} ${tokens[k + 2]}`);

  const pairTitle = flag(f.pairTitle, pairs.map((t) => lexicon.isTitle(t)));
  const tripleTitle = flag(f.tripleTitle, triples.map((t) => lexicon.isTitle(t)));
  const tripleInDict = triples.map((t) => lexicon.inDict(t));
  return rows(
    [
      ...f.lower.map((x) => text(x, lower)),
      ...f.isdigit.map((x) => flag(x, digit)),
      ...f.istitle.map((x) => flag(x, title)),
      pairTitle,
      tripleTitle,
      ...f.inDict.map((x) => flag(x, inDict)),
      ...f.pairInDict.map((x) => flag(x, pairInDict)),
      ...f.tripleInDict.map((x) => flag(x, tripleInDict)),
      ...f.word.map((x) => text(x, word)),
      ...f.pair.map((x) => text(x, pairs.map((t, k) => (pairInDict[k] ? '-' : cut(t))))),
      ...f.triple.map((x) => text(x, triples.map(cut))),
      ...f.label.map((x) => label(x, n)),
    ],
    n,
  );
}

/** vntk's part-of-speech template (lib/pos_tag), in its order. */
const POS = {
  lower: ONE.map((d) => feature(`T[${d}].lower`, d)),
  istitle: [0, -1, 1].map((d) => feature(`T[${d}].istitle`, d)),
  word: ONE.map((d) => feature(`T[${d}]`, d)),
  pair: PAIRS.map((a) => feature(`T[${a},${a + 1}]`, a, 2)),
  label: [feature('T[-3][1]', -3), feature('T[-2][1]', -2), feature('T[-1][1]', -1), feature('T[-3,-2][1]', -3, 2), feature('T[-2,-1][1]', -2, 2)],
};

/** The features of vntk's part-of-speech template for each word (syllables joined by spaces) of a sentence. */
export function posFeatures(words: readonly string[], lexicon: Pick<Lexicon, 'isTitle'>, attributes: Attributes = everyAttribute): string[][] {
  const f = POS;
  const { text, flag, label } = columnsOf(attributes);
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const title = words.map((w) => lexicon.isTitle(w));
  const pairs = words.slice(0, -1).map((w, k) => `${w} ${words[k + 1]}`);
  return rows(
    [
      ...f.lower.map((x) => text(x, lower)),
      ...f.istitle.map((x) => flag(x, title)),
      ...f.word.map((x) => text(x, words)),
      ...f.pair.map((x) => text(x, pairs)),
      ...f.label.map((x) => label(x, n)),
    ],
    n,
  );
}
