/** A place entity: a district, commune or ward below the province, in the list of its era. */
import { z } from 'zod';
import { mentionFields, UnitRefSchema } from '../../model/entity.js';
import type { PlaceRules } from './rules.js';

export const PlaceSchema = z.object({
  ...mentionFields,
  name: z.string().describe('Canonical name with its unit word (Huyện Cao Lãnh)'),
  level: z.enum(['district', 'commune']),
  code: z.string().regex(/^\d{3}(?:\d{2})?$/).nullable().describe('Statistics-office code; null when the name is not settled to one unit'),
  era: z.enum(['before-2025-07-01', 'since-2025-07-01']).describe('Which list of units the name was matched in'),
  province: UnitRefSchema.nullable().describe('The province that held it at the time; null when nothing settles it'),
  candidates: z.array(UnitRefSchema).optional().describe('When province is null: the provinces of the units of that name'),
  successors: z
    .array(z.object({ name: z.string(), code: z.string(), share: z.enum(['whole', 'part']), resolution: z.string().nullable() }))
    .optional()
    .describe('An old commune’s (or island district’s) successors since 1 July 2025, with the resolution that merged them'),
  currentProvince: UnitRefSchema.nullable().optional().describe('For a unit before 1 July 2025: the province that holds it since'),
});

export type Place = z.infer<typeof PlaceSchema>;

declare module '../../model/entity.js' {
  interface EntityTypes {
    places: { entity: Place; rules: PlaceRules };
  }
}
