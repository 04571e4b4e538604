/**
 * Regular expressions written in rule files. They are compiled once when the
 * rules load, always with the `u` flag, and a pattern that does not compile,
 * or does not match its own examples, stops the load with a message naming it.
 *
 * While a user's rule file is validated (`checkingBacktracking`), each
 * pattern is also checked for catastrophic backtracking with recheck's
 * analyser (automata theory, and its fuzzer for what automata cannot model,
 * such as look-behind), with a fixed random seed so the same pattern always
 * gets the same verdict. Exponential and cubic-or-worse patterns are refused.
 * The analysis takes up to seconds per pattern, so the shipped rule files are
 * checked by `npm run fuzz` rather than on every run. Patterns an extractor
 * composes at compile time from a user's template (documents layouts) are
 * compiled after validation and get only the syntax check.
 */
import { createRequire } from 'node:module';
import type { Diagnostics, checkSync as CheckSync } from 'recheck';
import { z } from 'zod';

/** recheck takes ~0.2 s to load, so it is loaded only when a user's rule file needs it. */
const loadRecheck = () => createRequire(import.meta.url)('recheck') as { checkSync: typeof CheckSync };

const RECHECK_PARAMS = { randomSeed: 20250701, timeout: 5_000 } as const;

/** Polynomial degree from which matching time counts as catastrophic (a quadratic pattern is tolerated). */
const MAX_DEGREE = 2;

let checking = false;

/** Verdicts by flags and source: rule files are loaded more than once in a process (tests, eval). */
const verdicts = new Map<string, string | null>();

export class PatternError extends Error {}

/** What is wrong with a pattern's worst-case matching time, or null when it is at most quadratic (or the analyser cannot tell). */
export function backtrackingRisk(source: string, flags: string): string | null {
  const key = `${flags}/${source}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = describeRisk(loadRecheck().checkSync(source, flags, RECHECK_PARAMS));
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** Runs `fn` (a user rule file's validation) with every pattern checked for catastrophic backtracking. */
export function checkingBacktracking<T>(fn: () => T): T {
  const outer = checking;
  checking = true;
  try {
    return fn();
  } finally {
    checking = outer;
  }
}

/**
 * A rule-file field holding a regular expression: it must compile in Unicode
 * mode, must not match empty text (and, in a user's file, not backtrack
 * catastrophically), so the loader reports a bad pattern with the file, line
 * and field like any other invalid value.
 */
export const patternSource = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    const problem = patternProblem(source, 'u') ?? emptyMatchProblem(source);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('A JavaScript regular expression (Unicode mode)');

export function compilePattern(source: string, flags: string, check: { id?: string; examples?: readonly string[] } = {}): RegExp {
  const label = check.id ? `pattern "${check.id}"` : `pattern /${source}/`;
  const unicodeFlags = flags.includes('u') ? flags : flags + 'u';
  const problem = patternProblem(source, unicodeFlags);
  if (problem) throw new PatternError(`${label} ${problem}`);
  const regex = new RegExp(source, unicodeFlags);
  for (const example of check.examples ?? []) {
    regex.lastIndex = 0;
    if (!regex.test(example)) throw new PatternError(`${label} does not match its example "${example}"`);
  }
  regex.lastIndex = 0;
  return regex;
}

/** Why a pattern cannot be used ("is not a valid …", "can backtrack …"), or null. */
function patternProblem(source: string, flags: string): string | null {
  try {
    new RegExp(source, flags);
  } catch (error) {
    return `is not a valid regular expression: ${(error as Error).message}`;
  }
  const risk = checking ? backtrackingRisk(source, flags) : null;
  return risk ? `can backtrack catastrophically (${risk}); rewrite it so no repeated part can match the same text in two ways` : null;
}

/**
 * Texts a pattern is tried on for a match of nothing: empty text, a space, a
 * line break, a letter, a digit and a short sentence, so anchors (`^`, `$`),
 * look-arounds and patterns whose every part is optional are caught.
 */
const EMPTY_MATCH_PROBES = ['', ' ', '\n', 'a', '1', 'Ngày 27/12/2024, tỉnh Thanh Hóa tăng 5%.'];

/**
 * Why a pattern is refused for matching empty text, or null. Every rule
 * pattern marks or removes some text; one that can match nothing matches
 * everywhere (`^` as a tail marker blanks every article).
 */
function emptyMatchProblem(source: string): string | null {
  const regex = new RegExp(source, 'gmu');
  const probe = EMPTY_MATCH_PROBES.find((text) => [...text.matchAll(regex)].some((m) => m[0] === ''));
  return probe === undefined ? null : `can match empty text (it does in ${JSON.stringify(probe)}), so it would match everywhere; make at least one character required`;
}

function describeRisk(result: Diagnostics): string | null {
  if (result.status === 'safe') return null;
  if (result.status === 'vulnerable') {
    if (result.complexity.type === 'polynomial' && result.complexity.degree <= MAX_DEGREE) return null;
    const attack = result.attack?.pattern ? `, e.g. on ${result.attack.pattern}` : '';
    return `${result.complexity.summary} matching time${attack}`;
  }
  // Unknown: the analyser timed out or does not model a feature. The pattern
  // is refused only when the analyser could not read it at all.
  return result.error.kind === 'invalid' ? `recheck cannot parse it: ${result.error.message}` : null;
}

/** Word edges that hold on Vietnamese text (`đ`, combining marks), where ASCII `\b` does not. */
export const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';

/** `text` as a literal inside a regular expression (Unicode mode). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Global copies of patterns, for searching from an offset. */
const fromOffset = new WeakMap<RegExp, RegExp>();

/**
 * The first match of `regex` that starts in the last `window` code units of
 * `text`; look-behinds still see the text before them. For a pattern
 * anchored at the end (`…\s*$`), searched before each of many numbers on a
 * long line: the engine tries every start position, so searching the whole
 * text each time costs the square of its length, while what such a pattern
 * looks for (a cue word or two before a number) is short.
 */
export function execAtEnd(regex: RegExp, text: string, window: number): RegExpExecArray | null {
  let global = fromOffset.get(regex);
  if (!global) fromOffset.set(regex, (global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : regex.flags + 'g')));
  global.lastIndex = Math.max(0, text.length - window);
  return global.exec(text);
}
