/**
 * A place names its province: an article that names no province is filed
 * under the provinces its places name, one per province of a settled place,
 * the province of the most mentions first. Each has no mention of its own
 * (`mentions: 0`, no span) and is marked `implied`.
 */
import type { Found } from '../../model/entity.js';
import type { Place } from '../places/schema.js';
import type { ProvinceRules } from './rules.js';
import type { Province } from './schema.js';

export function impliedProvinces(places: readonly Found<Place>[], rules: ProvinceRules): Found<Province>[] {
  const counts = new Map<string, { place: Found<Place>; mentions: number }>();
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
