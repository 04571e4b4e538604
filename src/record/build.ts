/**
 * The record stage: from entities with spans into the normalised text to the
 * published record. Spans map back to code-point offsets into the input,
 * `text` is the input at the first span; each registered type gives its list
 * (empty when `only` leaves it out) and the article-level fields it adds.
 */
import type { EntityType, FoundEntities, Span } from '../model/entity.js';
import type { ArticleRecord, EntityFields, ReferenceDate, Warning } from '../model/record.js';
import { entityModules } from '../extractors/registry.js';
import type { NormalizedArticle } from '../normalize/index.js';
import { codePointIndexer } from '../normalize/offsets.js';
import { EXTRACTOR_VERSION, textHash } from './provenance.js';

export function buildRecord(args: {
  file: string;
  article: NormalizedArticle;
  /** What the run found; types it did not run are absent. */
  found: Partial<FoundEntities>;
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
  const publish = (entities: ReadonlyArray<{ spans: Span[] }>) =>
    entities.map((entity) => {
      const spans = [...entity.spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const { spans: _ignored, ...fields } = entity;
      // An entity implied by others (a province named only by its places) has no mention: no text, no span.
      const first = spans[0] && { text: inputText(spans[0]), span: mapSpan(spans[0]) };
      return { ...first, spans: spans.map(mapSpan), ...fields };
    });
  const wanted = (type: EntityType) => !args.only || args.only.includes(type);
  return {
    file,
    title: article.title?.text ?? null,
    source: article.source,
    author: article.byline?.name ?? null,
    published: article.published,
    referenceDate: args.referenceDate.value,
    referenceDateSource: args.referenceDate.source,
    ...entityFields((type) => publish(found[type] ?? []), wanted),
    warnings: args.warnings.map((w) => (w.span ? { ...w, span: mapSpan(w.span) } : w)),
    sha256: textHash(article.input),
    extractorVersion: EXTRACTOR_VERSION,
    rulesHash: args.rulesHash ?? null,
  };
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
    ...entityFields(() => [], () => true),
    warnings: [],
    sha256: null,
    extractorVersion: EXTRACTOR_VERSION,
    rulesHash: null,
    error: { code, message },
  };
}

/**
 * Each type's list, in registry order (empty for a type `wanted` leaves out),
 * each followed by the article-level fields its type derives from all it
 * found: the article's subject province is reported whatever `--only` says.
 */
function entityFields(listOf: (type: EntityType) => unknown[], wanted: (type: EntityType) => boolean): EntityFields {
  const fields: Record<string, unknown> = {};
  for (const module of entityModules) {
    const list = wanted(module.type) || module.recordFields ? listOf(module.type) : [];
    fields[module.type] = wanted(module.type) ? list : [];
    Object.assign(fields, module.recordFields?.of(list as never));
  }
  // Built from the registry's list; its type comes from the modules' declarations.
  return fields as EntityFields;
}
