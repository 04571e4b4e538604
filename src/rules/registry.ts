/**
 * Every rule file the pipeline reads, by name. Adding an entity type adds
 * its spec here.
 */
import { textRules } from '../normalize/rules.js';
import { nameRules } from './names.js';
import { provinceRules } from '../extractors/provinces/rules.js';
import { placeRules } from '../extractors/places/rules.js';
import { dateRules } from '../extractors/dates/rules.js';
import { documentRules } from '../extractors/documents/rules.js';
import { officialRules } from '../extractors/officials/rules.js';
import { metricRules } from '../extractors/metrics/rules.js';

export const ruleSpecs = {
  text: textRules,
  names: nameRules,
  provinces: provinceRules,
  places: placeRules,
  dates: dateRules,
  documents: documentRules,
  officials: officialRules,
  metrics: metricRules,
} as const;

export type RuleSpecs = typeof ruleSpecs;
export type Rules = { readonly [K in keyof RuleSpecs]: ReturnType<RuleSpecs[K]['compile']> };
