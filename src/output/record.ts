/**
 * From entities with spans into the normalised text to the published record:
 * spans map back to code-point offsets into the input, `text` is the input at
 * the first span.
 */
import type { FoundEntities, ReferenceDate } from '../extractors/types.js';
import type { NormalizedArticle } from '../normalize/index.js';
import { codePointIndexer } from '../normalize/offsets.js';
import { EXTRACTOR_VERSION, textHash } from './provenance.js';
import { type ArticleRecord, type EntityType, type Span, type Warning } from './schema.js';

export function buildRecord(args: {
  file: string;
  article: NormalizedArticle;
  found: FoundEntities;
  referenceDate: ReferenceDate;
  warnings: readonly Warning[];
  only?: readonly EntityType[] | undefined;
  /** Hash of the rules, as `loadRules` gives it. */
  rulesHash?: string | undefined;
}): ArticleRecord {
  const { article, found, file } = args;
  const toCodePoints = codePointIndexer(article.input);
  const mapSpan = (span: Span): Span => {
    const [s, e] = article.map.toInput(span);
    return [toCodePoints(s), toCodePoints(e)];
  };
  const inputText = (span: Span) => {
    const [s, e] = article.map.toInput(span);
    return article.input.slice(s, e);
  };
  const publish = <T extends { spans: Span[] }>(entities: readonly T[]) =>
    entities.map((entity) => {
      const spans = [...entity.spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const { spans: _ignored, ...fields } = entity;
      return { text: inputText(spans[0]!), span: mapSpan(spans[0]!), spans: spans.map(mapSpan), ...fields };
    });
  const wanted = (type: EntityType) => !args.only || args.only.includes(type);
  const pick = <K extends EntityType>(type: K) => (wanted(type) ? publish(found[type] as Array<FoundEntities[K][number]>) : []);

  const provinces = pick('provinces');
  // the subject province is the article's, reported whatever --only says (as the CSV's primary_province column)
  const primary = (wanted('provinces') ? provinces : publish(found.provinces)).find((p) => p.primary);
  const record = {
    file,
    title: article.title?.text ?? null,
    source: article.source,
    author: article.byline?.name ?? null,
    published: article.published,
    referenceDate: args.referenceDate.value,
    referenceDateSource: args.referenceDate.source,
    provinces,
    primaryProvince: primary ? { name: primary.name, code: primary.code, current: primary.current } : null,
    officials: pick('officials'),
    documents: pick('documents'),
    dates: pick('dates'),
    metrics: pick('metrics'),
    warnings: args.warnings.map((w) => (w.span ? { ...w, span: mapSpan(w.span) } : w)),
    sha256: textHash(article.input),
    extractorVersion: EXTRACTOR_VERSION,
    rulesHash: args.rulesHash ?? null,
  };
  return record as ArticleRecord;
}

/** The record of an input that could not be read or decoded. */
export function errorRecord(file: string, code: string, message: string): ArticleRecord {
  return {
    file,
    title: null,
    source: null,
    author: null,
    published: null,
    referenceDate: null,
    referenceDateSource: 'none',
    provinces: [],
    primaryProvince: null,
    officials: [],
    documents: [],
    dates: [],
    metrics: [],
    warnings: [],
    sha256: null,
    extractorVersion: EXTRACTOR_VERSION,
    rulesHash: null,
    error: { code, message },
  };
}
