/**
 * Official rules (`rules/officials.yaml`): honorifics, list introductions,
 * offices, the heads and names of the bodies they belong to, place words,
 * connectors, words that make a capitalised run a place rather than a person,
 * and the abbreviations under which two titles are the same office.
 */
import { z } from 'zod';
import { toTextForm } from '../../normalize/forms.js';
import { defineRules, ruleId, schemaHeader } from '../../rules/spec.js';
import { plainStream, syllables } from '../../tokenize/index.js';
import { PhraseSet } from '../../tokenize/phrases.js';

const forms = z.array(z.string().min(1)).min(1);
export const honorificValue = z.enum(['ông', 'bà', 'đồng chí']);
const introducer = z.strictObject({ id: ruleId, name: z.string(), value: honorificValue, forms });
const named = z.strictObject({ id: ruleId, name: z.string(), forms });

export const officialRules = defineRules({
  file: 'officials.yaml',
  schema: z.strictObject({
    $schema: schemaHeader,
    honorifics: z.array(introducer).describe('Words that introduce one person, with the honorific they give'),
    list_intros: z.array(introducer).describe('Plural introductions of a list of officials'),
    name_prefixes: z.array(z.string().min(1)).describe('Degrees, ranks and professions written before a name (PGS.TS, Đại tá)'),
    separators: z.array(z.string().min(1)).describe('What may stand between a name and its first title'),
    shared_title_intros: z.array(z.string().min(1)).describe('Plural words before a title that the names after its colon share'),
    provincial_heads: z.array(ruleId).describe('Organisation heads whose offices belong to a province even when no place is named'),
    positions: z.array(
      z.strictObject({
        id: ruleId,
        name: z.string(),
        forms,
        organization: z.enum(['required', 'optional', 'none']).describe('Whether the office needs, may have or never has an organisation after it'),
        membership: z.boolean().optional().describe('A seat in a collective body: not the office that names the organisation'),
      }),
    ),
    position_qualifiers: z.array(z.string().min(1)).describe('Words before an office that belong to the title (nguyên, Quyền)'),
    organization_heads: z
      .array(named.extend({ locality: z.boolean().optional().describe('Named by its place: Huyện ủy Quan Sơn') }))
      .describe('Words that begin the organisation of an office'),
    organization_names: z.array(named).describe('Names of bodies taken whole, whatever the case'),
    place_words: z.array(z.string().min(1)).describe('Place words inside an organisation (tỉnh, huyện...)'),
    connectors: z.strictObject({
      and: z.array(z.string().min(1)),
      about: z.array(z.string().min(1)),
      about_max_syllables: z.number().int().min(1),
      of: z.array(z.string().min(1)),
    }),
    name_rest: z.strictObject({
      max_syllables: z.number().int().min(1),
      tags: z.array(z.string().min(1)),
      activity_tags: z.array(z.string().min(1)),
      predicates: z.array(z.string().min(1)).describe('Verbs that end the rest of a body’s name whatever vntk tags them (`chủ trì hội nghị`)'),
    }),
    title_joiners: z.array(z.string().min(1)).describe('What joins two titles of one person (a comma, kiêm)'),
    not_a_name_after: z.array(z.string().min(1)).describe('Words after which a capitalised run is a place or organisation name'),
    abbreviations: z.array(z.strictObject({ id: ruleId, short: z.string().min(1), long: z.string().min(1) })),
  }),
  compile(raw) {
    const nfc = toTextForm;
    const abbreviations = new PhraseSet(raw.abbreviations.map((a) => ({ forms: [nfc(a.short)], value: nfc(a.long) })));
    return {
      honorifics: new PhraseSet(raw.honorifics.map((h) => ({ forms: h.forms.map(nfc), value: { id: h.id, honorific: h.value } }))),
      listIntros: new PhraseSet(raw.list_intros.map((h) => ({ forms: h.forms.map(nfc), value: { id: h.id, honorific: h.value } }))),
      namePrefixes: new PhraseSet([{ forms: raw.name_prefixes.map(nfc), value: 'prefix' }]),
      separators: new Set(raw.separators),
      sharedTitleIntros: new PhraseSet([{ forms: raw.shared_title_intros.map(nfc), value: 'shared' }]),
      provincialHeads: new Set(raw.provincial_heads),
      memberships: new Set(raw.positions.filter((p) => p.membership).map((p) => p.id)),
      positions: new PhraseSet(raw.positions.map((p) => ({ forms: p.forms.map(nfc), value: { id: p.id, organization: p.organization } }))),
      positionQualifiers: new PhraseSet([{ forms: raw.position_qualifiers.map(nfc), value: 'qualifier' }]),
      organizationHeads: new PhraseSet(raw.organization_heads.map((h) => ({ forms: h.forms.map(nfc), value: h.id }))),
      localityHeads: new PhraseSet(raw.organization_heads.filter((h) => h.locality).map((h) => ({ forms: h.forms.map(nfc), value: h.id }))),
      organizationNames: new PhraseSet(raw.organization_names.map((h) => ({ forms: h.forms.map(nfc), value: h.id }))),
      placeWords: new PhraseSet([{ forms: raw.place_words.map(nfc), value: 'place' }]),
      and: new Set(raw.connectors.and.map(nfc)),
      about: new Set(raw.connectors.about.map(nfc)),
      aboutMaxSyllables: raw.connectors.about_max_syllables,
      of: new Set(raw.connectors.of.map(nfc)),
      nameRest: {
        maxSyllables: raw.name_rest.max_syllables,
        tags: new Set(raw.name_rest.tags),
        activityTags: new Set(raw.name_rest.activity_tags),
        predicates: new PhraseSet([{ forms: raw.name_rest.predicates.map(nfc), value: 'predicate' }]),
      },
      titleJoiners: new Set(raw.title_joiners.map(nfc)),
      notANameAfter: new PhraseSet([{ forms: raw.not_a_name_after.map(nfc), value: 'place' }]),
      /** A title with abbreviations expanded, case-folded, in single spaces: equal keys are the same office. */
      canonicalTitle(title: string): string {
        const stream = plainStream(title);
        const words: string[] = [];
        for (let i = 0; i < stream.length; ) {
          const long = abbreviations.match(stream, i);
          words.push(...(long ? syllables(long.value).map((t) => t.text) : [stream.at(i)]));
          i = long ? long.end : i + 1;
        }
        return words.filter((w) => /[\p{L}\p{N}]/u.test(w)).join(' ').toLowerCase();
      },
    };
  },
});

export type OfficialRules = ReturnType<typeof officialRules.compile>;
export type HonorificValue = z.infer<typeof honorificValue>;
