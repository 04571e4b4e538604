/**
 * The domain model every layer may import: spans, the fields every entity
 * carries, and the map of entity types.
 *
 * Spans are half-open `[start, end)` Unicode code-point offsets into the input
 * as decoded, before any normalisation; `text` is exactly the input at `span`.
 *
 * Entity types are not listed here. Each type's module adds its entity and
 * rules to `EntityTypes` by declaration merging (`declare module`), and the
 * registry (src/extractors/registry.ts) lists the modules; every list of types
 * the program uses derives from that registry.
 */
import { z } from 'zod';

export const SpanSchema = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .describe('Half-open [start, end) code-point offsets into the input as decoded');

export type Span = z.infer<typeof SpanSchema>;

/** Fields every entity carries: its first mention and the spans of all of them. */
export const mentionFields = {
  text: z.string().describe('The first mention exactly as in the input'),
  span: SpanSchema.describe('Span of the first mention'),
  spans: z.array(SpanSchema).min(1).describe('Spans of every mention, in text order'),
  rule: z.string().describe('Id of the rule that recognised the first mention'),
};

/** A province-level unit named by its canonical name and two-digit code. */
export const UnitRefSchema = z.object({
  name: z.string(),
  code: z.string().regex(/^\d{2}$/),
});

/**
 * Each entity type, by name, with its published entity, its compiled rules
 * and any article-level fields it adds to the record:
 * `{ entity: Province; rules: ProvinceRules; fields: { primaryProvince: ... } }`,
 * and any rule files besides its own (`extraRules: { indicators: IndicatorRules }`).
 * Empty here; each type's module fills in its own entry.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EntityTypes {}

export type EntityType = keyof EntityTypes & string;
export type EntityOf<K extends EntityType> = EntityTypes[K] extends { entity: infer E } ? E : never;
export type RulesOf<K extends EntityType> = EntityTypes[K] extends { rules: infer R } ? R : never;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type ExtraRulesOf<K extends EntityType> = EntityTypes[K] extends { extraRules: infer X } ? X : {};
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type FieldsOf<K extends EntityType> = EntityTypes[K] extends { fields: infer F } ? F : {};

/** An entity as an extractor builds it: spans into the normalised text, no `text`/`span` yet. */
export type Found<T> = Omit<T, 'text' | 'span'> & { spans: Span[] };

/** What the extractors found in one article, by type. */
export type FoundEntities = { [K in EntityType]: Found<EntityOf<K>>[] };

/** Findings of some types only: what an extractor that declared those needs sees. */
export type FoundOf<K extends EntityType> = { readonly [T in K]: FoundEntities[T] };
