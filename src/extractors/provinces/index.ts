/**
 * Provinces: every mention of a province-level unit, grouped per unit, with
 * its statistics-office code and the unit that holds its territory today.
 *
 * Recognition is a gazetteer match (names and aliases from the rule file) with
 * context checks on the words before the name: below-province place words
 * (`huyện`, `phường`, `TP` before a city that is not centrally run), personal
 * names (a capitalised run that starts with a surname, or a person marker),
 * and exclusion phrases. Which list of units a name resolves against depends
 * on the article's date: after 1 July 2025 a name that is also a new unit's
 * name is that new unit.
 *
 * A name inside a place below the province (`thị xã Quảng Yên`, `TP Thanh
 * Hóa`, found by the places extractor, which runs first) is not a mention.
 * An article that names no province is filed under the province its places
 * name: it is added with no mention and marked `implied`.
 */
import type { Found, Span } from '../../model/entity.js';
import type { NameRules } from '../../rules/names.js';
import type { TokenStream } from '../../tokenize/index.js';
import { personNameBefore } from '../../tokenize/person-names.js';
import type { EntityModule, ExtractContext, ResolveContext } from '../types.js';
import { impliedProvinces } from './implied.js';
import { provinceRules, type Unit } from './rules.js';
import { PrimaryProvinceFields, ProvinceSchema, type Province } from './schema.js';
import { provincesCsv, provincesGold, provincesHtml } from './view.js';

interface Mention {
  unit: Unit;
  span: Span;
}

const MERGER_DATE = '2025-07';

export const provincesModule: EntityModule<'provinces', 'places', 'places'> = {
  type: 'provinces',
  schema: ProvinceSchema,
  rules: provinceRules,
  needs: ['places'],

  extract(ctx) {
    const mentions = findMentions(ctx);
    const byUnit = new Map<string, Mention[]>();
    for (const m of mentions) {
      const group = byUnit.get(m.unit.id);
      // (pushed, not copied: a page naming one province thousands of times costs linear time)
      if (group) group.push(m);
      else byUnit.set(m.unit.id, [m]);
    }
    return [...byUnit.values()].map((group) => {
      const unit = group[0]!.unit;
      return {
        name: unit.name,
        code: unit.code,
        era: 'before-2025-07-01',
        current: unit.current,
        mentions: group.length,
        primary: false,
        spans: group.map((m) => m.span),
        rule: 'gazetteer',
      } satisfies Found<Province>;
    });
  },

  resolve: { needs: ['places'], run: resolveProvinces },

  recordFields: {
    schema: PrimaryProvinceFields,
    of: (provinces) => {
      const primary = provinces.find((p) => p.primary);
      return { primaryProvince: primary ? { name: primary.name, code: primary.code, current: primary.current } : null };
    },
  },
  csv: provincesCsv,
  html: provincesHtml,
  gold: provincesGold,
};

/** After 1 July 2025 a name that is also a new unit's name is that new unit; then the primary province is chosen. */
function resolveProvinces(provinces: Found<Province>[], ctx: ResolveContext<'provinces', 'places'>): Found<Province>[] {
    const date = ctx.doc.published ?? ctx.referenceDate.value;
    const merged = date !== null && date >= MERGER_DATE;
    const units = ctx.rules.provinces.units;
    const resolved = provinces.map((p) => {
      const unit = units.find((u) => u.code === p.code)!;
      return merged && unit.later
        ? { ...p, name: unit.later.name, code: unit.later.code, era: 'since-2025-07-01' as const, current: { name: unit.later.name, code: unit.later.code } }
        : p;
    });
    if (resolved.length > 0) return markPrimary(resolved, ctx);
    const implied = impliedProvinces(ctx.found.places, ctx.rules.provinces);
    return oneProvinceToday(implied) ? impliedPrimary(implied, merged) : markPrimary(implied, ctx);
}

function oneProvinceToday(provinces: readonly Found<Province>[]): boolean {
  return provinces.length > 0 && new Set(provinces.map((p) => p.current.code)).size === 1;
}

/**
 * An article that names no province, whose places all lie in one province
 * today (a new commune and the old ones merged into it), is about it as of its
 * date: the new province after 1 July 2025, the old one before.
 */
function impliedPrimary(provinces: Found<Province>[], merged: boolean): Found<Province>[] {
  const era = merged ? 'since-2025-07-01' : 'before-2025-07-01';
  const subject = provinces.find((p) => p.era === era) ?? provinces[0];
  return provinces.map((p) => ({ ...p, primary: p === subject }));
}

function findMentions(ctx: ExtractContext<'provinces', 'places'>): Mention[] {
  const { text } = ctx.doc;
  const rules = ctx.rules.provinces;
  const names = ctx.rules.names;
  const places = ctx.found.places.flatMap((p) => p.spans);
  const out: Mention[] = [];
  for (const m of text.matchAll(rules.matcher)) {
    const form = rules.forms.get(m[0])!;
    const start = m.index;
    const end = start + m[0].length;
    if (places.some(([s, e]) => s < end && start < e)) continue;
    const before = text.slice(Math.max(0, start - 60), start);
    if (rules.exclusions.some((phrase) => covers(text, start, end, phrase))) continue;
    if (endsWithWord(before, rules.subUnitWords)) continue;
    if (!form.unit.centrallyRun && !(form.unit.later?.centrallyRun ?? false) && endsWithWord(before, rules.cityWords)) continue;
    if (form.needsUnitWord && !endsWithWord(before, rules.unitWords)) continue;
    if (endsWithWord(before, names.personMarkers)) continue;
    if (endsPersonalName(ctx.doc.stream, start, names)) continue;
    out.push({ unit: form.unit, span: [start, end] });
  }
  return out;
}

/**
 * Whether `text[start, end)` lies inside an occurrence of `phrase`. Only the
 * window an occurrence could stand in is searched, so the cost does not grow
 * with the text after the name.
 */
function covers(text: string, start: number, end: number, phrase: string): boolean {
  const from = Math.max(0, end - phrase.length);
  const window = text.slice(from, start + phrase.length);
  for (let at = window.indexOf(phrase); at >= 0 && from + at <= start; at = window.indexOf(phrase, at + 1)) {
    if (from + at + phrase.length >= end) return true;
  }
  return false;
}

/**
 * Whether `before` ends with one of `words` (as a whole word) and a space;
 * a word that ends with a dot (`TP.`) may also be attached.
 */
export function endsWithWord(before: string, words: readonly string[]): boolean {
  const trimmed = before.replace(/\s+$/u, '');
  const spaced = trimmed.length < before.length;
  return words.some(
    (w) => (spaced || w.endsWith('.')) && trimmed.endsWith(w) && !/[\p{L}\p{M}\p{N}]/u.test(trimmed.charAt(trimmed.length - w.length - 1)),
  );
}

/** Whether the name at `offset` ends a personal name: the name syllables right before it begin with a surname (`Nguyễn Thái Bình`). */
function endsPersonalName(stream: TokenStream, offset: number, names: NameRules): boolean {
  return personNameBefore(stream, stream.indexAt(offset), names, names.syllables.beforePlace) !== null;
}

function markPrimary(provinces: Found<Province>[], ctx: ResolveContext<'provinces', 'places'>): Found<Province>[] {
  if (provinces.length === 0) return provinces;
  const { title, sentences } = ctx.doc;
  const weights = ctx.rules.provinces.primary;
  const lead = sentences.filter(([s]) => !title || s >= title.span[1]).slice(0, weights.leadSentences);
  const inside = (span: Span, [s, e]: Span) => span[0] >= s && span[1] <= e;
  const score = (p: Found<Province>) =>
    p.spans.reduce(
      (sum, span) =>
        sum + 1 + (title && inside(span, title.span) ? weights.titleWeight : 0) + (lead.some((l) => inside(span, l)) ? weights.leadWeight : 0),
      0,
    );
  let best = provinces[0]!;
  for (const p of provinces) {
    const first = (q: Found<Province>) => q.spans[0]?.[0] ?? Infinity;
    if (score(p) > score(best) || (score(p) === score(best) && first(p) < first(best))) best = p;
  }
  // a roundup of many provinces, none above the others or none named in a fair share of the mentions, has no subject province
  const tied = provinces.filter((p) => score(p) === score(best)).length;
  const mentions = provinces.reduce((sum, p) => sum + p.spans.length, 0);
  const roundup = provinces.length >= weights.roundup.provinces && best.spans.length < weights.roundup.topShare * mentions;
  return provinces.map((p) => ({ ...p, primary: p === best && tied <= weights.maxTied && !roundup }));
}
