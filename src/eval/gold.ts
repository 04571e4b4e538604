/**
 * Gold files (shared/spec/GOLD_FORMAT.md): one JSON file per article with the
 * expected entities in a smaller form; any item may be `optional`. Each
 * registered type gives the shape of its own field; a gold file without a
 * type's field (written before the type existed) leaves that type unscored.
 */
import { z } from 'zod';
import { entityModules } from '../extractors/registry.js';
import type { EntityType } from '../model/entity.js';

export const GoldSchema = z.object({
  file: z.string(),
  referenceDate: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  author: z.string().nullable().optional(),
  ...Object.fromEntries(entityModules.map((m) => [m.type, m.gold.schema.optional()])),
});

/** A gold file: the article's fields, and each type's field as its module reads it. */
export type Gold = Omit<z.infer<typeof GoldSchema>, EntityType> & { readonly [K in EntityType]?: unknown };
