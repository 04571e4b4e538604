/**
 * The record `extract` writes for each article, as a zod schema.
 *
 * This is the single source of truth for the output shape: every record is
 * validated against it before it is written, and `extract schema` prints the
 * JSON Schema generated from it.
 *
 * Spans are half-open `[start, end)` Unicode code-point offsets into the input
 * as decoded, before any normalisation; `text` is exactly the input at `span`.
 */
import { z } from 'zod';

export const SpanSchema = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .describe('Half-open [start, end) code-point offsets into the input as decoded');

/** Fields every entity carries: its first mention and the spans of all of them. */
const mention = {
  text: z.string().describe('The first mention exactly as in the input'),
  span: SpanSchema.describe('Span of the first mention'),
  spans: z.array(SpanSchema).min(1).describe('Spans of every mention, in text order'),
  rule: z.string().describe('Id of the rule that recognised the first mention'),
};

const UnitRef = z.object({
  name: z.string(),
  code: z.string().regex(/^\d{2}$/),
});

export const ProvinceSchema = z.object({
  ...mention,
  text: mention.text.optional().describe('The first mention exactly as in the input; absent when the province is implied'),
  span: mention.span.optional().describe('Span of the first mention; absent when the province is implied'),
  spans: z.array(SpanSchema).describe('Spans of every mention, in text order; empty when the province is implied'),
  name: z.string().describe('Canonical name of the unit as in force at the time of the article'),
  code: z.string().regex(/^\d{2}$/).describe('Two-digit statistics-office code'),
  era: z.enum(['before-2025-07-01', 'since-2025-07-01']).describe('Which list of units the name was resolved against'),
  current: UnitRef.describe('The unit that holds this territory since 1 July 2025'),
  mentions: z.number().int().nonnegative(),
  primary: z.boolean().describe('Whether this is the article’s subject province'),
  implied: z.boolean().optional().describe('Named by no mention of its own but by the places of an article that names no province (mentions 0)'),
});

export const PlaceSchema = z.object({
  ...mention,
  name: z.string().describe('Canonical name with its unit word (Huyện Cao Lãnh)'),
  level: z.enum(['district', 'commune']),
  code: z.string().regex(/^\d{3}(?:\d{2})?$/).nullable().describe('Statistics-office code; null when the name is not settled to one unit'),
  era: z.enum(['before-2025-07-01', 'since-2025-07-01']).describe('Which list of units the name was matched in'),
  province: UnitRef.nullable().describe('The province that held it at the time; null when nothing settles it'),
  candidates: z.array(UnitRef).optional().describe('When province is null: the provinces of the units of that name'),
  successors: z
    .array(z.object({ name: z.string(), code: z.string(), share: z.enum(['whole', 'part']), resolution: z.string().nullable() }))
    .optional()
    .describe('An old commune’s (or island district’s) successors since 1 July 2025, with the resolution that merged them'),
  currentProvince: UnitRef.nullable().optional().describe('For a unit before 1 July 2025: the province that holds it since'),
});

export const OfficialSchema = z.object({
  ...mention,
  name: z.string().describe('Full name, title-cased, NFC'),
  honorific: z.enum(['ông', 'bà', 'đồng chí']).nullable(),
  titles: z.array(z.string()).describe('Each office held, in order, as written with its organisation'),
  organization: z.string().nullable().describe('Organisation of the first title'),
});

export const DocumentSchema = z.object({
  ...mention,
  id: z.string().describe('Canonical symbol (06-NQ/TU, 749/QĐ-TTg), or "TYPE NUMBER" when no symbol is known'),
  type: z.string().describe('Document type in full (Nghị quyết, Quyết định, ...)'),
  number: z.string().nullable(),
  year: z.number().int().nullable(),
  issuer: z.string().nullable(),
  date: z.string().nullable().describe('Issue date, ISO 8601'),
  subject: z.string().nullable(),
  written: z.array(z.string()).min(1).describe('Every surface form of the symbol seen'),
});

export const DateSchema = z.object({
  ...mention,
  value: z.string().describe('ISO 8601 at the expression’s own granularity; ranges START/END; XXXX for an unknown year'),
  grain: z.enum(['day', 'month', 'quarter', 'half', 'year', 'range']),
  start: z.string().optional(),
  end: z.string().optional(),
  mod: z.enum(['start', 'mid', 'end']).optional(),
});

export const MetricSchema = z.object({
  ...mention,
  value: z.number(),
  unit: z.string(),
  indicator: z.string().nullable(),
  kind: z.enum(['level', 'change', 'rank', 'share', 'target']),
  qualifier: z.enum(['more_than', 'less_than', 'nearly', 'about', 'estimated', 'at_least', 'at_most']).nullable(),
  of: z.number().optional(),
  max: z.number().optional(),
  compared_to: z.string().optional(),
  direction: z.enum(['up', 'down']).optional(),
});

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  span: SpanSchema.optional(),
});

export const ErrorSchema = z.object({
  code: z.string().describe('Stable error code, e.g. ENOENT, E_DECODE'),
  message: z.string(),
});

export const ENTITY_TYPES = ['provinces', 'places', 'officials', 'documents', 'dates', 'metrics'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const REFERENCE_SOURCES = ['header', 'option', 'input', 'article', 'none'] as const;

export const RecordSchema = z
  .object({
    file: z.string(),
    title: z.string().nullable(),
    source: z.string().nullable().describe('Outlet named by a leading source tag such as (Baothanhhoa.vn) -'),
    author: z.string().nullable().describe('Byline'),
    published: z.string().nullable().describe('Publication month or date from the header, ISO 8601'),
    referenceDate: z.string().nullable().describe('The date that fills in missing years, ISO 8601'),
    referenceDateSource: z.enum(REFERENCE_SOURCES).describe('Where referenceDate came from'),
    provinces: z.array(ProvinceSchema),
    primaryProvince: z
      .object({ name: z.string(), code: z.string(), current: UnitRef })
      .nullable(),
    places: z.array(PlaceSchema),
    officials: z.array(OfficialSchema),
    documents: z.array(DocumentSchema),
    dates: z.array(DateSchema),
    metrics: z.array(MetricSchema),
    warnings: z.array(WarningSchema),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().describe('sha256 of the input text as decoded (UTF-8), the text spans point into; null when it could not be read'),
    extractorVersion: z.string().describe('Version of the extractor that made the record'),
    rulesHash: z.string().regex(/^[0-9a-f]{64}$/).nullable().describe('sha256 of the merged rule files the record was made with; null on error records'),
    error: ErrorSchema.optional().describe('Present when the input could not be read or decoded; the entity arrays are then empty'),
  })
  .strict();

export type Span = z.infer<typeof SpanSchema>;
export type Province = z.infer<typeof ProvinceSchema>;
export type Place = z.infer<typeof PlaceSchema>;
export type Official = z.infer<typeof OfficialSchema>;
export type Document = z.infer<typeof DocumentSchema>;
export type DateEntity = z.infer<typeof DateSchema>;
export type Metric = z.infer<typeof MetricSchema>;
export type Warning = z.infer<typeof WarningSchema>;
export type ArticleRecord = z.infer<typeof RecordSchema>;
export type ReferenceSource = (typeof REFERENCE_SOURCES)[number];

/** The JSON Schema of a record, as `extract schema` prints it. */
export function recordJsonSchema(): unknown {
  return {
    $id: 'https://github.com/vn-news-extract/record.schema.json',
    title: 'Article record',
    ...z.toJSONSchema(RecordSchema, { target: 'draft-2020-12' }),
  };
}
