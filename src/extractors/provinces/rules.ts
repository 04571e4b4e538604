/**
 * Province rules (`rules/provinces.yaml`): the units before and since the
 * 1 July 2025 mergers, their aliases, and the context words that decide
 * whether a name is the province or something else.
 */
import { z } from 'zod';
import { defineRules, ruleId, schemaHeader } from '../../rules/spec.js';
import { stripDiacritics, toTextForm } from '../../normalize/forms.js';
import { phraseSource } from '../../rules/phrases.js';

const code = z.string().regex(/^\d{2}$/, 'a two-digit statistics-office code');
const alias = z.union([
  z.string().min(1),
  z.strictObject({ form: z.string().min(1), needs_unit_word: z.boolean() }),
]);
const unitType = z.enum(['tỉnh', 'thành phố trực thuộc trung ương']);

export const provinceRules = defineRules({
  file: 'provinces.yaml',
  schema: z.strictObject({
    $schema: schemaHeader,
    derive_ascii: z.boolean(),
    unit_words: z.array(z.string().min(1)),
    city_words: z.array(z.string().min(1)),
    sub_unit_words: z.array(z.string().min(1)),
    exclusions: z.array(z.string().min(1)).describe('Phrases that contain a province name but are not a mention of it'),
    primary: z.strictObject({
      title_weight: z.number().min(0),
      lead_weight: z.number().min(0),
      lead_sentences: z.number().int().min(0),
      max_tied: z.number().int().min(1).describe('More provinces sharing the top score than this: no subject province'),
      roundup: z
        .strictObject({ provinces: z.number().int().min(2), top_share: z.number().gt(0).max(1) })
        .describe('This many provinces or more, the top one named in under this share of all their mentions: a roundup, no subject province'),
    }),
    before_2025_07_01: z.array(
      z.strictObject({
        id: ruleId,
        name: z.string(),
        type: unitType,
        code,
        previously: z.strictObject({ name: z.string(), type: unitType, until: z.string() }).optional(),
        aliases: z.array(alias).optional(),
        successor: code.describe('Code of the unit that holds the territory since 1 July 2025'),
      }),
    ),
    since_2025_07_01: z.array(
      z.strictObject({
        id: ruleId,
        name: z.string(),
        type: unitType,
        code,
        merged_from: z.array(z.string()).min(1),
        seat: z.string(),
      }),
    ),
  }),
  compile(raw) {
    const since = new Map(raw.since_2025_07_01.map((u) => [u.code, u]));
    const sinceByName = new Map(raw.since_2025_07_01.map((u) => [u.name, u]));
    const units: Unit[] = raw.before_2025_07_01.map((u) => {
      const current = since.get(u.successor);
      if (!current) throw new Error(`before_2025_07_01 "${u.id}": successor code ${u.successor} is not a unit of since_2025_07_01`);
      const later = sinceByName.get(u.name);
      return {
        id: u.id,
        name: u.name,
        code: u.code,
        centrallyRun: u.type === 'thành phố trực thuộc trung ương',
        current: { name: current.name, code: current.code },
        later: later ? { name: later.name, code: later.code, centrallyRun: later.type === 'thành phố trực thuộc trung ương' } : null,
      };
    });
    for (const unit of raw.since_2025_07_01) {
      for (const from of unit.merged_from) {
        if (!units.some((u) => u.name === from)) throw new Error(`since_2025_07_01 "${unit.id}": merged_from "${from}" is not a unit of before_2025_07_01`);
      }
    }

    const forms = new Map<string, Form>();
    const add = (surface: string, unit: Unit, needsUnitWord: boolean) => {
      const key = toTextForm(surface);
      if (!forms.has(key)) forms.set(key, { unit, needsUnitWord });
    };
    raw.before_2025_07_01.forEach((u, i) => {
      const unit = units[i]!;
      const surfaces: Array<[string, boolean]> = [[u.name, false]];
      for (const a of u.aliases ?? []) surfaces.push(typeof a === 'string' ? [a, false] : [a.form, a.needs_unit_word]);
      for (const [surface, needs] of surfaces) {
        add(surface, unit, needs);
        add(surface.toUpperCase(), unit, needs);
        if (raw.derive_ascii) {
          const ascii = stripDiacritics(surface);
          add(ascii, unit, needs);
          if (/^[A-Z]/.test(ascii) && ascii.includes(' ')) add(ascii.replace(/[\s-]+/g, ''), unit, needs);
        }
      }
    });
    const exclusions = raw.exclusions.map(toTextForm);
    return {
      units,
      forms,
      matcher: new RegExp(phraseSource(forms.keys(), { space: 'exact', edges: 'word' }), 'gu'),
      unitWords: raw.unit_words,
      cityWords: raw.city_words,
      subUnitWords: raw.sub_unit_words,
      exclusions,
      primary: { titleWeight: raw.primary.title_weight, leadWeight: raw.primary.lead_weight, leadSentences: raw.primary.lead_sentences, maxTied: raw.primary.max_tied, roundup: { provinces: raw.primary.roundup.provinces, topShare: raw.primary.roundup.top_share } },
      /** Any name or alias of a unit → that unit (for comparing names, e.g. in eval). */
      lookup(name: string): Unit | undefined {
        return forms.get(toTextForm(name).trim())?.unit;
      },
    };
  },
});

export interface Unit {
  id: string;
  name: string;
  code: string;
  centrallyRun: boolean;
  current: { name: string; code: string };
  /** The unit of the same name since 1 July 2025, if there is one. */
  later: { name: string; code: string; centrallyRun: boolean } | null;
}

export interface Form {
  unit: Unit;
  needsUnitWord: boolean;
}

export type ProvinceRules = ReturnType<typeof provinceRules.compile>;
