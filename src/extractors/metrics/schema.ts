/** A metric entity: a quantity the article reports about something. */
import { z } from 'zod';
import { mentionFields } from '../../model/entity.js';
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
});

export type Metric = z.infer<typeof MetricSchema>;

declare module '../../model/entity.js' {
  interface EntityTypes {
    metrics: { entity: Metric; rules: MetricRules };
  }
}
