/**
 * The fact base as a library: loading (idempotent, replacing changed
 * articles, one transaction), linking across articles, what counts as a
 * disagreement, series, and which files it refuses.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { consistencyFindings, type Finding } from '../src/corpus/findings.js';
import { chartSeries, periodStart, seriesCells, seriesRows } from '../src/corpus/series.js';
import { loadRecords } from '../src/db/load.js';
import { FactBaseError, openFactBase, type Db } from '../src/db/open.js';
import { LoadableRecordSchema } from '../src/db/record.js';
import { APPLICATION_ID, SCHEMA_VERSION } from '../src/db/schema.js';
import { document, dump, metric, official, place, record } from './factbase-records.js';

const dir = mkdtempSync(path.join(tmpdir(), 'factbase-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => openFactBase(path.join(dir, `db${++n}.sqlite`));
const load = (db: Db, records: Array<Record<string, unknown>>) => loadRecords(db, records.map((r) => LoadableRecordSchema.parse(r)));
const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('loading', () => {
  const a = record('a.txt', '2025-01', { documents: [document('06-NQ/TU', { date: '2022-11-10' })], places: [place('Huyện Cẩm Thủy', '390')] });
  const b = record('b.txt', '2025-02', { documents: [document('06-NQ/TU', { date: null })], places: [place('Huyện Cẩm Thủy', '390')] });

  it('sets WAL, foreign keys, the schema version and our application id', () => {
    const db = fresh();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('loads the same records twice without changing anything', async () => {
    const db = fresh();
    expect(await load(db, [a, b])).toEqual({ added: 2, replaced: 0, unchanged: 0, failed: 0 });
    const before = dump(db);
    expect(await load(db, [a, b])).toEqual({ added: 0, replaced: 0, unchanged: 2, failed: 0 });
    expect(dump(db)).toEqual(before);
    db.close();
  });

  it('replaces an article whose text, extractor version or rules hash changed, and drops what only it mentioned', async () => {
    const db = fresh();
    await load(db, [a, record('c.txt', '2025-01', { documents: [document('99-NQ/TU', {})] })]);
    const changed = [record('a.txt', '2025-01', {}, 'v2'), { ...record('c.txt', '2025-01'), rulesHash: 'b'.repeat(64) }];
    expect(await load(db, changed)).toEqual({ added: 0, replaced: 2, unchanged: 0, failed: 0 });
    expect(count(db, 'articles')).toBe(2);
    expect(count(db, 'documents')).toBe(0);
    expect(count(db, 'places')).toBe(0);
    expect(count(db, 'mention_spans')).toBe(2); // the two articles' province mentions
    const version = { ...record('a.txt', '2025-01', {}, 'v2'), extractorVersion: '0.2.0' };
    expect(await load(db, [version])).toMatchObject({ replaced: 1 });
    db.close();
  });

  it('keeps an article loaded before when its input now fails, and does not load error records', async () => {
    const db = fresh();
    await load(db, [a]);
    const failed = { ...record('a.txt', '2025-01'), sha256: null, rulesHash: null, provinces: [], primaryProvince: null, error: { code: 'ENOENT', message: 'no such file' } };
    expect(await load(db, [failed])).toEqual({ added: 0, replaced: 0, unchanged: 0, failed: 1 });
    expect(count(db, 'article_documents')).toBe(1);
    db.close();
  });

  it('rolls the whole load back when it fails halfway', async () => {
    const db = fresh();
    await load(db, [a]);
    const before = dump(db);
    async function* failing() {
      yield LoadableRecordSchema.parse(b);
      yield LoadableRecordSchema.parse(record('a.txt', '2025-01', {}, 'v2'));
      throw new Error('the input went away');
    }
    await expect(loadRecords(db, failing())).rejects.toThrow('the input went away');
    expect(dump(db)).toEqual(before);
    expect(db.inTransaction).toBe(false);
    db.close();
  });

  it('keeps every mention span, and an implied province with none', async () => {
    const db = fresh();
    const implied = { name: 'Hà Nội', code: '01', era: 'before-2025-07-01', current: { name: 'Hà Nội', code: '01' }, mentions: 0, primary: false, implied: true, spans: [] };
    await load(db, [record('d.txt', '2025-01', { provinces: [implied], documents: [document('06-NQ/TU', { spans: [[5, 25], [40, 60]] })] })]);
    expect(db.prepare("SELECT start, \"end\" FROM mention_spans WHERE entity_type = 'documents' ORDER BY position").all()).toEqual([{ start: 5, end: 25 }, { start: 40, end: 60 }]);
    expect(db.prepare('SELECT implied, mentions, text FROM article_provinces').get()).toEqual({ implied: 1, mentions: 0, text: null });
    db.close();
  });
});

describe('linking across articles', () => {
  it('makes one row of a document, a place, a province and a fact, linked to every article that mentions them', async () => {
    const db = fresh();
    const entities = () => ({
      documents: [document('06-NQ/TU', {})],
      places: [place('Huyện Cẩm Thủy', '390')],
      metrics: [metric('it-revenue', 838e9, '2024')],
    });
    await load(db, [record('a.txt', '2025-01', entities()), record('b.txt', '2025-02', entities())]);
    for (const table of ['documents', 'places', 'provinces', 'facts']) expect(count(db, table)).toBe(1);
    expect(db.prepare('SELECT count(DISTINCT article_id) AS n FROM article_places').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT file FROM document_citations ORDER BY file').all()).toEqual([{ file: 'a.txt' }, { file: 'b.txt' }]);
    expect(db.prepare('SELECT indicator_id, place, period, value, unit, kind FROM metric_facts ORDER BY file').all()).toEqual([
      { indicator_id: 'it-revenue', place: 'Thanh Hóa', period: '2024', value: 838e9, unit: 'VND', kind: 'level' },
      { indicator_id: 'it-revenue', place: 'Thanh Hóa', period: '2024', value: 838e9, unit: 'VND', kind: 'level' },
    ]);
    db.close();
  });

  it('keeps apart places of one code in two eras, facts of two periods, and metrics without an indicator id', async () => {
    const db = fresh();
    const later = { ...place('Xã Cẩm Thủy', '390'), era: 'since-2025-07-01' };
    await load(db, [record('a.txt', '2025-01', { places: [place('Huyện Cẩm Thủy', '390'), later], metrics: [metric('it-revenue', 1, '2024'), metric('it-revenue', 1, '2023'), metric(null, 1, '2024')] })]);
    expect(count(db, 'places')).toBe(2);
    expect(count(db, 'facts')).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM article_metrics WHERE fact_id IS NULL').get()).toEqual({ n: 1 });
    db.close();
  });

  it('makes one official of one name with compatible titles, and two when the titles cannot name one office', async () => {
    const db = fresh();
    await load(db, [
      record('a.txt', '2025-01', { officials: [official('Nguyễn Văn An', ['Giám đốc Sở Y tế tỉnh Thanh Hóa'], 'Sở Y tế tỉnh Thanh Hóa')] }),
      record('b.txt', '2025-03', { officials: [official('Nguyễn Văn An', ['Tỉnh ủy viên', 'Giám đốc Sở Y tế'], 'Sở Y tế')] }),
      record('c.txt', '2025-01', { officials: [official('Nguyễn Văn An', ['Phó Giám đốc Sở Y tế tỉnh Thanh Hóa'], 'Sở Y tế tỉnh Thanh Hóa')] }),
    ]);
    const rows = db.prepare('SELECT DISTINCT official_id, file FROM official_titles ORDER BY file').all() as Array<{ official_id: number; file: string }>;
    expect(rows[0]!.official_id).toBe(rows[1]!.official_id);
    expect(rows[2]!.official_id).not.toBe(rows[0]!.official_id);
    expect(count(db, 'officials')).toBe(2);
    db.close();
  });
});

describe('consistency findings', () => {
  const findings = async (records: Array<Record<string, unknown>>): Promise<Finding[]> => {
    const db = fresh();
    await load(db, records);
    const out = consistencyFindings(db);
    db.close();
    return out;
  };

  it('reports a document dated differently by two articles, with both articles and their spans', async () => {
    const out = await findings([
      record('000.txt', '2024-12', { documents: [document('06-NQ/TU', { date: '2022-11-10' }, 1251)] }),
      record('001.txt', '2024-12', { documents: [document('06-NQ/TU', { date: '2021-11-10' }, 1481)] }),
    ]);
    expect(out).toEqual([
      {
        finding: 'document',
        document: '06-NQ/TU',
        field: 'date',
        values: [
          { value: '2022-11-10', sources: [{ file: '000.txt', text: 'Nghị quyết 06-NQ/TU', spans: [[1251, 1271]] }] },
          { value: '2021-11-10', sources: [{ file: '001.txt', text: 'Nghị quyết 06-NQ/TU', spans: [[1481, 1501]] }] },
        ],
      },
    ]);
  });

  it('does not report a value one article leaves out, a less precise form, or a more specific issuer', async () => {
    const out = await findings([
      record('a.txt', '2024-12', { documents: [document('06-NQ/TU', { date: '2022-11-10', issuer: 'Ban Thường vụ Tỉnh ủy', type: 'Nghị quyết' })] }),
      record('b.txt', '2024-12', { documents: [document('06-NQ/TU', { date: null, issuer: 'Tỉnh ủy', type: 'nghị quyết' })] }),
      record('c.txt', '2024-12', { documents: [document('06-NQ/TU', { date: '2022-11', issuer: null })] }),
    ]);
    expect(out).toEqual([]);
  });

  it('reports a type or issuer two articles state differently', async () => {
    const out = await findings([
      record('a.txt', '2024-12', { documents: [document('749/QĐ-TTg', { type: 'Quyết định', issuer: 'Thủ tướng Chính phủ' })] }),
      record('b.txt', '2024-12', { documents: [document('749/QĐ-TTg', { type: 'Chỉ thị', issuer: 'Bộ Chính trị' })] }),
    ]);
    expect(out.map((f) => f.finding === 'document' && f.field)).toEqual(['type', 'issuer']);
  });

  it('reports one name given two offices of one organisation in the same month, not in different months', async () => {
    const out = await findings([
      record('a.txt', '2025-01', { officials: [official('Nguyễn Văn An', ['Giám đốc Sở Y tế tỉnh Thanh Hóa'], 'Sở Y tế tỉnh Thanh Hóa')] }),
      record('c.txt', '2025-01', { officials: [official('Nguyễn Văn An', ['Phó Giám đốc Sở Y tế tỉnh Thanh Hóa'], 'Sở Y tế tỉnh Thanh Hóa')] }),
      record('d.txt', '2023-05', { officials: [official('Nguyễn Văn An', ['Phó Giám đốc Sở Y tế tỉnh Thanh Hóa'], 'Sở Y tế tỉnh Thanh Hóa')] }),
      record('e.txt', '2025-01', { officials: [official('Nguyễn Văn An', ['Bí thư Huyện ủy Cẩm Thủy'], 'Huyện ủy Cẩm Thủy')] }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ finding: 'official-titles', name: 'Nguyễn Văn An', month: '2025-01', organization: 'Sở Y tế tỉnh Thanh Hóa' });
    expect(out[0]!.values.map((v) => [v.value, v.sources.map((s) => s.file)])).toEqual([
      ['Giám đốc Sở Y tế tỉnh Thanh Hóa', ['a.txt']],
      ['Phó Giám đốc Sở Y tế tỉnh Thanh Hóa', ['c.txt']],
    ]);
  });

  it('reports a fact two articles give different values for, of the same kind and unit', async () => {
    const out = await findings([
      record('a.txt', '2025-01', { metrics: [metric('it-revenue', 838e9, '2024')] }),
      record('b.txt', '2025-02', { metrics: [metric('it-revenue', 900e9, '2024')] }),
      record('c.txt', '2025-02', { metrics: [metric('it-revenue', 850e9, '2024', { qualifier: 'about' })] }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ finding: 'fact', indicatorId: 'it-revenue', place: 'Thanh Hóa', placeCode: '38', period: '2024', kind: 'level', unit: 'VND' });
    expect(out[0]!.values.map((v) => v.value)).toEqual(['838000000000', '900000000000', 'about 850000000000']);
  });

  it('does not report values that can both hold, other kinds or units, unknown periods, or two values in one article', async () => {
    const out = await findings([
      record('a.txt', '2025-01', { metrics: [metric('it-revenue', 838e9, '2024'), metric('it-revenue', 18, '2024', { kind: 'change', unit: '%', direction: 'up' }), metric('it-revenue', 5, null)] }),
      record('b.txt', '2025-02', { metrics: [metric('it-revenue', 800e9, '2024', { qualifier: 'more_than' }), metric('it-revenue', 900e9, '2024', { unit: 'USD' }), metric('it-revenue', 7, null)] }),
      record('c.txt', '2025-02', { metrics: [metric('it-revenue', 838e9, '2024'), metric('it-revenue', 1e9, '2024'), metric('it-revenue', 18, '2024', { kind: 'change', unit: '%', direction: 'up' })] }),
    ]);
    expect(out).toEqual([]);
  });

  it('reports a change given as a rise in one article and a fall in another', async () => {
    const out = await findings([
      record('a.txt', '2025-01', { metrics: [metric('it-revenue', 18, '2024', { kind: 'change', unit: '%', direction: 'up' })] }),
      record('b.txt', '2025-02', { metrics: [metric('it-revenue', 18, '2024', { kind: 'change', unit: '%', direction: 'down' })] }),
    ]);
    expect(out.map((f) => f.values.map((v) => v.value))).toEqual([['up 18', 'down 18']]);
  });
});

describe('series', () => {
  it('gives one row per fact with its values and sources, and a chart series for an indicator over several periods', async () => {
    const db = fresh();
    await load(db, [
      record('a.txt', '2025-01', { metrics: [metric('it-revenue', 838e9, '2024'), metric('it-revenue', 700e9, '2023')] }),
      record('b.txt', '2025-02', { metrics: [metric('it-revenue', 838e9, '2024'), metric('it-revenue', 5, '2025-Q1', { kind: 'change', unit: '%', direction: 'up' })] }),
    ]);
    const rows = seriesRows(db);
    expect(rows.map(seriesCells)).toEqual([
      ['it-revenue', 'Thanh Hóa', '38', '2023', 'year', '700000000000 VND', 'a.txt'],
      ['it-revenue', 'Thanh Hóa', '38', '2024', 'year', '838000000000 VND', 'a.txt | b.txt'],
      ['it-revenue', 'Thanh Hóa', '38', '2025-Q1', 'quarter', '5 % (change)', 'b.txt'],
    ]);
    const series = chartSeries(rows);
    expect(series).toHaveLength(1);
    expect(series[0]!.points.map((p) => [p.period, p.value])).toEqual([['2023', 700e9], ['2024', 838e9]]);
    db.close();
  });

  it('places each kind of period at its start', () => {
    expect(['2024', '2024-11', '2024-11-30', '2025-Q2', '2024-H2', '2024-01/2024-09', 'XXXX-03'].map(periodStart)).toEqual([
      Date.UTC(2024, 0, 1) / 1000,
      Date.UTC(2024, 10, 1) / 1000,
      Date.UTC(2024, 10, 30) / 1000,
      Date.UTC(2025, 3, 1) / 1000,
      Date.UTC(2024, 6, 1) / 1000,
      Date.UTC(2024, 0, 1) / 1000,
      null,
    ]);
  });
});

describe('opening', () => {
  it('refuses a file that is not SQLite, and leaves it as it was', () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'Nghị quyết 06-NQ/TU ngày 10/11/2022\n'.repeat(200));
    const before = readFileSync(file);
    expect(() => openFactBase(file)).toThrow(FactBaseError);
    expect(() => openFactBase(file)).toThrow(/not a database of extract/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses another program's SQLite database", () => {
    const file = path.join(dir, 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(() => openFactBase(file)).toThrow(/another program/);
  });

  it('refuses a database of a newer schema version, and migrates an older one', () => {
    const newer = path.join(dir, 'newer.sqlite');
    const db = new Database(newer);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.exec('CREATE TABLE future (x)');
    db.close();
    expect(() => openFactBase(newer)).toThrow(/schema version 2, newer than this extract's 1/);
    const older = path.join(dir, 'older.sqlite');
    const old = new Database(older);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.close();
    expect(() => openFactBase(older, { readonly: true })).toThrow(/schema version 0/);
    const migrated = openFactBase(older);
    expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    migrated.close();
  });
});
