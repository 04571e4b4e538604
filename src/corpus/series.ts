/**
 * Series: what the corpus says for each fact (indicator id, place, period),
 * with every value stated and the articles that state it; and, for charts,
 * the facts of one indicator and place over time.
 */
import type { Db } from '../db/open.js';

export interface SeriesValue {
  value: number;
  unit: string;
  kind: string;
  qualifier: string | null;
  files: string[];
}

export interface FactRow {
  indicatorId: string;
  place: string | null;
  placeCode: string | null;
  placeLevel: string | null;
  period: string | null;
  periodGrain: string | null;
  values: SeriesValue[];
}

/** One row per fact, ordered by indicator id, place and period. */
export function seriesRows(db: Db): FactRow[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.indicator_id, f.place_name, f.place_code, f.place_level, f.period, f.period_grain, m.value, m.unit, m.kind, m.qualifier, a.file
       FROM facts f JOIN article_metrics m ON m.fact_id = f.id JOIN articles a ON a.id = m.article_id
       ORDER BY f.indicator_id, f.place_name, f.place_code, f.period, f.id, m.kind, m.unit, m.value, a.file`,
    )
    .all() as Array<{ id: number; indicator_id: string; place_name: string | null; place_code: string | null; place_level: string | null; period: string | null; period_grain: string | null; value: number; unit: string; kind: string; qualifier: string | null; file: string }>;
  const facts = new Map<number, FactRow>();
  for (const r of rows) {
    let fact = facts.get(r.id);
    if (!fact) {
      fact = { indicatorId: r.indicator_id, place: r.place_name, placeCode: r.place_code, placeLevel: r.place_level, period: r.period, periodGrain: r.period_grain, values: [] };
      facts.set(r.id, fact);
    }
    const same = fact.values.find((v) => v.value === r.value && v.unit === r.unit && v.kind === r.kind && v.qualifier === r.qualifier);
    if (same) {
      if (!same.files.includes(r.file)) same.files.push(r.file);
    } else {
      fact.values.push({ value: r.value, unit: r.unit, kind: r.kind, qualifier: r.qualifier, files: [r.file] });
    }
  }
  return [...facts.values()];
}

export const SERIES_COLUMNS = ['indicator_id', 'place', 'place_code', 'period', 'period_grain', 'values', 'sources'] as const;

/** A row's cells, in SERIES_COLUMNS order: values as `VALUE UNIT` (with kind and qualifier when they say more), sources as files. */
export function seriesCells(row: FactRow): Array<string | null> {
  const values = row.values.map((v) => [v.qualifier, `${v.value} ${v.unit}`, v.kind === 'level' ? null : `(${v.kind})`].filter(Boolean).join(' '));
  const files = [...new Set(row.values.flatMap((v) => v.files))];
  return [row.indicatorId, row.place, row.placeCode, row.period, row.periodGrain, values.join(' | '), files.join(' | ')];
}

/** One indicator at one place, of one kind, unit and grain of period, over two or more periods. */
export interface Series {
  indicatorId: string;
  place: string | null;
  kind: string;
  unit: string;
  grain: string | null;
  /** By period start; the value most articles state (the first of equals), and how many values were stated. */
  points: Array<{ period: string; start: number; value: number; stated: number }>;
}

export function chartSeries(rows: readonly FactRow[]): Series[] {
  const series = new Map<string, Series>();
  for (const row of rows) {
    if (row.period === null) continue;
    const start = periodStart(row.period);
    if (start === null) continue;
    for (const [kindUnit, values] of groupValues(row.values)) {
      const { kind, unit } = values[0]!;
      const key = JSON.stringify([row.indicatorId, row.placeCode ?? row.place, kindUnit, row.periodGrain]);
      const s = series.get(key) ?? { indicatorId: row.indicatorId, place: row.place, kind, unit, grain: row.periodGrain, points: [] };
      const best = values.reduce((a, b) => (b.files.length > a.files.length ? b : a));
      s.points.push({ period: row.period, start, value: best.value, stated: values.length });
      series.set(key, s);
    }
  }
  return [...series.values()].filter((s) => s.points.length > 1).map((s) => ({ ...s, points: s.points.sort((a, b) => a.start - b.start) }));
}

function groupValues(values: readonly SeriesValue[]): Map<string, SeriesValue[]> {
  const out = new Map<string, SeriesValue[]>();
  for (const v of values) {
    const key = `${v.kind} ${v.unit}`;
    out.set(key, [...(out.get(key) ?? []), v]);
  }
  return out;
}

/**
 * When a period (an ISO date value as in records: `2024`, `2024-11`,
 * `2024-11-30`, `2025-Q1`, `2024-H2`, `2024-01/2024-09`) begins, in seconds
 * since 1970 (UTC); null for a value without a known year.
 */
export function periodStart(period: string): number | null {
  const m = /^(\d{4})(?:-(?:Q([1-4])|H([12])|(\d{2}))(?:-(\d{2}))?)?(?:\/.*)?$/.exec(period);
  if (!m) return null;
  const month = m[2] ? (Number(m[2]) - 1) * 3 : m[3] ? (Number(m[3]) - 1) * 6 : m[4] ? Number(m[4]) - 1 : 0;
  return Date.UTC(Number(m[1]), month, m[5] ? Number(m[5]) : 1) / 1000;
}
