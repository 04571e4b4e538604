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
 */

/** The two look-ups the templates need, supplied with vntk's own data. */
export interface Lexicon {
  inDict(word: string): boolean;
  isTitle(word: string): boolean;
}

const bool = (b: boolean) => (b ? 'True' : 'False');

/** vntk reads `key=value` back by splitting on `=`: the value ends at its first `=`. */
function cut(value: string): string {
  const eq = value.indexOf('=');
  return eq < 0 ? value : value.slice(0, eq);
}

/**
 * The value of a feature over tokens `i+a .. i+b` (`b` = `a` for one token),
 * or `BOS` / `EOS` where vntk gives them.
 */
function at(values: readonly string[], n: number, i: number, a: number, b = a): string {
  if (i + a < 0) return 'BOS';
  if (i + a >= n || i + b >= n) return 'EOS';
  return values[i + a]!;
}

/** The features of vntk's word-segmentation template for each token of a sentence. */
export function segmentationFeatures(tokens: readonly string[], lexicon: Lexicon): string[][] {
  const n = tokens.length;
  const inDict = tokens.map((t) => lexicon.inDict(t));
  const one = {
    lower: tokens.map((t, k) => (inDict[k] ? '-' : cut(t.toLowerCase()))),
    word: tokens.map((t, k) => (inDict[k] ? '-' : cut(t))),
    digit: tokens.map((t) => bool(/^\d+$/.test(t))),
    title: tokens.map((t) => bool(lexicon.isTitle(t))),
    dict: inDict.map(bool),
  };
  // pairs and triples of tokens, indexed by their first token
  const pairText = tokens.slice(0, -1).map((t, k) => `${t} ${tokens[k + 1]}`);
  const pairInDict = pairText.map((t) => lexicon.inDict(t));
  const two = {
    word: pairText.map((t, k) => (pairInDict[k] ? '-' : cut(t))),
    title: pairText.map((t) => bool(lexicon.isTitle(t))),
    dict: pairInDict.map(bool),
  };
  const tripleText = pairText.slice(0, -1).map((t, k) => `${t} ${tokens[k + 2]}`);
  const three = {
    word: tripleText.map(cut),
    title: tripleText.map((t) => bool(lexicon.isTitle(t))),
    dict: tripleText.map((t) => bool(lexicon.inDict(t))),
  };
  const x = tokens.map(() => 'X');

  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const u = (values: readonly string[], d: number) => at(values, n, i, d);
    const p = (values: readonly string[], a: number) => at(values, n, i, a, a + 1);
    const t = (values: readonly string[], a: number) => at(values, n, i, a, a + 2);
    out.push([
      `T[-2].lower=${u(one.lower, -2)}`,
      `T[-1].lower=${u(one.lower, -1)}`,
      `T[0].lower=${u(one.lower, 0)}`,
      `T[1].lower=${u(one.lower, 1)}`,
      `T[2].lower=${u(one.lower, 2)}`,
      `T[-1].isdigit=${u(one.digit, -1)}`,
      `T[0].isdigit=${u(one.digit, 0)}`,
      `T[1].isdigit=${u(one.digit, 1)}`,
      `T[-1].istitle=${u(one.title, -1)}`,
      `T[0].istitle=${u(one.title, 0)}`,
      `T[1].istitle=${u(one.title, 1)}`,
      `T[0,1].istitle=${p(two.title, 0)}`,
      `T[0,2].istitle=${t(three.title, 0)}`,
      `T[-2].is_in_dict=${u(one.dict, -2)}`,
      `T[-1].is_in_dict=${u(one.dict, -1)}`,
      `T[0].is_in_dict=${u(one.dict, 0)}`,
      `T[1].is_in_dict=${u(one.dict, 1)}`,
      `T[2].is_in_dict=${u(one.dict, 2)}`,
      `T[-2,-1].is_in_dict=${p(two.dict, -2)}`,
      `T[-1,0].is_in_dict=${p(two.dict, -1)}`,
      `T[0,1].is_in_dict=${p(two.dict, 0)}`,
      `T[1,2].is_in_dict=${p(two.dict, 1)}`,
      `T[-2,0].is_in_dict=${t(three.dict, -2)}`,
      `T[-1,1].is_in_dict=${t(three.dict, -1)}`,
      `T[0,2].is_in_dict=${t(three.dict, 0)}`,
      `T[-2]=${u(one.word, -2)}`,
      `T[-1]=${u(one.word, -1)}`,
      `T[0]=${u(one.word, 0)}`,
      `T[1]=${u(one.word, 1)}`,
      `T[2]=${u(one.word, 2)}`,
      `T[-2,-1]=${p(two.word, -2)}`,
      `T[-1,0]=${p(two.word, -1)}`,
      `T[0,1]=${p(two.word, 0)}`,
      `T[1,2]=${p(two.word, 1)}`,
      `T[-2,0]=${t(three.word, -2)}`,
      `T[-1,1]=${t(three.word, -1)}`,
      `T[0,2]=${t(three.word, 0)}`,
      `T[-2][1]=${u(x, -2)}`,
      `T[-1][1]=${u(x, -1)}`,
    ]);
  }
  return out;
}

/** The features of vntk's part-of-speech template for each word (syllables joined by spaces) of a sentence. */
export function posFeatures(words: readonly string[], lexicon: Pick<Lexicon, 'isTitle'>): string[][] {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const title = words.map((w) => bool(lexicon.isTitle(w)));
  const pair = words.slice(0, -1).map((w, k) => `${w} ${words[k + 1]}`);
  const x = words.map(() => 'X');
  const xx = pair.map(() => 'X X');

  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const u = (values: readonly string[], d: number) => at(values, n, i, d);
    const p = (values: readonly string[], a: number) => at(values, n, i, a, a + 1);
    out.push([
      `T[-2].lower=${u(lower, -2)}`,
      `T[-1].lower=${u(lower, -1)}`,
      `T[0].lower=${u(lower, 0)}`,
      `T[1].lower=${u(lower, 1)}`,
      `T[2].lower=${u(lower, 2)}`,
      `T[0].istitle=${u(title, 0)}`,
      `T[-1].istitle=${u(title, -1)}`,
      `T[1].istitle=${u(title, 1)}`,
      `T[-2]=${u(words, -2)}`,
      `T[-1]=${u(words, -1)}`,
      `T[0]=${u(words, 0)}`,
      `T[1]=${u(words, 1)}`,
      `T[2]=${u(words, 2)}`,
      `T[-2,-1]=${p(pair, -2)}`,
      `T[-1,0]=${p(pair, -1)}`,
      `T[0,1]=${p(pair, 0)}`,
      `T[1,2]=${p(pair, 1)}`,
      `T[-3][1]=${u(x, -3)}`,
      `T[-2][1]=${u(x, -2)}`,
      `T[-1][1]=${u(x, -1)}`,
      `T[-3,-2][1]=${p(xx, -3)}`,
      `T[-2,-1][1]=${p(xx, -2)}`,
    ]);
  }
  return out;
}
