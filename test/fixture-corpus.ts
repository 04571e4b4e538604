/**
 * The corpus format of `fixtures/<type>.yaml`, shared by every entity type
 * (Duckling-style: the corpus is the test suite).
 *
 *   type: dates                      # the entity type the corpus exercises
 *   reference_date: "2024-12"        # stated once per corpus; an item may override it
 *   examples:                        # phrase → expected value; many surface forms per value
 *     - expect: { value: "2024-12-27", grain: day }
 *       texts: ["Ngày 27/12", "ngày 27/12/2024"]
 *   sentences:                       # in context, with the exact text of each entity
 *     - text: "Chiều 9/1, Sở TT&TT tổ chức hội nghị."
 *       expect: [{ text: "Chiều 9/1", value: "2025-01-09" }]
 *       exact: true                  # and nothing else of this type
 *   negatives:                       # must yield no mention of this type (an implied province is none)
 *     - text: "bão số 3 Yagi"
 *     - text: "Quyết định 81/2014/QĐ-TTg"
 *       not: "81/2014"               # or: no entity of this type whose text overlaps this part
 *
 * `expect` lists a subset of the entity's fields; objects compare by their
 * listed fields, lists and scalars exactly. An example's entity must span the
 * whole phrase unless the example says `partial: true`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { ENTITY_TYPES } from '../src/extractors/registry.js';

const expectation = z.record(z.string(), z.unknown());
const refDate = z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/);

export const CorpusSchema = z.strictObject({
  $schema: z.string().optional(),
  type: z.enum(ENTITY_TYPES),
  reference_date: refDate.optional(),
  examples: z
    .array(
      z.strictObject({
        expect: expectation,
        texts: z.array(z.string().min(1)).min(1),
        reference_date: refDate.optional(),
        partial: z.boolean().optional(),
        note: z.string().optional(),
      }),
    )
    .default([]),
  sentences: z
    .array(
      z.strictObject({
        text: z.string().min(1),
        expect: z.array(expectation).default([]),
        exact: z.boolean().optional(),
        reference_date: refDate.optional(),
        note: z.string().optional(),
      }),
    )
    .default([]),
  negatives: z
    .array(
      z.strictObject({
        text: z.string().min(1),
        not: z.string().optional(),
        reference_date: refDate.optional(),
        note: z.string().optional(),
      }),
    )
    .default([]),
});

export type Corpus = z.infer<typeof CorpusSchema>;

export function readCorpus(file: string): Corpus {
  return CorpusSchema.parse(parse(readFileSync(file, 'utf8')));
}

/** Whether `actual` has every field of `expected` (recursively for objects). */
export function matchesExpectation(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== 'object') return Object.is(actual, expected) || (typeof expected === 'number' && typeof actual === 'number' && Math.abs(actual - expected) < 1e-9);
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matchesExpectation(actual[i], e));
  }
  if (actual === null || typeof actual !== 'object') return false;
  return Object.entries(expected).every(([key, value]) => matchesExpectation((actual as Record<string, unknown>)[key], value));
}
