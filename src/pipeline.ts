/**
 * The pipeline, in order:
 *   input text → normalise → tokenize → extractors → resolve → record.
 * Reading inputs and writing records are the CLI's stages (src/input,
 * src/output); everything here is pure.
 */
import type { EntityOf, EntityType, Found, FoundEntities } from './model/entity.js';
import type { ArticleRecord, Warning } from './model/record.js';
import { planRun } from './extractors/registry.js';
import type { ExtractContext, PipelineOptions } from './extractors/types.js';
import { normalizeArticle } from './normalize/index.js';
import { buildRecord } from './record/build.js';
import { REFERENCE_DATE_NEEDS, resolveReferenceDate } from './resolve/reference-date.js';
import type { Rules } from './extractors/registry.js';
import { tokenize } from './tokenize/index.js';

export interface ArticleOptions extends PipelineOptions {
  /** Entity types to report; the others are empty lists and are not extracted unless a reported type needs them. */
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

/** What a run has found so far, by type; a module reads only the types it declared, which the run order has filled. */
type Findings = { [K in EntityType]?: Found<EntityOf<EntityType>>[] };

function pick(found: Findings, types: readonly EntityType[]): Findings {
  return Object.fromEntries(types.map((t) => [t, found[t]]));
}

export function extractArticle(file: string, input: string, rules: Rules, options: ArticleOptions = {}): ArticleRecord {
  // normalise and tokenize
  const article = normalizeArticle(input, rules.text);
  const doc = tokenize(article, rules.text.sentenceAbbreviations);
  checkDeadline(options.deadline);

  // extract: each module sees what the types it declared found
  const plan = planRun(options.only, REFERENCE_DATE_NEEDS);
  const warnings: Warning[] = [];
  const context = (found: Findings): ExtractContext<EntityType, EntityType> => ({ doc, rules, found: found as FoundEntities, options, warn: (w) => warnings.push(w) });
  const extracted: Findings = {};
  for (const module of plan.extract) {
    extracted[module.type] = module.extract(context(pick(extracted, module.needs)));
    checkDeadline(options.deadline);
  }

  // resolve: once the reference date is known, each type after those its resolution needs
  const referenceDate = resolveReferenceDate(doc, options, extracted as FoundEntities);
  const resolved: Findings = {};
  for (const module of plan.resolve) {
    const { needs = [], reads = [] } = module.resolve!;
    const view = { ...pick(extracted, [...module.needs, ...reads]), ...pick(resolved, needs) };
    resolved[module.type] = module.resolve!.run(extracted[module.type] ?? [], { ...context(view), referenceDate });
    checkDeadline(options.deadline);
  }

  // record
  return buildRecord({ file, article, found: { ...extracted, ...resolved } as Partial<FoundEntities>, referenceDate, warnings, only: options.only, rulesHash: options.rulesHash });
}
