/**
 * Regular expressions written in rule files. They are compiled once when the
 * rules load, always with the `u` flag, and a pattern that does not compile,
 * or does not match its own examples, stops the load with a message naming it.
 */
import { z } from 'zod';

export const patternSource = z.string().min(1).describe('A JavaScript regular expression (Unicode mode)');

export class PatternError extends Error {}

export function compilePattern(source: string, flags: string, check: { id?: string; examples?: readonly string[] } = {}): RegExp {
  const label = check.id ? `pattern "${check.id}"` : `pattern /${source}/`;
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags.includes('u') ? flags : flags + 'u');
  } catch (error) {
    throw new PatternError(`${label} is not a valid regular expression: ${(error as Error).message}`);
  }
  for (const example of check.examples ?? []) {
    regex.lastIndex = 0;
    if (!regex.test(example)) throw new PatternError(`${label} does not match its example "${example}"`);
  }
  regex.lastIndex = 0;
  return regex;
}
