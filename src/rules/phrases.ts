/**
 * The one phrase-list compiler: a list of words or phrases from a rule file
 * as one regular-expression alternative, with its policies stated.
 *
 * - `space`: what a space inside a phrase matches. `blanks`: a run of blanks
 *   on one line; `whitespace`: any run of white space; `{ upTo: n }`: one to
 *   n white-space characters (bounded, so that a long run cannot make a search
 *   slow); `exact`: one space, as written.
 * - `case`: `as-written` matches the forms as the rule file writes them
 *   (a caller may still compile with the `i` flag); `capitalised` also
 *   matches each form with a capital first and in capitals.
 * - `edges`: `word` makes the phrase a whole word (Unicode-aware look-arounds,
 *   never ASCII `\b`); `none` leaves the edges to the caller's pattern.
 *
 * Forms are NFC in one tone-placement style, like the text; longer forms come
 * first, so that `tăng trưởng` wins over `tăng`. An empty list matches nothing.
 * Recognisers that walk the token stream match phrase lists syllable by
 * syllable instead (src/tokenize/phrases.ts).
 */
import { toTextForm } from '../normalize/forms.js';
import { escapeRegExp, WORD_END, WORD_START } from './pattern.js';

export type SpacePolicy = 'exact' | 'blanks' | 'whitespace' | { readonly upTo: number };

export interface PhrasePolicy {
  readonly space: SpacePolicy;
  readonly case?: 'as-written' | 'capitalised';
  readonly edges?: 'word' | 'none';
}

/** Blanks inside a phrase: one or more, never a line break. */
export const BLANKS_IN_PHRASE = '[^\\S\\n]+';

function spaceSource(policy: SpacePolicy): string {
  if (policy === 'exact') return ' ';
  if (policy === 'blanks') return BLANKS_IN_PHRASE;
  if (policy === 'whitespace') return '\\s+';
  return `\\s{1,${policy.upTo}}`;
}

/** The surface forms a policy matches, longest first. */
function surfaces(forms: Iterable<string>, policy: PhrasePolicy): string[] {
  const out = new Set<string>();
  for (const form of forms) {
    const nfc = toTextForm(form);
    out.add(nfc);
    if (policy.case === 'capitalised') {
      out.add(nfc.charAt(0).toUpperCase() + nfc.slice(1));
      out.add(nfc.toUpperCase());
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** The forms as one non-capturing alternative (`(?!)` when there are none). */
export function phraseSource(forms: Iterable<string>, policy: PhrasePolicy): string {
  const space = spaceSource(policy.space);
  const alternatives = surfaces(forms, policy).map((s) => escapeRegExp(s).replace(/ +/g, space));
  if (alternatives.length === 0) return '(?!)';
  const group = `(?:${alternatives.join('|')})`;
  return policy.edges === 'word' ? `${WORD_START}${group}${WORD_END}` : group;
}

/** A phrase list with the entry each matched form stands for. */
export interface Phrases<T> {
  readonly source: string;
  /** The value of the entry a matched text is a form of, compared as the policy matches it. */
  get(matched: string): T | undefined;
}

export function phraseList<T>(entries: Iterable<readonly [string, T]>, policy: PhrasePolicy): Phrases<T> {
  const key = (text: string) => {
    const spaced = toTextForm(text).replace(/\s+/gu, ' ').trim();
    return policy.case === 'capitalised' ? spaced.toLowerCase() : spaced;
  };
  const table = new Map<string, T>();
  const forms: string[] = [];
  for (const [form, value] of entries) {
    if (!table.has(key(form))) table.set(key(form), value);
    forms.push(form);
  }
  return { source: phraseSource(forms, policy), get: (matched) => table.get(key(matched)) };
}
