/**
 * Scoring records against gold files, as shared/spec/EXTRACTION.md ("Gold
 * files") and GOLD_FORMAT.md ("How a prediction matches a gold item") say.
 * Each registered type scores its own field of a gold file (its module's
 * `gold.score`, built on the primitives of ./match.ts); the article's own
 * fields (title, source, author, reference date) are scored here.
 */
import { entityModules, ENTITY_TYPES, type Rules } from '../extractors/registry.js';
import type { EntityType } from '../model/entity.js';
import type { ArticleRecord } from '../model/record.js';
import type { Gold } from './gold.js';
import { Figures, tokenF1Value, type Counts, type Ratio, type TokenF1, type TypeResult } from './match.js';

export interface ArticleScore {
  file: string;
  /** The types the gold file scores. */
  types: { [K in EntityType]?: TypeResult<unknown, unknown> };
  secondary: Record<string, Ratio | TokenF1>;
}

export function scoreArticle(record: ArticleRecord, gold: Gold, rules: Rules): ArticleScore {
  const figures = new Figures();
  const types: ArticleScore['types'] = {};
  for (const module of entityModules) {
    const field = gold[module.type];
    if (field !== undefined) types[module.type] = module.gold.score(field, record, figures, rules);
  }
  for (const field of ['title', 'source', 'author'] as const) {
    if (gold[field] !== undefined) figures.ratio(`article.${field} accuracy`, (gold[field] ?? null) === record[field]);
  }
  if (gold.referenceDate !== undefined) figures.ratio('article.referenceDate accuracy', (gold.referenceDate ?? null) === record.referenceDate);
  return { file: record.file, types, secondary: figures.values };
}

export interface Summary {
  articles: number;
  /** The types some gold file scores. */
  types: { [K in EntityType]?: Counts & { precision: number; recall: number; f1: number } };
  secondary: Record<string, { value: number } & (Ratio | TokenF1)>;
}

export function summarize(scores: readonly ArticleScore[]): Summary {
  const types: Summary['types'] = {};
  for (const type of ENTITY_TYPES) {
    const scored = scores.flatMap((s) => s.types[type]?.counts ?? []);
    if (scored.length === 0) continue;
    const c = scored.reduce<Counts>((sum, t) => ({ tp: sum.tp + t.tp, fp: sum.fp + t.fp, fn: sum.fn + t.fn }), { tp: 0, fp: 0, fn: 0 });
    const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
    const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
    types[type] = { ...c, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
  }
  const secondary: Summary['secondary'] = {};
  for (const s of scores) {
    for (const [key, v] of Object.entries(s.secondary)) {
      if ('hits' in v) {
        const acc = (secondary[key] ??= { hits: 0, total: 0, value: 0 }) as Ratio & { value: number };
        acc.hits += v.hits;
        acc.total += v.total;
        acc.value = acc.total ? acc.hits / acc.total : 1;
      } else {
        const acc = (secondary[key] ??= { overlap: 0, predicted: 0, gold: 0, value: 0 }) as TokenF1 & { value: number };
        acc.overlap += v.overlap;
        acc.predicted += v.predicted;
        acc.gold += v.gold;
        acc.value = tokenF1Value(acc);
      }
    }
  }
  return { articles: scores.length, types, secondary };
}
