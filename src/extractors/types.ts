/**
 * The contract between the pipeline and an extractor.
 *
 * An extractor recognises one entity type in a tokenized article. Entities
 * are built with spans into the normalised text (`spans`); the output stage
 * maps them back to the input and adds `text` and `span`. An extractor may
 * read what extractors listed before it found (`found`), e.g. to leave alone
 * numbers that are dates or document symbols, and may have a `resolve` step
 * that runs once the reference date is known.
 */
import type { ArticleRecord, DateEntity, Document, EntityType, Metric, Official, Place, Province, ReferenceSource, Span, Warning } from '../output/schema.js';
import type { Rules } from '../rules/registry.js';
import type { Doc } from '../tokenize/index.js';

/** An entity as an extractor builds it: spans into the normalised text, no `text`/`span` yet. */
export type Found<T> = Omit<T, 'text' | 'span'> & { spans: Span[] };

export interface FoundEntities {
  provinces: Found<Province>[];
  places: Found<Place>[];
  officials: Found<Official>[];
  documents: Found<Document>[];
  dates: Found<DateEntity>[];
  metrics: Found<Metric>[];
}

export interface PipelineOptions {
  /** `--ref-date` or the date field of a JSON Lines input, ISO `YYYY-MM[-DD]`. */
  referenceDate?: { value: string; source: Extract<ReferenceSource, 'option' | 'input'> };
}

export interface ExtractContext {
  readonly doc: Doc;
  readonly rules: Rules;
  /** Entities of the types extracted before this one. */
  readonly found: Partial<FoundEntities>;
  readonly options: PipelineOptions;
  warn(warning: Warning): void;
}

export interface ReferenceDate {
  /** ISO 8601 day or month (`2024-12-10`, `2024-12`), or null when nothing gives one. */
  value: string | null;
  source: ReferenceSource;
}

export interface ResolveContext extends ExtractContext {
  readonly found: FoundEntities;
  readonly referenceDate: ReferenceDate;
}

export interface Extractor<K extends EntityType> {
  readonly type: K;
  extract(ctx: ExtractContext): FoundEntities[K];
  resolve?(entities: FoundEntities[K], ctx: ResolveContext): FoundEntities[K];
}

/** Record fields other than the entity lists that extractors may settle. */
export type ArticleFields = Pick<ArticleRecord, 'title' | 'source' | 'author' | 'published'>;
