/**
 * Place rules: the vocabulary of `rules/places.yaml` (unit words and their
 * abbreviations, list words, phrases in which a unit word names no place)
 * and the units of `rules/places.units.json` (generated, see units-data.ts),
 * compiled into syllable tries: one for the unit words, one per unit word for
 * the names of that kind of unit in both eras.
 */
import { z } from 'zod';
import { foldName } from '../../normalize/forms.js';
import { defineRules, ruleId, schemaHeader } from '../../rules/spec.js';
import { syllables } from '../../tokenize/index.js';
import { SyllableTrie } from './trie.js';
import { readUnitsFile, splitUnitWord, UNIT_WORDS, type Link, type UnitWord } from './units-data.js';

export type Era = 'before-2025-07-01' | 'since-2025-07-01';
export type { Share } from './units-data.js';
import type { Share } from './units-data.js';

export interface PlaceUnit {
  /** Canonical name with its unit word (`Huyện Cao Lãnh`). */
  name: string;
  level: 'district' | 'commune';
  era: Era;
  code: string;
  provinceCode: string;
  /** The district of a commune before 1 July 2025. */
  districtCode: string | null;
  /** The new communes that took an old commune's territory (or an island district's), as the units file links them. */
  links: readonly Link[];
}

export interface Successor {
  name: string;
  code: string;
  share: Share;
  resolution: string | null;
}

export interface UnitWordRule {
  id: string;
  unit: UnitWord;
  /** Written as an abbreviation (`TP.`, `Q.`): the name may follow without a space. */
  abbreviation: boolean;
}

const DASHES = /^[‐‑‒–—―−-]$/u;
const APOSTROPHES = /^[’‘`']$/u;

/**
 * The key of one syllable of text in normal form (src/normalize): case-folded,
 * every dash as `-` and every apostrophe as `'` (`Ea H’Leo` = `Ea H'leo`).
 */
export function syllableKey(syllable: string): string {
  if (syllable.length === 1 && DASHES.test(syllable)) return '-';
  if (syllable.length === 1 && APOSTROPHES.test(syllable)) return "'";
  // Vietnamese has no locale-specific case mappings: this is foldName's `toLocaleLowerCase('vi')`, quicker
  return syllable.toLowerCase();
}

/** The keys of a phrase from a rule or data file. */
const keysOf = (phrase: string) => syllables(foldName(phrase)).map((t) => syllableKey(t.text));

/**
 * The keys of a name from the units file, which is in text form already: most
 * names are words and numbers between single spaces, and split quicker than
 * they tokenize.
 */
const nameKeys = (name: string) => (/^[\p{L}\p{N} ]*$/u.test(name) ? name.toLowerCase().split(' ') : keysOf(name));

export const placeRules = defineRules({
  file: 'places.yaml',
  data: 'places.units.json',
  schema: z.strictObject({
    $schema: schemaHeader,
    unit_words: z
      .array(
        z.strictObject({
          id: ruleId,
          name: z.string().min(1),
          unit: z.enum(UNIT_WORDS).describe('The unit word the units file begins names with'),
          words: z.array(z.string().min(1)).min(1).describe('The word in running text, any case'),
          abbreviations: z.array(z.string().min(1)).default([]).describe('Abbreviations, matched with their case'),
        }),
      )
      .min(1),
    list_words: z.array(z.string().min(1)).describe('Words before a unit word that make it head a list (`các xã A, B`); a number does too'),
    list_joiners: z.array(z.string().min(1)).min(1).describe('What stands between the names of a list'),
    not_places: z.array(z.string().min(1)).describe('Phrases after or inside which a unit word starts no place (`hợp tác xã`, `thôn`)'),
  }),
  compile(raw, data) {
    if (data === undefined) throw new Error('places.units.json is missing');
    const units = readUnitsFile(data);

    const wardNames = new Map(units.wards.map(([code, name]) => [code, name]));
    const districtProvince = new Map(units.districts.map(([code, , province]) => [code, province]));
    const all: PlaceUnit[] = [
      ...units.districts.map(([code, name, provinceCode, links]): PlaceUnit => ({ name, level: 'district', era: 'before-2025-07-01', code, provinceCode, districtCode: null, links })),
      ...units.communes.map(([code, name, districtCode, links]): PlaceUnit => ({ name, level: 'commune', era: 'before-2025-07-01', code, provinceCode: districtProvince.get(districtCode)!, districtCode, links })),
      ...units.wards.map(([code, name, provinceCode]): PlaceUnit => ({ name, level: 'commune', era: 'since-2025-07-01', code, provinceCode, districtCode: null, links: [] })),
    ];

    const names = new Map<UnitWord, SyllableTrie<PlaceUnit>>(UNIT_WORDS.map((w) => [w, new SyllableTrie<PlaceUnit>()]));
    for (const unit of all) {
      const split = splitUnitWord(unit.name)!;
      names.get(split.word)!.insert(nameKeys(split.rest), unit);
    }

    // Words match in any case; abbreviations only with their own (`TP.`, not `tp.`).
    const unitWords = new SyllableTrie<UnitWordRule>();
    const abbreviations = new SyllableTrie<UnitWordRule>();
    for (const rule of raw.unit_words) {
      for (const word of rule.words) unitWords.insert(keysOf(word), { id: rule.id, unit: rule.unit, abbreviation: false });
      for (const abbreviation of rule.abbreviations) abbreviations.insert(syllables(abbreviation).map((t) => t.text), { id: rule.id, unit: rule.unit, abbreviation: true });
    }

    return {
      unitWords,
      abbreviations,
      names,
      listWords: new Set(raw.list_words.map(foldName)),
      listJoiners: raw.list_joiners.map(keysOf).sort((a, b) => b.length - a.length),
      notPlaces: raw.not_places.map(keysOf),
      source: units.source,
      /** The new communes that took a unit's territory, with the resolutions that merged them. */
      successorsOf(unit: PlaceUnit): Successor[] {
        return unit.links.map(([code, share, k]) => ({ name: wardNames.get(code)!, code, share, resolution: k === null ? null : (units.resolutions[k] ?? null) }));
      },
    };
  },
});

export type PlaceRules = ReturnType<typeof placeRules.compile>;
