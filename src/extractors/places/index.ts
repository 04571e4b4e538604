/**
 * Places: districts, communes and wards below the province, in the lists
 * before and since 1 July 2025, one entity per unit with the spans of all
 * its mentions.
 *
 * Extraction finds the mentions (mentions.ts) and resolves them with the
 * date the article carries, so that provinces can leave the names inside
 * them alone; resolution, once the reference date and the named provinces
 * are known, resolves them again (resolve.ts). An article that names no
 * province is filed under its places' province (provinces/implied.ts).
 */
import type { Doc } from '../../tokenize/index.js';
import type { ProvinceRules } from '../provinces/rules.js';
import type { Province } from '../provinces/schema.js';
import type { EntityModule } from '../types.js';
import { findPlaceMentions } from './mentions.js';
import { placeRules, type PlaceRules } from './rules.js';
import { resolvePlaces, type PlaceContext } from './resolve.js';
import { PlaceSchema } from './schema.js';
import { placesCsv, placesGold, placesHtml } from './view.js';

export const placesModule: EntityModule<'places', never, never, 'provinces'> = {
  type: 'places',
  schema: PlaceSchema,
  rules: placeRules,
  needs: [],

  extract(ctx) {
    const date = ctx.doc.published ?? ctx.options.referenceDate?.value ?? null;
    return resolvePlaces(mentionsOf(ctx.doc, ctx.rules.places), ctx.doc.text, context(ctx.rules, date, []));
  },

  resolve: {
    needs: [],
    reads: ['provinces'],
    run(_places, ctx) {
      const date = ctx.doc.published ?? ctx.referenceDate.value;
      return resolvePlaces(mentionsOf(ctx.doc, ctx.rules.places), ctx.doc.text, context(ctx.rules, date, ctx.found.provinces));
    },
  },
  csv: placesCsv,
  html: placesHtml,
  gold: placesGold,
};

function mentionsOf(doc: Doc, rules: PlaceRules) {
  return findPlaceMentions(doc.stream, rules);
}

function context(rules: { provinces: ProvinceRules; places: PlaceRules }, date: string | null, provinces: ReadonlyArray<Pick<Province, 'code' | 'current'>>): PlaceContext {
  return {
    date,
    named: { before: provinces.map((p) => p.code), since: provinces.map((p) => p.current.code) },
    provinces: rules.provinces,
    places: rules.places,
  };
}
