/**
 * Places: districts, communes and wards below the province, in the lists
 * before and since 1 July 2025, one entity per unit with the spans of all
 * its mentions.
 *
 * Extraction finds the mentions (mentions.ts) and resolves them with the
 * date the article carries, so that provinces can leave the names inside
 * them alone; resolution, once the reference date and the named provinces
 * are known, resolves them again (resolve.ts). An article that names no
 * province is filed under its places' province (`impliedProvinces`).
 */
import type { Province } from '../../output/schema.js';
import type { Doc } from '../../tokenize/index.js';
import type { ExtractContext, Extractor, Found, FoundEntities } from '../types.js';
import type { ProvinceRules } from '../provinces/rules.js';
import { findPlaceMentions, type PlaceMention } from './mentions.js';
import type { PlaceRules } from './rules.js';
import { resolvePlaces, type PlaceContext } from './resolve.js';

const mentionsByDoc = new WeakMap<Doc, PlaceMention[]>();

/** The mentions of an article, found once and shared by extract and resolve. */
function mentionsOf(doc: Doc, rules: PlaceRules): PlaceMention[] {
  let mentions = mentionsByDoc.get(doc);
  if (!mentions) mentionsByDoc.set(doc, (mentions = findPlaceMentions(doc.text, doc.syllables, rules)));
  return mentions;
}

export const placesExtractor: Extractor<'places'> = {
  type: 'places',

  extract(ctx) {
    const date = ctx.doc.published ?? ctx.options.referenceDate?.value ?? null;
    return resolvePlaces(mentionsOf(ctx.doc, ctx.rules.places), ctx.doc.text, context(ctx, date, []));
  },

  resolve(_places, ctx) {
    const date = ctx.doc.published ?? ctx.referenceDate.value;
    return resolvePlaces(mentionsOf(ctx.doc, ctx.rules.places), ctx.doc.text, context(ctx, date, ctx.found.provinces));
  },
};

function context(ctx: ExtractContext, date: string | null, provinces: FoundEntities['provinces']): PlaceContext {
  return {
    date,
    named: { before: provinces.map((p) => p.code), since: provinces.map((p) => p.current.code) },
    provinces: ctx.rules.provinces,
    places: ctx.rules.places,
  };
}

/**
 * The provinces an article's places name, for an article that names none:
 * one per province of a settled place, the province of the most mentions
 * first. Each has no mention of its own (`mentions: 0`, no span, `implied`).
 */
export function impliedProvinces(places: FoundEntities['places'], rules: ProvinceRules): Found<Province>[] {
  const counts = new Map<string, { place: FoundEntities['places'][number]; mentions: number }>();
  for (const place of places) {
    if (!place.province) continue;
    const key = `${place.era}/${place.province.code}`;
    const seen = counts.get(key);
    counts.set(key, { place: seen?.place ?? place, mentions: (seen?.mentions ?? 0) + place.spans.length });
  }
  return [...counts.values()]
    .sort((a, b) => b.mentions - a.mentions)
    .map(({ place }) => {
      const province = place.province!;
      const since = place.era === 'since-2025-07-01';
      const unit = rules.units.find((u) => (since ? u.current.code : u.code) === province.code)!;
      return {
        name: province.name,
        code: province.code,
        era: place.era,
        current: since ? province : unit.current,
        mentions: 0,
        primary: false,
        implied: true,
        spans: [],
        rule: 'implied-by-place',
      };
    });
}
