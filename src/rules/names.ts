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

export const nameRules = defineRules({
  file: 'names.yaml',
  schema: z.strictObject({
    $schema: schemaHeader,
    surnames: z.array(z.string().regex(NAME_SYLLABLE, 'a surname is one capitalised syllable')).min(1),
    person_markers: z.array(z.string().min(1)).describe('Words after which capitalised syllables are a personal name'),
  }),
  compile(raw) {
    return {
      surnames: new Set(raw.surnames.map(toTextForm)),
      personMarkers: raw.person_markers,
    };
  },
});

export type NameRules = ReturnType<typeof nameRules.compile>;
