/**
 * The reference date that fills in missing years: the article's `date`
 * header, else the date given by the caller (`--ref-date`, or a JSON Lines
 * date field), else the latest fully specified date (day, month and year)
 * anywhere in the article, issue dates of cited documents included, else none.
 */
import type { FoundOf } from '../model/entity.js';
import type { ReferenceDate } from '../model/record.js';
import type { PipelineOptions } from '../extractors/types.js';
import type { NormalizedArticle } from '../normalize/index.js';

/** The types whose findings the reference date is inferred from: every run extracts them. */
export const REFERENCE_DATE_NEEDS = ['dates', 'documents'] as const;

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a reference date as `--ref-date` and the library take it: a real month `YYYY-MM` or day `YYYY-MM-DD`. */
export function isReferenceDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = m[3] ? Number(m[3]) : 1;
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

export function resolveReferenceDate(article: NormalizedArticle, options: PipelineOptions, found: FoundOf<(typeof REFERENCE_DATE_NEEDS)[number]>): ReferenceDate {
  if (article.published) return { value: article.published, source: 'header' };
  if (options.referenceDate) return { ...options.referenceDate };
  const inferred = latestFullDate(found);
  if (inferred) return { value: inferred, source: 'article' };
  return { value: null, source: 'none' };
}

/** The latest day-precise date among the article's dates (range ends included) and document issue dates. */
function latestFullDate(found: FoundOf<(typeof REFERENCE_DATE_NEEDS)[number]>): string | null {
  const candidates = [
    ...found.dates.flatMap((d) => [d.value, d.start, d.end]),
    ...found.documents.map((d) => d.date),
  ].filter((v): v is string => typeof v === 'string' && FULL_DATE.test(v));
  return candidates.reduce<string | null>((latest, v) => (latest === null || v > latest ? v : latest), null);
}
