/**
 * The record `extract` writes for each article: the article's own fields
 * here, one list per entity type beside them. The record's zod schema is
 * assembled from the registered types (src/extractors/registry.ts).
 */
import { z } from 'zod';
import { SpanSchema, type EntityOf, type EntityType, type FieldsOf } from './entity.js';

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  span: SpanSchema.optional(),
});

export const ErrorSchema = z.object({
  code: z.string().describe('Stable error code, e.g. ENOENT, E_DECODE'),
  message: z.string(),
});

export const REFERENCE_SOURCES = ['header', 'option', 'input', 'article', 'none'] as const;
export type ReferenceSource = (typeof REFERENCE_SOURCES)[number];

export interface ReferenceDate {
  /** ISO 8601 day or month (`2024-12-10`, `2024-12`), or null when nothing gives one. */
  value: string | null;
  source: ReferenceSource;
}

/** The record's fields before and after the entity lists, in output order. */
export const articleFields = {
  file: z.string(),
  title: z.string().nullable(),
  source: z.string().nullable().describe('Outlet named by a leading source tag such as (Baothanhhoa.vn) -'),
  author: z.string().nullable().describe('Byline'),
  published: z.string().nullable().describe('Publication month or date from the header, ISO 8601'),
  referenceDate: z.string().nullable().describe('The date that fills in missing years, ISO 8601'),
  referenceDateSource: z.enum(REFERENCE_SOURCES).describe('Where referenceDate came from'),
};

export const provenanceFields = {
  warnings: z.array(WarningSchema),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().describe('sha256 of the input text as decoded (UTF-8), the text spans point into; null when it could not be read'),
  extractorVersion: z.string().describe('Version of the extractor that made the record'),
  rulesHash: z.string().regex(/^[0-9a-f]{64}$/).nullable().describe('sha256 of the merged rule files the record was made with; null on error records'),
  error: ErrorSchema.optional().describe('Present when the input could not be read or decoded; the entity arrays are then empty'),
};

type Fields<S extends z.ZodRawShape> = z.infer<z.ZodObject<S>>;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export type Warning = z.infer<typeof WarningSchema>;
/** Each type's list of entities, and the article-level fields types add. */
export type EntityFields = { [K in EntityType]: EntityOf<K>[] } & Intersection<{ [K in EntityType]: FieldsOf<K> }[EntityType]>;
export type ArticleRecord = Fields<typeof articleFields> & EntityFields & Fields<typeof provenanceFields>;
