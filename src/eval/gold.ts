/**
 * Gold files (shared/spec/GOLD_FORMAT.md): one JSON file per article with the
 * expected entities in a smaller form; any item may be `optional`.
 */
import { z } from 'zod';

const optional = { optional: z.boolean().optional() };
const oneOrMany = z.union([z.string(), z.array(z.string()).min(1)]);

export const GoldSchema = z.object({
  file: z.string(),
  referenceDate: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  author: z.string().nullable().optional(),
  provinces: z.object({
    mentioned: z.array(z.string()),
    primary: z.string().nullable(),
    optional: z.array(z.string()).default([]),
  }),
  places: z.array(z.object({ name: z.string(), level: z.enum(['district', 'commune']).optional(), province: z.string().nullable().optional(), ...optional })).default([]),
  officials: z.array(z.object({ name: z.string(), honorific: z.string().nullable().optional(), titles: z.array(z.string()).default([]), ...optional })),
  documents: z.array(
    z.object({
      id: oneOrMany,
      type: z.string().nullable().optional(),
      number: z.string().nullable().optional(),
      date: z.string().nullable().optional(),
      issuer: z.string().nullable().optional(),
      written: z.array(z.string()).optional(),
      ...optional,
    }),
  ),
  dates: z.array(z.object({ text: z.string().optional(), value: z.string(), ...optional })),
  metrics: z.array(
    z.object({
      text: z.string().optional(),
      value: z.number(),
      unit: oneOrMany,
      kind: z.string().optional(),
      indicator: z.string().nullable().optional(),
      qualifier: z.string().nullable().optional(),
      of: z.number().optional(),
      max: z.number().optional(),
      compared_to: z.string().optional(),
      ...optional,
    }),
  ),
});

export type Gold = z.infer<typeof GoldSchema>;
