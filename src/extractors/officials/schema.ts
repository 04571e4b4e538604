/** An official entity: a person named together with a public office. */
import { z } from 'zod';
import { mentionFields, UnitRefSchema } from '../../model/entity.js';
import { honorificValue, type OfficialRules } from './rules.js';

export const OfficialSchema = z.object({
  ...mentionFields,
  name: z.string().describe('Full name, title-cased, NFC'),
  honorific: honorificValue.nullable(),
  titles: z.array(z.string()).describe('Each office held, in order, as written with its organisation'),
  organization: z.string().nullable().describe('Organisation of the first title'),
  province: UnitRefSchema.nullable()
    .optional()
    .describe('Province of the office: the one its organisation names, else the primary province for a provincial body, null for a national office'),
});

export type Official = z.infer<typeof OfficialSchema>;

declare module '../../model/entity.js' {
  interface EntityTypes {
    officials: { entity: Official; rules: OfficialRules };
  }
}
