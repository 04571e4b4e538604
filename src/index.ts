/**
 * Library entry point: `extract(text)` returns the same record the CLI
 * writes for an article with that text.
 */
import { extractArticle, type ArticleOptions } from './pipeline.js';
import { loadRules } from './extractors/registry.js';
import type { LoadedRules } from './rules/load.js';
import type { Rules } from './extractors/registry.js';
import type { ArticleRecord } from './model/record.js';

export type { ArticleRecord } from './model/record.js';
export { RecordSchema, recordJsonSchema, ENTITY_TYPES } from './extractors/registry.js';
export { loadRules } from './extractors/registry.js';
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

export function extract(text: string, options: ExtractOptions = {}): ArticleRecord {
  const key = JSON.stringify(options.rules ?? []);
  let loaded = cache.get(key);
  if (!loaded) cache.set(key, (loaded = loadRules(options.rules ?? [])));
  return extractArticle(options.file ?? '-', text, loaded.rules, {
    only: options.only,
    rulesHash: loaded.hash,
    ...(options.referenceDate ? { referenceDate: { value: options.referenceDate, source: 'option' as const } } : {}),
  });
}
