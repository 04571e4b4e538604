/**
 * The pipeline, in order:
 *   input text → normalise → tokenize → extractors → resolve → record.
 * Reading inputs and writing records are the CLI's stages (src/input,
 * src/output); everything here is pure.
 */
import { extractors, resolveOrder } from './extractors/index.js';
import type { ExtractContext, FoundEntities, PipelineOptions, ResolveContext } from './extractors/types.js';
import { normalizeArticle } from './normalize/index.js';
import { buildRecord } from './output/record.js';
import type { ArticleRecord, EntityType, Warning } from './output/schema.js';
import { resolveReferenceDate } from './resolve/reference-date.js';
import type { Rules } from './rules/registry.js';
import { tokenize } from './tokenize/index.js';

export interface ArticleOptions extends PipelineOptions {
  /** Entity types to report; the others are empty lists (they may still run, for the ones that need them). */
  only?: readonly EntityType[] | undefined;
  /** Hash of the rules (`loadRules().hash`), recorded in each record as `rulesHash`. */
  rulesHash?: string | undefined;
  /** `Date.now()` past which the article is given up between stages with an ArticleTimeout (`--timeout`). */
  deadline?: number | undefined;
}

/** An article still running past its deadline. */
export class ArticleTimeout extends Error {}

function checkDeadline(deadline: number | undefined): void {
  if (deadline !== undefined && Date.now() > deadline) throw new ArticleTimeout('extraction took longer than --timeout');
}

export function extractArticle(file: string, input: string, rules: Rules, options: ArticleOptions = {}): ArticleRecord {
  // normalise and tokenize
  const article = normalizeArticle(input, rules.text);
  const doc = tokenize(article, rules.text.sentenceAbbreviations);
  checkDeadline(options.deadline);

  // extract
  const warnings: Warning[] = [];
  const found: Partial<FoundEntities> = {};
  const ctx: ExtractContext = { doc, rules, found, options, warn: (w) => warnings.push(w) };
  for (const extractor of extractors) {
    (found as Record<EntityType, unknown>)[extractor.type] = extractor.extract(ctx);
    checkDeadline(options.deadline);
  }
  const all: FoundEntities = { provinces: [], officials: [], documents: [], dates: [], metrics: [], ...found };

  // resolve
  const referenceDate = resolveReferenceDate(ctx, all);
  const resolveCtx: ResolveContext = { ...ctx, found: all, referenceDate };
  for (const type of resolveOrder) {
    const extractor = extractors.find((e) => e.type === type);
    if (extractor?.resolve) (all as Record<EntityType, unknown>)[type] = extractor.resolve(all[type] as never, resolveCtx);
  }

  // record
  return buildRecord({ file, article, found: all, referenceDate, warnings, only: options.only, rulesHash: options.rulesHash });
}
