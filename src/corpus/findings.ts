/**
 * The consistency report over a fact base: where articles disagree.
 *
 *  - a document whose issue date, type or issuer differs between articles;
 *  - an official (one name) given titles in the same organisation that cannot
 *    both hold in the same month (`Giám đốc` and `Phó Giám đốc Sở Y tế`);
 *  - a fact (indicator id, place, period) reported with values of the same
 *    kind and unit that cannot both be right.
 *
 * Only statements disagree: a value one article leaves out (a null date) is
 * no conflict, nor is a less precise form of the same value (`2022-11` and
 * `2022-11-10`; `Tỉnh ủy` and `Ban Thường vụ Tỉnh ủy`; `gần 80%` and `79,5%`).
 * Each finding lists each value with the articles and spans that state it.
 */
import type { Db } from '../db/open.js';
import { titleKey } from '../db/link.js';

/** Where an article states a value: its file, the mention's text and spans. */
export interface Source {
  file: string;
  text: string | null;
  spans: Array<[number, number]>;
}

export interface StatedValue {
  value: string | number;
  sources: Source[];
}

export type Finding =
  | { finding: 'document'; document: string; field: DocumentField; values: StatedValue[] }
  | { finding: 'official-titles'; name: string; month: string; organization: string; values: StatedValue[] }
  | { finding: 'fact'; indicatorId: string; place: string; placeCode: string | null; period: string; kind: string; unit: string; values: StatedValue[] };

const DOCUMENT_FIELDS = ['date', 'type', 'issuer'] as const;
type DocumentField = (typeof DOCUMENT_FIELDS)[number];

/** Every finding, documents first, then officials, then facts, each in a stable order. */
export function consistencyFindings(db: Db): Finding[] {
  const spans = spanReader(db);
  return [...documentFindings(db, spans), ...officialFindings(db, spans), ...factFindings(db, spans)];
}

type SpanReader = (type: string, row: number) => Array<[number, number]>;

function spanReader(db: Db): SpanReader {
  const statement = db.prepare('SELECT start, "end" FROM mention_spans WHERE entity_type = ? AND entity_row = ? ORDER BY position');
  return (type, row) => (statement.all(type, row) as Array<{ start: number; end: number }>).map((s) => [s.start, s.end]);
}

interface Stated {
  key: string;
  value: string | number;
  source: Source;
}

/**
 * The stated values grouped by key, in order of first appearance, when some
 * two articles disagree: nothing one of them states is compatible with
 * anything the other states. Otherwise null.
 */
function conflict(stated: readonly Stated[], compatible: (a: string, b: string) => boolean): StatedValue[] | null {
  const groups = new Map<string, StatedValue>();
  const byFile = new Map<string, Set<string>>();
  for (const s of stated) {
    const group = groups.get(s.key) ?? { value: s.value, sources: [] };
    group.sources.push(s.source);
    groups.set(s.key, group);
    byFile.set(s.source.file, (byFile.get(s.source.file) ?? new Set()).add(s.key));
  }
  const files = [...byFile.values()];
  const agree = (x: Set<string>, y: Set<string>) => [...x].some((a) => [...y].some((b) => compatible(a, b)));
  const disagree = files.some((x, i) => files.slice(i + 1).some((y) => !agree(x, y)));
  return disagree ? [...groups.values()] : null;
}

/** Two dates agree when one is the other or a less precise form of it. */
const datesAgree = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
/** Two names agree when one is the other or contained in it as whole words. */
const namesAgree = (a: string, b: string) => ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);

function documentFindings(db: Db, spans: SpanReader): Finding[] {
  const rows = db
    .prepare(
      `SELECT d.doc_id, ad.id AS row, a.file, ad.text, ad.date, ad.type, ad.issuer
       FROM documents d JOIN article_documents ad ON ad.document_id = d.id JOIN articles a ON a.id = ad.article_id
       WHERE d.id IN (SELECT document_id FROM article_documents GROUP BY document_id HAVING count(DISTINCT article_id) > 1)
       ORDER BY d.doc_id, a.file`,
    )
    .all() as Array<{ doc_id: string; row: number; file: string; text: string | null } & Record<DocumentField, string | null>>;
  const findings: Finding[] = [];
  for (const [document, cited] of groupBy(rows, (r) => r.doc_id)) {
    for (const field of DOCUMENT_FIELDS) {
      const stated = cited.flatMap((r) => {
        const value = r[field];
        return value === null ? [] : [{ key: field === 'date' ? value : titleKey(value), value, source: { file: r.file, text: r.text, spans: spans('documents', r.row) } }];
      });
      const values = conflict(stated, field === 'date' ? datesAgree : namesAgree);
      if (values) findings.push({ finding: 'document', document, field, values });
    }
  }
  return findings;
}

function officialFindings(db: Db, spans: SpanReader): Finding[] {
  const rows = db
    .prepare(
      `SELECT o.name, o.id AS official, ao.id AS row, ao.organization, ao.text, a.file, substr(coalesce(a.published, a.reference_date), 1, 7) AS month,
              (SELECT group_concat(title, '; ') FROM (SELECT title FROM article_official_titles t WHERE t.article_official_id = ao.id ORDER BY position)) AS titles
       FROM article_officials ao JOIN officials o ON o.id = ao.official_id JOIN articles a ON a.id = ao.article_id
       WHERE ao.organization IS NOT NULL AND coalesce(a.published, a.reference_date) IS NOT NULL
         AND o.name IN (SELECT name FROM officials GROUP BY name HAVING count(*) > 1)
       ORDER BY o.name, month, a.file`,
    )
    .all() as Array<{ name: string; official: number; row: number; organization: string; text: string | null; file: string; month: string; titles: string | null }>;
  const findings: Finding[] = [];
  for (const [, same] of groupBy(rows, (r) => JSON.stringify([r.name, r.month, titleKey(r.organization)]))) {
    // Different officials of one name are, by how they are linked, ones whose titles are incompatible.
    const stated = same.map((r) => ({ key: String(r.official), value: r.titles ?? '', source: { file: r.file, text: r.text, spans: spans('officials', r.row) } }));
    const values = conflict(stated, (a, b) => a === b);
    const first = same[0]!;
    if (values) findings.push({ finding: 'official-titles', name: first.name, month: first.month, organization: first.organization, values });
  }
  return findings;
}

interface MetricRow {
  fact: number;
  indicator_id: string;
  place_name: string;
  place_code: string | null;
  period: string;
  row: number;
  file: string;
  text: string | null;
  value: number;
  max: number | null;
  unit: string;
  kind: string;
  qualifier: string | null;
  direction: string | null;
}

function factFindings(db: Db, spans: SpanReader): Finding[] {
  const rows = db
    .prepare(
      `SELECT f.id AS fact, f.indicator_id, f.place_name, f.place_code, f.period, m.id AS row, a.file, m.text, m.value, m.max, m.unit, m.kind, m.qualifier, m.direction
       FROM facts f JOIN article_metrics m ON m.fact_id = f.id JOIN articles a ON a.id = m.article_id
       WHERE f.period IS NOT NULL AND f.place_name IS NOT NULL
         AND f.id IN (SELECT fact_id FROM article_metrics WHERE fact_id IS NOT NULL GROUP BY fact_id HAVING count(DISTINCT article_id) > 1)
       ORDER BY f.indicator_id, f.place_name, f.period, m.kind, m.unit, a.file, m.id`,
    )
    .all() as MetricRow[];
  const findings: Finding[] = [];
  for (const [, same] of groupBy(rows, (r) => JSON.stringify([r.fact, r.kind, r.unit]))) {
    const intervals = new Map<string, Interval>();
    const stated = same.map((r) => {
      const interval = valueInterval(r);
      const key = JSON.stringify(interval);
      intervals.set(key, interval);
      return { key, value: statedValue(r), source: { file: r.file, text: r.text, spans: spans('metrics', r.row) } };
    });
    const values = conflict(stated, (a, b) => overlap(intervals.get(a)!, intervals.get(b)!));
    const first = same[0]!;
    if (values) findings.push({ finding: 'fact', indicatorId: first.indicator_id, place: first.place_name, placeCode: first.place_code, period: first.period, kind: first.kind, unit: first.unit, values });
  }
  return findings;
}

/** The range of values a stated metric allows, signed by its direction. */
type Interval = [number, number];

/** How far `khoảng`, `ước` and `gần` let a value stray, as a share of it. */
const APPROXIMATE = 0.1;

function valueInterval(m: Pick<MetricRow, 'value' | 'max' | 'qualifier' | 'direction'>): Interval {
  const v = m.value;
  const slack = Math.abs(v) * APPROXIMATE;
  const bounds: Record<string, Interval> = {
    more_than: [v, Infinity],
    at_least: [v, Infinity],
    less_than: [-Infinity, v],
    at_most: [-Infinity, v],
    nearly: [v - slack, v],
    about: [v - slack, v + slack],
    estimated: [v - slack, v + slack],
  };
  const [low, high] = (m.qualifier && bounds[m.qualifier]) || [v, m.max ?? v];
  return m.direction === 'down' ? [-high, -low] : [low, high];
}

const overlap = (a: Interval, b: Interval) => a[0] <= b[1] && b[0] <= a[1];

function statedValue(m: Pick<MetricRow, 'value' | 'max' | 'qualifier' | 'direction'>): string {
  const range = m.max === null ? String(m.value) : `${m.value}-${m.max}`;
  return [m.qualifier, m.direction, range].filter(Boolean).join(' ');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
