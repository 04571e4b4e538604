/** A metric entity: a quantity the article reports about something. */
import { z } from 'zod';
import { mentionFields } from '../../model/entity.js';
import { DateSchema } from '../dates/schema.js';
import type { IndicatorRules } from './indicator-ids.js';
import { qualifierValue, type MetricRules } from './rules.js';

export const MetricSchema = z.object({
  ...mentionFields,
  value: z.number(),
  unit: z.string(),
  indicator: z.string().nullable(),
  kind: z.enum(['level', 'change', 'rank', 'share', 'target']),
  qualifier: qualifierValue.nullable(),
  of: z.number().optional(),
  max: z.number().optional(),
  compared_to: z.string().optional(),
  direction: z.enum(['up', 'down']).optional(),
  period: z
    .object({ value: z.string(), grain: DateSchema.shape.grain })
    .nullable()
    .describe('The time the value refers to, as a date value (2024, 2024-01/2024-09, 2025-Q1); a target’s is the date it is due'),
  place: z
    .object({
      name: z.string(),
      code: z.string().nullable(),
      level: z.enum(['country', 'province', 'district', 'commune']),
    })
    .nullable()
    .describe('Where the value is measured: a province, a place below it, Việt Nam (code null), or null for no territory'),
  indicatorId: z.string().nullable().describe('Canonical id of the indicator in rules/indicators.yaml, or null'),
});

export type Metric = z.infer<typeof MetricSchema>;

declare module '../../model/entity.js' {
  interface EntityTypes {
    metrics: { entity: Metric; rules: MetricRules; extraRules: { indicators: IndicatorRules } };
  }
}
