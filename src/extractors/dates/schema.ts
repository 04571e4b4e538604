/** A date entity: a temporal expression, in ISO 8601 at its own grain. */
import { z } from 'zod';
import { mentionFields } from '../../model/entity.js';
import type { Chrono } from 'chrono-node';
import type { DateRules } from './rules.js';

export const DateSchema = z.object({
  ...mentionFields,
  value: z.string().describe('ISO 8601 at the expression’s own granularity; ranges START/END; XXXX for an unknown year'),
  grain: z.enum(['day', 'month', 'quarter', 'half', 'year', 'range']),
  start: z.string().optional(),
  end: z.string().optional(),
  mod: z.enum(['start', 'mid', 'end']).optional(),
  lunar: z.string().optional().describe('The lunar reading of a lunar date (`1/1 Bính Ngọ`: day/month and year name)'),
});

export type DateEntity = z.infer<typeof DateSchema>;

declare module '../../model/entity.js' {
  interface EntityTypes {
    dates: { entity: DateEntity; rules: DateRules & { readonly parser: Chrono } };
  }
}
