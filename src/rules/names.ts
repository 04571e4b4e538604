/**
 * Personal-name vocabulary (`rules/names.yaml`), shared by every extractor
 * that must tell a person's name from a place: surnames and the words that
 * introduce a name.
 */
import { z } from 'zod';
import { toTextForm } from '../normalize/forms.js';
import { defineRules, schemaHeader } from './spec.js';

/** A syllable of a personal name: a capital then small letters (`Quyết`, `Y`). */
export const NAME_SYLLABLE = /^\p{Lu}[\p{Ll}\p{M}]*$/u;

const bounds = z.strictObject({ min: z.number().int().min(1), max: z.number().int().min(1) }).refine((b) => b.min <= b.max, 'min must not exceed max');

/** How many syllables a personal name has in one context: [min, max]. */
export type NameBounds = z.infer<typeof bounds>;

export const nameRules = defineRules({
  file: 'names.yaml',
  schema: z.strictObject({
    $schema: schemaHeader,
    surnames: z.array(z.string().regex(NAME_SYLLABLE, 'a surname is one capitalised syllable')).min(1),
    person_markers: z.array(z.string().min(1)).describe('Words after which capitalised syllables are a personal name'),
    name_syllables: z
      .strictObject({ introduced: bounds, bare: bounds, after_body: bounds, before_place: bounds })
      .describe('How many syllables a personal name has, by what stands around it'),
  }),
  compile(raw) {
    return {
      surnames: new Set(raw.surnames.map(toTextForm)),
      personMarkers: raw.person_markers,
      syllables: {
        introduced: raw.name_syllables.introduced,
        bare: raw.name_syllables.bare,
        afterBody: raw.name_syllables.after_body,
        beforePlace: raw.name_syllables.before_place,
      },
    };
  },
});

export type NameRules = ReturnType<typeof nameRules.compile>;
