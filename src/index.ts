/**
 * Library entry point: `extract(text)` returns the same record the CLI
 * writes for an article with that text.
 */
import { extractArticle, type ArticleOptions } from './pipeline.js';
import { loadRules, type Rules } from './extractors/registry.js';
import type { ArticleRecord } from './model/record.js';
import { errorRecord } from './record/build.js';
import { isReferenceDate } from './resolve/reference-date.js';
import type { LoadedRules } from './rules/load.js';

export type { ArticleRecord } from './model/record.js';
export { RecordSchema, recordJsonSchema, ENTITY_TYPES, loadRules } from './extractors/registry.js';
export { RuleFileError } from './rules/parse.js';

export interface ExtractOptions extends Omit<ArticleOptions, 'referenceDate'> {
  /** Name recorded as the record's `file`. */
  file?: string;
  /** ISO `YYYY-MM` or `YYYY-MM-DD`, used when the article has no date header. */
  referenceDate?: string;
  /** Extra rule directories, as `--rules`. */
  rules?: readonly string[];
}

const cache = new Map<string, LoadedRules<Rules>>();

/** Options the library cannot use, refused as the command line refuses them. */
export class ExtractOptionsError extends Error {}

/**
 * The record of an article. Text with nothing but white space gives an error
 * record `E_EMPTY`, as the command line does; text that is not a string, or a
 * `referenceDate` that is not a real `YYYY-MM` or `YYYY-MM-DD`, throws an
 * ExtractOptionsError (the command line's usage errors).
 */
export function extract(text: string, options: ExtractOptions = {}): ArticleRecord {
  if (typeof text !== 'string') throw new ExtractOptionsError('extract(text): text must be a string');
  if (options.referenceDate !== undefined && !isReferenceDate(options.referenceDate)) {
    throw new ExtractOptionsError(`referenceDate ${JSON.stringify(options.referenceDate)}: expected a date YYYY-MM or YYYY-MM-DD`);
  }
  if (text.trim() === '') return errorRecord(options.file ?? '-', 'E_EMPTY', 'no article text (empty or only white space)');
  const key = JSON.stringify(options.rules ?? []);
  let loaded = cache.get(key);
  if (!loaded) cache.set(key, (loaded = loadRules(options.rules ?? [])));
  return extractArticle(options.file ?? '-', text, loaded.rules, {
    only: options.only,
    rulesHash: loaded.hash,
    ...(options.referenceDate ? { referenceDate: { value: options.referenceDate, source: 'option' as const } } : {}),
  });
}
