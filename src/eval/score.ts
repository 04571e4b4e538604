/**
 * Scoring records against gold files, as shared/spec/EXTRACTION.md ("Gold
 * files") and GOLD_FORMAT.md ("How a prediction matches a gold item") say:
 * each gold item matches at most one prediction and each prediction at most
 * one gold item; required items are matched first, then optional ones, and
 * predictions left over are false positives. Optional gold items cost nothing
 * either way.
 */
import { foldName, toTextForm } from '../normalize/forms.js';
import { ENTITY_TYPES, type ArticleRecord, type EntityType } from '../output/schema.js';
import type { ProvinceRules } from '../extractors/provinces/rules.js';
import type { Gold } from './gold.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** A secondary figure: a ratio of `hits` to `total` (accuracy), or a token-F1 as overlap/predicted/gold. */
export interface Ratio {
  hits: number;
  total: number;
}
export interface TokenF1 {
  overlap: number;
  predicted: number;
  gold: number;
}

export interface Match<G, P> {
  gold: G;
  predicted: P;
}

export interface TypeResult<G, P> {
  counts: Counts;
  matches: Array<Match<G, P>>;
  /** Required gold items no prediction matched. */
  missed: G[];
  /** Predictions that matched no gold item. */
  spurious: P[];
}

export interface ArticleScore {
  file: string;
  types: { [K in EntityType]: TypeResult<unknown, unknown> };
  secondary: Record<string, Ratio | TokenF1>;
}

/** Greedy one-to-one matching: required gold first, then optional; `better` breaks ties among candidates. */
export function matchItems<G extends { optional?: boolean | undefined }, P>(
  gold: readonly G[],
  predicted: readonly P[],
  same: (g: G, p: P) => boolean,
  better: (g: G, p: P) => number = () => 0,
): TypeResult<G, P> {
  const free = new Set(predicted.map((_, i) => i));
  const matches: Array<Match<G, P>> = [];
  const missed: G[] = [];
  let tp = 0;
  for (const pass of [false, true]) {
    for (const g of gold) {
      if (Boolean(g.optional) !== pass) continue;
      let best = -1;
      for (const i of free) {
        if (!same(g, predicted[i]!)) continue;
        if (best < 0 || better(g, predicted[i]!) > better(g, predicted[best]!)) best = i;
      }
      if (best >= 0) {
        free.delete(best);
        matches.push({ gold: g, predicted: predicted[best]! });
        if (!pass) tp++;
      } else if (!pass) missed.push(g);
    }
  }
  const spurious = [...free].map((i) => predicted[i]!);
  return { counts: { tp, fp: spurious.length, fn: missed.length }, matches, missed, spurious };
}

/** Document ids compare without spaces, with every dash as `-`, case-folded. */
export function foldDocumentId(id: string): string {
  return toTextForm(id).replace(/\s+/g, '').replace(/[‐‑‒–—―−]/g, '-').toLocaleLowerCase('vi');
}

/** A quarter or half-year equals its month range. */
export function foldDateValue(value: string): string {
  return value
    .split('/')
    .map((part) => {
      const q = /^(\d{4}|XXXX)-Q([1-4])$/.exec(part);
      if (q) return `${q[1]}-${pad(Number(q[2]) * 3 - 2)}/${q[1]}-${pad(Number(q[2]) * 3)}`;
      const h = /^(\d{4}|XXXX)-H([12])$/.exec(part);
      if (h) return h[2] === '1' ? `${h[1]}-01/${h[1]}-06` : `${h[1]}-07/${h[1]}-12`;
      return part;
    })
    .join('/')
    .replace(/^([^/]+)\/\1$/, '$1');
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Units compare case-folded; a counted noun matches the same noun with more or
 * fewer trailing words (`trạm` ~ `trạm BTS`, `sở` ~ `sở, ban, ngành`).
 */
export function unitsMatch(gold: string | readonly string[], predicted: string): boolean {
  const words = (u: string) => foldName(u).split(/[\s,;/]+/).filter(Boolean);
  const p = words(predicted);
  return (typeof gold === 'string' ? [gold] : gold).some((g) => {
    const w = words(g);
    const n = Math.min(w.length, p.length);
    return n > 0 && w.slice(0, n).join(' ') === p.slice(0, n).join(' ');
  });
}

/** Token overlap of two phrases (multisets of case-folded words). */
export function tokenOverlap(gold: string, predicted: string): TokenF1 {
  const tokens = (s: string) => foldName(s).split(/[^\p{L}\p{M}\p{N}&]+/u).filter(Boolean);
  const g = tokens(gold);
  const p = tokens(predicted);
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of p) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(t, n - 1);
    }
  }
  return { overlap, predicted: p.length, gold: g.length };
}

const tokenF1Value = ({ overlap, predicted, gold }: TokenF1) => (predicted + gold === 0 ? 1 : (2 * overlap) / (predicted + gold));

export function scoreArticle(record: ArticleRecord, gold: Gold, gazetteer: ProvinceRules): ArticleScore {
  const unitOf = (name: string) => gazetteer.lookup(name)?.id ?? foldName(name);
  const secondary: Record<string, Ratio | TokenF1> = {};
  const ratio = (key: string, hit: boolean) => {
    const r = (secondary[key] ??= { hits: 0, total: 0 }) as Ratio;
    r.total++;
    if (hit) r.hits++;
  };
  const addTokens = (key: string, t: TokenF1) => {
    const s = (secondary[key] ??= { overlap: 0, predicted: 0, gold: 0 }) as TokenF1;
    s.overlap += t.overlap;
    s.predicted += t.predicted;
    s.gold += t.gold;
  };

  // provinces: canonical names as a set, through the gazetteer; primary separately
  // one item per unit, named as the gold file first names it (reports show the name)
  const goldProvinces: Array<{ unit: string; name: string; optional: boolean }> = [];
  for (const [names, optional] of [[gold.provinces.mentioned, false], [gold.provinces.optional, true]] as const) {
    for (const name of names) if (!goldProvinces.some((g) => g.unit === unitOf(name))) goldProvinces.push({ unit: unitOf(name), name, optional });
  }
  // a province implied by the places of an article that names none is no mention
  const provinces = matchItems(goldProvinces, record.provinces.filter((p) => !p.implied), (g, p) => g.unit === unitOf(p.name));
  ratio('provinces.primary accuracy', (gold.provinces.primary ? unitOf(gold.provinces.primary) : null) === (record.primaryProvince ? unitOf(record.primaryProvince.name) : null));

  // places: names with their unit word as a set; the province on the matched names
  const places = matchItems(gold.places, dedupe(record.places, (p) => foldName(p.name)), (g, p) => foldName(g.name) === foldName(p.name));
  for (const { gold: g, predicted: p } of places.matches) {
    if (g.province !== undefined) ratio('places.province accuracy', (g.province === null ? null : unitOf(g.province)) === (p.province ? unitOf(p.province.name) : null));
  }

  // officials: names as a set; titles on the matched names
  const officials = matchItems(gold.officials, dedupe(record.officials, (o) => foldName(o.name)), (g, p) => foldName(g.name) === foldName(p.name));
  for (const { gold: g, predicted: p } of officials.matches) {
    addTokens('officials.title token-F1', tokenOverlap(g.titles.join(' ; '), p.titles.join(' ; ')));
    if (g.honorific !== undefined) ratio('officials.honorific accuracy', (g.honorific ?? null) === p.honorific);
  }

  // documents: ids as a set; date, type and issuer on the matched ids
  const ids = (id: string | readonly string[]) => (typeof id === 'string' ? [id] : id).map(foldDocumentId);
  const documents = matchItems(gold.documents, dedupe(record.documents, (d) => foldDocumentId(d.id)), (g, p) => ids(g.id).includes(foldDocumentId(p.id)));
  for (const { gold: g, predicted: p } of documents.matches) {
    if (g.date !== undefined) ratio('documents.date accuracy', (g.date ?? null) === p.date);
    if (g.type !== undefined) ratio('documents.type accuracy', foldName(g.type ?? '') === foldName(p.type));
    if (g.issuer !== undefined) ratio('documents.issuer accuracy', foldName(g.issuer ?? '') === foldName(p.issuer ?? ''));
  }

  // dates: values as a multiset
  const dates = matchItems(gold.dates, record.dates, (g, p) => foldDateValue(g.value) === foldDateValue(p.value), (g, p) => (g.text === p.text ? 1 : 0));

  // metrics: (value, unit) as a multiset; indicator overlap on the matched pairs
  const metrics = matchItems(
    gold.metrics,
    record.metrics,
    (g, p) => Math.abs(Math.abs(g.value) - Math.abs(p.value)) < 1e-9 && unitsMatch(g.unit, p.unit),
    (g, p) => (g.text === p.text ? 1 : 0) + tokenF1Value(tokenOverlap(g.indicator ?? '', p.indicator ?? '')),
  );
  for (const { gold: g, predicted: p } of metrics.matches) {
    if (g.indicator) addTokens('metrics.indicator token-F1', tokenOverlap(g.indicator, p.indicator ?? ''));
    if (g.kind) ratio('metrics.kind accuracy', g.kind === p.kind);
    if (g.qualifier !== undefined) ratio('metrics.qualifier accuracy', (g.qualifier ?? null) === p.qualifier);
  }

  for (const field of ['title', 'source', 'author'] as const) {
    if (gold[field] !== undefined) ratio(`article.${field} accuracy`, (gold[field] ?? null) === record[field]);
  }
  if (gold.referenceDate !== undefined) ratio('article.referenceDate accuracy', (gold.referenceDate ?? null) === record.referenceDate);

  return { file: record.file, types: { provinces, places, officials, documents, dates, metrics } as ArticleScore['types'], secondary };
}

function dedupe<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

export interface Summary {
  articles: number;
  types: { [K in EntityType]: Counts & { precision: number; recall: number; f1: number } };
  secondary: Record<string, { value: number } & (Ratio | TokenF1)>;
}

export function summarize(scores: readonly ArticleScore[]): Summary {
  const types = {} as Summary['types'];
  for (const type of ENTITY_TYPES) {
    const c = scores.reduce<Counts>((sum, s) => ({ tp: sum.tp + s.types[type].counts.tp, fp: sum.fp + s.types[type].counts.fp, fn: sum.fn + s.types[type].counts.fn }), { tp: 0, fp: 0, fn: 0 });
    const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
    const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
    types[type] = { ...c, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
  }
  const secondary: Summary['secondary'] = {};
  for (const s of scores) {
    for (const [key, v] of Object.entries(s.secondary)) {
      if ('hits' in v) {
        const acc = (secondary[key] ??= { hits: 0, total: 0, value: 0 }) as Ratio & { value: number };
        acc.hits += v.hits;
        acc.total += v.total;
        acc.value = acc.total ? acc.hits / acc.total : 1;
      } else {
        const acc = (secondary[key] ??= { overlap: 0, predicted: 0, gold: 0, value: 0 }) as TokenF1 & { value: number };
        acc.overlap += v.overlap;
        acc.predicted += v.predicted;
        acc.gold += v.gold;
        acc.value = tokenF1Value(acc);
      }
    }
  }
  return { articles: scores.length, types, secondary };
}
