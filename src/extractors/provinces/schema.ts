/** A province entity: a province-level unit, as named at the article's time. */
import { z } from 'zod';
import { mentionFields, SpanSchema, UnitRefSchema } from '../../model/entity.js';
import type { ProvinceRules } from './rules.js';

export const ProvinceSchema = z.object({
  ...mentionFields,
  text: mentionFields.text.optional().describe('The first mention exactly as in the input; absent when the province is implied'),
  span: mentionFields.span.optional().describe('Span of the first mention; absent when the province is implied'),
  spans: z.array(SpanSchema).describe('Spans of every mention, in text order; empty when the province is implied'),
  name: z.string().describe('Canonical name of the unit as in force at the time of the article'),
  code: z.string().regex(/^\d{2}$/).describe('Two-digit statistics-office code'),
  era: z.enum(['before-2025-07-01', 'since-2025-07-01']).describe('Which list of units the name was resolved against'),
  current: UnitRefSchema.describe('The unit that holds this territory since 1 July 2025'),
  mentions: z.number().int().nonnegative(),
  primary: z.boolean().describe('Whether this is the article’s subject province'),
  implied: z.boolean().optional().describe('Named by no mention of its own but by the places of an article that names no province (mentions 0)'),
});

export type Province = z.infer<typeof ProvinceSchema>;

/** The article-level field provinces add to the record, right after their list. */
export const PrimaryProvinceFields = {
  primaryProvince: z.object({ name: z.string(), code: z.string(), current: UnitRefSchema }).nullable(),
};

declare module '../../model/entity.js' {
  interface EntityTypes {
    provinces: { entity: Province; rules: ProvinceRules; fields: z.infer<z.ZodObject<typeof PrimaryProvinceFields>> };
  }
}
