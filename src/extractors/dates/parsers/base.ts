/**
 * What every date parser shares: chrono's Parser contract with Unicode-aware
 * word bounds, and the pieces of numeric patterns.
 *
 * chrono runs a parser's pattern on the rest of the text after each match,
 * so a look-behind in the pattern cannot see what precedes the new start;
 * the left bound is therefore checked here against the whole text. Every
 * result carries the id of its parser.
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { TAG } from '../expression.js';
import { WORD_END, WORD_START } from '../../../rules/pattern.js';
import { BLANKS_IN_PHRASE as SPACE, type Phrases } from '../../../rules/phrases.js';
import type { DateRules } from '../rules.js';

export { SPACE, WORD_END };
/** Optional blanks inside an expression, never a line break. */
export const BLANKS = '[^\\S\\n]*';
/**
 * A number ends here: no letter or digit follows, nor a separator that goes on
 * into one (`81/2014/QĐ-TTg`, `14-9-2018-...`, `4.0.1`).
 */
export const NUMBER_END = '(?![\\p{L}\\p{M}\\p{N}]|[/.\\-–][\\p{L}\\p{M}\\p{N}])';
export const YEAR = '\\d{4}';

const WORD_BEFORE = /[\p{L}\p{M}\p{N}]$/u;
/** Before a number: a letter or digit, or a separator glued to one (`QĐ-`, `06/`, `2.`). */
const SYMBOL_BEFORE = /(?:[\p{L}\p{M}\p{N}]|[\p{L}\p{M}\p{N}][/.\-–])$/u;

export type Groups = Record<string, string | undefined>;

/** A count of months or years in digits or in words (`4`, `ba`), as group `count`. */
export function countSource(rules: DateRules): string {
  return `(?<count>\\d{1,2}|${rules.countWords.source})`;
}

/** The value of a `countSource` match. */
export function countValue(rules: DateRules, written: string): number | undefined {
  return /^\d+$/u.test(written) ? Number(written) : rules.countWords.get(written);
}

export abstract class DateParser implements Parser {
  abstract readonly id: string;
  private compiled: RegExp | undefined;

  constructor(protected readonly rules: DateRules) {}

  /** The pattern, without the left bound (checked against the whole text). */
  protected abstract source(): string;
  protected abstract build(context: ParsingContext, groups: Groups, index: number, text: string): ParsingResult | null;

  pattern(): RegExp {
    return (this.compiled ??= new RegExp(this.source(), 'u'));
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    const before = context.text.slice(Math.max(0, index - 2), index);
    // a match that starts with a number must not continue a symbol either
    if ((/^\d/.test(match[0]) ? SYMBOL_BEFORE : WORD_BEFORE).test(before)) return null;
    const result = this.build(context, match.groups ?? {}, index, match[0]);
    return result ? result.addTag(TAG.rule + this.id) : null;
  }

  /** Whether the text before `index` ends with one of `words` and blanks. */
  protected preceded(context: ParsingContext, index: number, words: Phrases<unknown>): boolean {
    return !!endsWith(context.text.slice(Math.max(0, index - 40), index), words);
  }

  /** Whether a number and blanks come right before `index` (`10 năm qua` seen from `năm`). */
  protected afterNumber(context: ParsingContext, index: number): boolean {
    return /\d[^\S\n]+$/u.test(context.text.slice(Math.max(0, index - 4), index));
  }

  /** Whether the text from `index` begins with blanks and one of `words`. */
  protected followed(context: ParsingContext, index: number, words: Phrases<unknown>): boolean {
    return anchored(words).leading.test(context.text.slice(index, index + 40));
  }
}

/** Whether `text` ends with one of `words` (a whole word) and blanks; the match. */
export function endsWith(text: string, words: Phrases<unknown>): RegExpExecArray | null {
  return anchored(words).ending.exec(text);
}

/**
 * Each word list's patterns anchored at a text's end and start, compiled once
 * per list (a map keyed by the pattern's source hashed that long string on
 * every call: most of the dates stage's time on a page of dates).
 */
const anchoredForms = new WeakMap<Phrases<unknown>, { ending: RegExp; leading: RegExp }>();
function anchored(words: Phrases<unknown>): { ending: RegExp; leading: RegExp } {
  let forms = anchoredForms.get(words);
  if (!forms) {
    forms = { ending: new RegExp(`${WORD_START}${words.source}${SPACE}$`, 'u'), leading: new RegExp(`^${SPACE}${words.source}${WORD_END}`, 'u') };
    anchoredForms.set(words, forms);
  }
  return forms;
}
