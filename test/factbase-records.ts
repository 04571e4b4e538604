/**
 * Small hand-written records for the fact-base tests, with the fields other
 * issues are adding (places, a metric's indicator id, period and place,
 * implied provinces), so linking, conflicts and series are exercised now.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../src/db/open.js';

type Json = Record<string, unknown>;

export const THANH_HOA = { name: 'Thanh Hóa', code: '38', level: 'province' };

/** A record of `file` published in `month`; its sha256 follows `version` so a new version is a changed text. */
export function record(file: string, month: string, entities: Json = {}, version = 'v1'): Json {
  return {
    file,
    title: null,
    source: null,
    author: null,
    published: month,
    referenceDate: month,
    referenceDateSource: 'header',
    provinces: [{ text: 'Thanh Hóa', span: [0, 9], spans: [[0, 9]], rule: 'gazetteer', name: 'Thanh Hóa', code: '38', era: 'before-2025-07-01', current: { name: 'Thanh Hóa', code: '38' }, mentions: 1, primary: true }],
    primaryProvince: { name: 'Thanh Hóa', code: '38', current: { name: 'Thanh Hóa', code: '38' } },
    places: [],
    officials: [],
    documents: [],
    dates: [],
    metrics: [],
    warnings: [],
    sha256: createHash('sha256').update(`${file} ${version}`).digest('hex'),
    extractorVersion: '0.1.0',
    rulesHash: 'a'.repeat(64),
    ...entities,
  };
}

export function document(id: string, fields: Json, at = 100): Json {
  return { text: `Nghị quyết ${id}`, span: [at, at + 20], spans: [[at, at + 20]], rule: 'party-symbol', id, type: 'Nghị quyết', number: id.split('-')[0], year: null, issuer: null, date: null, subject: null, written: [id], ...fields };
}

export function official(name: string, titles: string[], organization: string | null, at = 200): Json {
  return { text: name, span: [at, at + name.length], spans: [[at, at + name.length]], rule: 'name-then-title', name, honorific: 'ông', titles, organization };
}

export function metric(indicatorId: string | null, value: number, period: string | null, fields: Json = {}, at = 300): Json {
  return {
    text: `${value}`,
    span: [at, at + 5],
    spans: [[at, at + 5]],
    rule: 'number-unit',
    value,
    unit: 'VND',
    indicator: 'Doanh thu công nghệ thông tin',
    kind: 'level',
    qualifier: null,
    indicatorId,
    period: period === null ? null : { value: period, grain: /Q/.test(period) ? 'quarter' : period.length === 4 ? 'year' : 'range' },
    place: THANH_HOA,
    ...fields,
  };
}

export function place(name: string, code: string, at = 400): Json {
  return {
    text: name.toLowerCase(),
    span: [at, at + name.length],
    spans: [[at, at + name.length]],
    rule: 'unit-word',
    name,
    level: 'district',
    code,
    era: 'before-2025-07-01',
    province: { name: 'Thanh Hóa', code: '38' },
    currentProvince: { name: 'Thanh Hóa', code: '38' },
  };
}

export const jsonl = (records: readonly Json[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

/** Every table's rows, in order: two equal dumps are the same database. */
export function dump(db: Db): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>;
  const rows = Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
  return { ...rows, '(schema)': db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all(), '(version)': [db.pragma('user_version', { simple: true })] };
}
