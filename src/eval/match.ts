/**
 * Scoring primitives, as shared/spec/GOLD_FORMAT.md ("How a prediction
 * matches a gold item") says: one-to-one matching of gold items and
 * predictions, the folds names, ids, dates and units compare under, and the
 * secondary figures (accuracies and token-F1) scored on matched pairs. Each
 * entity type's module scores its own field of a gold file with these.
 */
import { foldName, toTextForm } from '../normalize/forms.js';

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

export const tokenF1Value = ({ overlap, predicted, gold }: TokenF1) => (predicted + gold === 0 ? 1 : (2 * overlap) / (predicted + gold));

/** Secondary figures of one article, by name: accuracies and token-F1s on matched pairs. */
export class Figures {
  readonly values: Record<string, Ratio | TokenF1> = {};

  /** Counts one matched pair for an accuracy. */
  ratio(key: string, hit: boolean): void {
    const r = (this.values[key] ??= { hits: 0, total: 0 }) as Ratio;
    r.total++;
    if (hit) r.hits++;
  }

  /** Adds one matched pair's token overlap to a token-F1. */
  tokens(key: string, t: TokenF1): void {
    const s = (this.values[key] ??= { overlap: 0, predicted: 0, gold: 0 }) as TokenF1;
    s.overlap += t.overlap;
    s.predicted += t.predicted;
    s.gold += t.gold;
  }
}

/** Items with a distinct key, the first of each. */
export function dedupe<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}
