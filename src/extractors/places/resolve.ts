/**
 * From mentions to places: which era's unit each mention names, which of the
 * units of that name (names repeat across provinces), and what it carries
 * (its province at the time, an old commune's successors, the province that
 * holds an old unit since 1 July 2025).
 *
 * The article's date picks the era when the name exists in both lists, unless
 * only the other era has it in a province the article names (`các phường Phúc
 * Xá, Bạch Đằng` of Hà Nội in August 2025 are the old wards); a name in one
 * list only is that list's. Among units of one name, a mention takes the one
 * its neighbours settle, in this order until nothing changes:
 *   - the district written right after a commune (`xã Mỹ Hội, huyện Cao Lãnh`),
 *     and the commune right before a district, settle each other;
 *   - a commune of the district of the other communes of its list;
 *   - a commune of a district the article names;
 *   - a unit of a province the article names, or that its settled places name.
 * An old unit that a new unit the article names took in is that old unit,
 * before all of these. A mention that none of these settles keeps
 * `province: null` and lists the candidates' provinces.
 */
import type { Span } from '../../model/entity.js';
import type { ProvinceRules } from '../provinces/rules.js';
import type { PlaceMention } from './mentions.js';
import type { Era, PlaceRules, PlaceUnit, Successor } from './rules.js';

export const REFORM_MONTH = '2025-07';

interface Ref {
  name: string;
  code: string;
}

export interface PlaceFields {
  name: string;
  level: 'district' | 'commune';
  code: string | null;
  era: Era;
  province: Ref | null;
  candidates?: Ref[];
  successors?: Successor[];
  currentProvince?: Ref | null;
  rule: string;
  spans: Span[];
}

export interface PlaceContext {
  /** The article's date, ISO (`2024-12`, `2025-08-14`), or null. */
  date: string | null;
  /** Provinces the article names: their codes before 1 July 2025 and since. */
  named: { before: readonly string[]; since: readonly string[] };
  provinces: ProvinceRules;
  places: PlaceRules;
}

/** Between a commune and the district written right after it: a comma, a bracket or a dash. */
const NEIGHBOURS = /^\s*[,(–-]?\s*$/u;

export function resolvePlaces(mentions: readonly PlaceMention[], text: string, ctx: PlaceContext): PlaceFields[] {
  const era: Era = ctx.date !== null && ctx.date >= REFORM_MONTH ? 'since-2025-07-01' : 'before-2025-07-01';
  const named = (u: PlaceUnit) => (u.era === 'since-2025-07-01' ? ctx.named.since : ctx.named.before).includes(u.provinceCode);
  const options = mentions.map((m) => {
    const inEra = m.units.filter((u) => u.era === era);
    const otherNamed = m.units.filter((u) => u.era !== era && named(u));
    return inEra.length === 0 ? [...m.units] : !inEra.some(named) && otherNamed.length > 0 ? otherNamed : inEra;
  });

  // An old unit merged into a new one another mention settles on (`Xã An Nghĩa được thành lập trên cơ sở sáp nhập
  // xã Phú Thành, xã Phú Nghĩa ...`) is that old unit, whatever the era of the article's date (a name may settle,
  // wrongly, on a new unit of its own elsewhere); a new unit's own mention, though an old unit of its name merged
  // into it, stays new.
  const settledNew = (units: readonly PlaceUnit[]) => (units.length === 1 && units[0]!.era === 'since-2025-07-01' ? units[0]!.code : null);
  const newUnits = new Set(options.map(settledNew).filter((code) => code !== null));
  mentions.forEach((m, i) => {
    const own = settledNew(options[i]!);
    const merged = m.units.filter((u) => u.era === 'before-2025-07-01' && u.links.some(([code]) => code !== own && newUnits.has(code)));
    if (merged.length > 0) options[i] = merged;
  });

  // A commune and the district right after it.
  for (let i = 0; i + 1 < mentions.length; i++) {
    if (!NEIGHBOURS.test(text.slice(mentions[i]!.span[1], mentions[i + 1]!.span[0]))) continue;
    const communes = options[i]!.filter((u) => u.districtCode !== null);
    const districts = options[i + 1]!.filter((u) => u.level === 'district' && communes.some((c) => c.districtCode === u.code));
    if (districts.length === 0) continue;
    options[i] = communes.filter((c) => districts.some((d) => d.code === c.districtCode));
    options[i + 1] = districts;
  }

  const known = { before: new Set(ctx.named.before), since: new Set(ctx.named.since), districts: new Set<string>() };
  const currentOf = (code: string) => ctx.provinces.units.find((u) => u.code === code)?.current;
  const learn = (u: PlaceUnit) => {
    if (u.era === 'since-2025-07-01') known.since.add(u.provinceCode);
    else {
      known.before.add(u.provinceCode);
      const current = currentOf(u.provinceCode);
      if (current) known.since.add(current.code);
      if (u.level === 'district') known.districts.add(u.code);
    }
  };
  const narrow = (units: PlaceUnit[], keep: (u: PlaceUnit) => boolean) => {
    const kept = units.filter(keep);
    return kept.length > 0 ? kept : units;
  };
  // the districts of the settled communes of each list, kept up to date as communes settle
  const listed = new Map<number, Set<string | null>>();
  const settle = (i: number, unit: PlaceUnit) => {
    learn(unit);
    const list = mentions[i]!.list;
    if (list === null) return;
    if (!listed.has(list)) listed.set(list, new Set());
    listed.get(list)!.add(unit.districtCode);
  };
  options.forEach((units, i) => units.length === 1 && settle(i, units[0]!));
  for (let changed = true; changed; ) {
    changed = false;
    options.forEach((units, i) => {
      if (units.length < 2) return;
      const list = mentions[i]!.list;
      const districts = list === null ? undefined : listed.get(list);
      let kept = narrow(units, (u) => u.districtCode !== null && districts !== undefined && districts.has(u.districtCode));
      kept = narrow(kept, (u) => u.districtCode !== null && known.districts.has(u.districtCode));
      kept = narrow(kept, (u) => (u.era === 'since-2025-07-01' ? known.since : known.before).has(u.provinceCode));
      if (kept.length === units.length) return;
      options[i] = kept;
      changed = true;
      if (kept.length === 1) settle(i, kept[0]!);
    });
  }

  // One place per unit (or per name, when the unit is not settled).
  const byKey = new Map<string, PlaceFields>();
  mentions.forEach((m, i) => {
    const units = options[i]!;
    const unit = units[0]!;
    const key = units.length === 1 ? `${unit.era}/${unit.level}/${unit.code}` : `?${unit.era}/${units.map((u) => u.code).join(',')}`;
    const seen = byKey.get(key);
    if (seen) seen.spans.push(m.span);
    else byKey.set(key, { ...describe(units, ctx), rule: m.rule.id, spans: [m.span] });
  });
  return [...byKey.values()];
}

function describe(units: readonly PlaceUnit[], { provinces, places }: PlaceContext): Omit<PlaceFields, 'rule' | 'spans'> {
  const unit = units[0]!;
  const provinceOf = (u: PlaceUnit): Ref => {
    if (u.era === 'since-2025-07-01') {
      const current = provinces.units.find((p) => p.current.code === u.provinceCode)!.current;
      return { name: current.name, code: current.code };
    }
    const p = provinces.units.find((p) => p.code === u.provinceCode)!;
    return { name: p.name, code: p.code };
  };
  const currentOf = (u: PlaceUnit): Ref => provinces.units.find((p) => p.code === u.provinceCode)!.current;
  const refs = uniqueRefs(units.map(provinceOf));
  const settled = units.length === 1;
  const fields: Omit<PlaceFields, 'rule' | 'spans'> = {
    name: unit.name,
    level: unit.level,
    code: settled ? unit.code : null,
    era: unit.era,
    province: refs.length === 1 ? refs[0]! : null,
  };
  if (refs.length > 1) fields.candidates = refs;
  if (unit.era === 'before-2025-07-01') {
    if (settled && unit.links.length > 0) fields.successors = places.successorsOf(unit);
    const current = uniqueRefs(units.map(currentOf));
    fields.currentProvince = current.length === 1 ? current[0]! : null;
  }
  return fields;
}

function uniqueRefs(refs: readonly Ref[]): Ref[] {
  const byCode = new Map(refs.map((r) => [r.code, r]));
  return [...byCode.values()];
}
