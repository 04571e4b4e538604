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
 * a tagger needs only those its model has weights for. Features that apply
 * one function at several offsets (`T[-2].lower` … `T[2].lower`) form a
 * family, looked up once per value.
 */

/**
 * The look-ups the templates need, supplied with vntk's own data. vntk's
 * `is_in_dict(w)` is a look-up of `w.toLowerCase()`; tokens hold no spaces,
 * so a pair's lower case is its tokens' lower cases joined by a space.
 */
export interface Lexicon {
  /** Whether a lower-cased word (syllables joined by spaces) is in the dictionary. */
  hasLower(lower: string): boolean;
  /** Whether some dictionary word begins with `lower` and a space. */
  beginsLower(lower: string): boolean;
  /** `word === titleCase(word)`, with vntk's `title-case`. */
  isTitle(word: string): boolean;
}

/**
 * Which attribute strings to build: for a family of features (their names,
 * such as `T[-1].lower`, `T[0].lower`), a function from a value to each
 * feature's attribute string (`name=value`), or undefined to leave it out.
 */
export type Attributes = (names: readonly string[]) => (value: string) => readonly (string | undefined)[];

/** Every attribute string, exactly as vntk builds them. */
export const everyAttribute: Attributes = (names) => (value) => names.map((name) => `${name}=${value}`);

/** Features applying one function at several offsets: `T[from]`, or `T[from,from+width-1]`. */
interface Family {
  readonly names: readonly string[];
  readonly from: readonly number[];
  readonly width: number;
}

/** `T[d]` + `suffix` for each offset d, or `T[a,a+width-1]` + `suffix` for wider ones. */
function family(offsets: readonly number[], suffix: string, width = 1): Family {
  const name = (a: number) => (width === 1 ? `T[${a}]` : `T[${a},${a + width - 1}]`) + suffix;
  return { names: offsets.map(name), from: offsets, width };
}

/** A family with its attributes for each token (or each pair or triple, by its first token). */
interface Column {
  readonly family: Family;
  readonly bos: readonly (string | undefined)[];
  readonly eos: readonly (string | undefined)[];
  readonly values: readonly (readonly (string | undefined)[])[];
}

/** Builds the columns of one sentence, with the attributes `attributes` chooses. */
function columnsOf(attributes: Attributes) {
  const column = (f: Family, pick: (value: string) => readonly (string | undefined)[], values: Column['values']): Column => ({
    family: f,
    bos: pick('BOS'),
    eos: pick('EOS'),
    values,
  });
  return {
    text: (f: Family, values: readonly string[]): Column => {
      const pick = attributes(f.names);
      return column(f, pick, values.map(pick));
    },
    flag: (f: Family, values: readonly boolean[]): Column => {
      const pick = attributes(f.names);
      const [yes, no] = [pick('True'), pick('False')];
      return column(f, pick, values.map((v) => (v ? yes : no)));
    },
    label: (f: Family, n: number): Column => {
      const pick = attributes(f.names);
      return column(f, pick, new Array<readonly (string | undefined)[]>(n).fill(pick(f.width === 1 ? 'X' : 'X X')));
    },
  };
}

/** Each token's attribute strings, in template order. */
function rows(columns: readonly Column[], n: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const row: string[] = [];
    for (const { family, bos, eos, values } of columns) {
      for (let s = 0; s < family.from.length; s++) {
        const k = i + family.from[s]!;
        const attribute = k < 0 ? bos[s] : k + family.width > n ? eos[s] : values[k]![s];
        if (attribute !== undefined) row.push(attribute);
      }
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
  lower: family(ONE, '.lower'),
  isdigit: family([-1, 0, 1], '.isdigit'),
  istitle: family([-1, 0, 1], '.istitle'),
  pairTitle: family([0], '.istitle', 2),
  tripleTitle: family([0], '.istitle', 3),
  inDict: family(ONE, '.is_in_dict'),
  pairInDict: family(PAIRS, '.is_in_dict', 2),
  tripleInDict: family(TRIPLES, '.is_in_dict', 3),
  word: family(ONE, ''),
  pair: family(PAIRS, '', 2),
  triple: family(TRIPLES, '', 3),
  label: family([-2, -1], '[1]'),
};

/** The features of vntk's word-segmentation template for each token of a sentence. */
export function segmentationFeatures(tokens: readonly string[], lexicon: Lexicon, attributes: Attributes = everyAttribute): string[][] {
  const f = SEGMENTATION;
  const { text, flag, label } = columnsOf(attributes);
  const n = tokens.length;
  const lower = tokens.map((t) => t.toLowerCase());
  const inDict = lower.map((l) => lexicon.hasLower(l));
  // pairs and triples of tokens, by their first token; lower-cased pairs only where a dictionary word could begin so
  const pairs = tokens.slice(0, -1).map((t, k) => `${t} ${tokens[k + 1]}`);
  const triples = pairs.slice(0, -1).map((t, k) => `${t} ${tokens[k + 2]}`);
  const pairLower = lower.slice(0, -1).map((l, k) => (lexicon.beginsLower(l) ? `${l} ${lower[k + 1]}` : undefined));
  const pairInDict = pairLower.map((l) => l !== undefined && lexicon.hasLower(l));
  const tripleInDict = triples.map((_, k) => {
    const l = pairLower[k];
    return l !== undefined && lexicon.beginsLower(l) && lexicon.hasLower(`${l} ${lower[k + 2]}`);
  });
  return rows(
    [
      text(f.lower, lower.map((l, k) => (inDict[k] ? '-' : cut(l)))),
      flag(f.isdigit, tokens.map((t) => /^\d+$/.test(t))),
      flag(f.istitle, tokens.map((t) => lexicon.isTitle(t))),
      flag(f.pairTitle, pairs.map((t) => lexicon.isTitle(t))),
      flag(f.tripleTitle, triples.map((t) => lexicon.isTitle(t))),
      flag(f.inDict, inDict),
      flag(f.pairInDict, pairInDict),
      flag(f.tripleInDict, tripleInDict),
      text(f.word, tokens.map((t, k) => (inDict[k] ? '-' : cut(t)))),
      text(f.pair, pairs.map((t, k) => (pairInDict[k] ? '-' : cut(t)))),
      text(f.triple, triples.map(cut)),
      label(f.label, n),
    ],
    n,
  );
}

/** vntk's part-of-speech template (lib/pos_tag), in its order. */
const POS = {
  lower: family(ONE, '.lower'),
  istitle: family([0, -1, 1], '.istitle'),
  word: family(ONE, ''),
  pair: family(PAIRS, '', 2),
  label: family([-3, -2, -1], '[1]'),
  labelPair: family([-3, -2], '[1]', 2),
};

/** The features of vntk's part-of-speech template for each word (syllables joined by spaces) of a sentence. */
export function posFeatures(words: readonly string[], lexicon: Pick<Lexicon, 'isTitle'>, attributes: Attributes = everyAttribute): string[][] {
  const f = POS;
  const { text, flag, label } = columnsOf(attributes);
  const n = words.length;
  return rows(
    [
      text(f.lower, words.map((w) => w.toLowerCase())),
      flag(f.istitle, words.map((w) => lexicon.isTitle(w))),
      text(f.word, words),
      text(f.pair, words.slice(0, -1).map((w, k) => `${w} ${words[k + 1]}`)),
      label(f.label, n),
      label(f.labelPair, n),
    ],
    n,
  );
}
