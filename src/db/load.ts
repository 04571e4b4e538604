/**
 * Loading records into the fact base. A load is one transaction: either
 * every record of it is in the database or, if it fails or is killed, none
 * is. An article (by its `file`) whose sha256, extractor version and rules
 * hash are those already loaded is left as it is, so loading the same
 * records twice changes nothing; otherwise its rows are replaced. Entities
 * are linked across articles as they load (link.ts); rows across articles
 * that no article mentions any more are removed at the end.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';
import { factKey, placeKey, titleKey, titleSetsCompatible } from './link.js';
import type { LoadableRecord } from './record.js';
import type { LoadedType } from './schema.js';

export type LoadOutcome = 'added' | 'replaced' | 'unchanged' | 'failed';

export interface LoadSummary {
  added: number;
  replaced: number;
  unchanged: number;
  /** Error records (an input that could not be read): not loaded; an earlier load of the same file is kept. */
  failed: number;
}

export interface LoadHooks {
  /** Called after each record, inside the transaction. */
  onRecord?: (record: LoadableRecord, outcome: LoadOutcome) => void;
}

/** Loads every record in one transaction; a failure rolls the whole load back and is thrown. */
export async function loadRecords(db: Db, records: AsyncIterable<LoadableRecord> | Iterable<LoadableRecord>, hooks: LoadHooks = {}): Promise<LoadSummary> {
  const loader = new Loader(db);
  const summary: LoadSummary = { added: 0, replaced: 0, unchanged: 0, failed: 0 };
  db.exec('BEGIN IMMEDIATE');
  try {
    for await (const record of records) {
      const outcome = loader.add(record);
      summary[outcome]++;
      hooks.onRecord?.(record, outcome);
    }
    if (summary.replaced > 0) loader.removeOrphans();
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return summary;
}

const nullable = <T>(value: T | null | undefined): T | null => value ?? null;
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
const flag = (value: boolean | null | undefined) => (value ? 1 : 0);

class Loader {
  private readonly sql;
  /** Titles of each official seen in this load, by official id: fetched once, then kept up to date. */
  private readonly officialTitles = new Map<number, Set<string>>();

  constructor(private readonly db: Db) {
    const p = (text: string) => db.prepare(text);
    this.sql = {
      article: p('SELECT id, sha256, extractor_version AS version, rules_hash AS rules FROM articles WHERE file = ?'),
      deleteArticle: p('DELETE FROM articles WHERE id = ?'),
      insertArticle: p(`INSERT INTO articles (file, sha256, extractor_version, rules_hash, title, source, author, published, reference_date, reference_date_source, primary_province_code)
        VALUES (@file, @sha256, @version, @rules, @title, @source, @author, @published, @referenceDate, @referenceDateSource, @primary)`),
      province: p('INSERT INTO provinces (code, era, name) VALUES (?, ?, ?) ON CONFLICT (code, era) DO UPDATE SET name = name RETURNING id'),
      place: p('INSERT INTO places (key, era, code, name, level) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key, era) DO UPDATE SET name = name RETURNING id'),
      document: p('INSERT INTO documents (doc_id) VALUES (?) ON CONFLICT (doc_id) DO UPDATE SET doc_id = doc_id RETURNING id'),
      fact: p(`INSERT INTO facts (key, indicator_id, place_name, place_code, place_level, period, period_grain) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET key = key RETURNING id`),
      officialsNamed: p('SELECT id FROM officials WHERE name = ? ORDER BY id'),
      officialTitles: p('SELECT DISTINCT t.title FROM article_officials ao JOIN article_official_titles t ON t.article_official_id = ao.id WHERE ao.official_id = ?'),
      insertOfficial: p('INSERT INTO officials (name) VALUES (?) RETURNING id'),
      articleProvince: p('INSERT INTO article_provinces (article_id, province_id, text, rule, mentions, is_primary, implied) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      articlePlace: p(`INSERT INTO article_places (article_id, place_id, text, rule, province_name, province_code, current_province_name, current_province_code, candidates, successors)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      articleOfficial: p('INSERT INTO article_officials (article_id, official_id, text, rule, honorific, organization) VALUES (?, ?, ?, ?, ?, ?)'),
      officialTitle: p('INSERT INTO article_official_titles (article_official_id, position, title) VALUES (?, ?, ?)'),
      articleDocument: p(`INSERT INTO article_documents (article_id, document_id, text, rule, type, number, year, issuer, date, subject, written)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      articleDate: p('INSERT INTO article_dates (article_id, text, rule, value, grain, start, "end", mod) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      articleMetric: p(`INSERT INTO article_metrics (article_id, fact_id, text, rule, value, unit, kind, indicator, indicator_id, qualifier, "of", max, compared_to, direction,
        period, period_grain, place_name, place_code, place_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      span: p('INSERT INTO mention_spans (article_id, entity_type, entity_row, position, start, "end") VALUES (?, ?, ?, ?, ?, ?)'),
    };
  }

  add(record: LoadableRecord): LoadOutcome {
    if (record.error || !record.sha256) return 'failed';
    const version = record.extractorVersion ?? '';
    const rules = record.rulesHash ?? '';
    const old = this.sql.article.get(record.file) as { id: number; sha256: string; version: string; rules: string } | undefined;
    if (old && old.sha256 === record.sha256 && old.version === version && old.rules === rules) return 'unchanged';
    if (old) this.sql.deleteArticle.run(old.id);
    const article = Number(
      this.sql.insertArticle.run({
        file: record.file,
        sha256: record.sha256,
        version,
        rules,
        title: nullable(record.title),
        source: nullable(record.source),
        author: nullable(record.author),
        published: nullable(record.published),
        referenceDate: nullable(record.referenceDate),
        referenceDateSource: nullable(record.referenceDateSource),
        primary: record.primaryProvince?.code ?? null,
      }).lastInsertRowid,
    );
    this.addEntities(article, record);
    return old ? 'replaced' : 'added';
  }

  private addEntities(article: number, record: LoadableRecord): void {
    const { sql } = this;
    for (const p of record.provinces) {
      const province = this.id(sql.province, p.code, p.era ?? '', p.name);
      this.spans(article, 'provinces', sql.articleProvince.run(article, province, nullable(p.text), nullable(p.rule), nullable(p.mentions), flag(p.primary), flag(p.implied)).lastInsertRowid, p.spans);
    }
    for (const p of record.places) {
      const place = this.id(sql.place, placeKey(p), p.era ?? '', nullable(p.code), p.name, nullable(p.level));
      const row = sql.articlePlace.run(article, place, nullable(p.text), nullable(p.rule), p.province?.name ?? null, p.province?.code ?? null, p.currentProvince?.name ?? null, p.currentProvince?.code ?? null, json(p.candidates), json(p.successors));
      this.spans(article, 'places', row.lastInsertRowid, p.spans);
    }
    for (const o of record.officials) {
      const row = Number(sql.articleOfficial.run(article, this.official(o.name, o.titles), nullable(o.text), nullable(o.rule), nullable(o.honorific), nullable(o.organization)).lastInsertRowid);
      o.titles.forEach((title, i) => sql.officialTitle.run(row, i, title));
      this.spans(article, 'officials', row, o.spans);
    }
    for (const d of record.documents) {
      const row = sql.articleDocument.run(article, this.id(sql.document, d.id), nullable(d.text), nullable(d.rule), nullable(d.type), nullable(d.number), nullable(d.year), nullable(d.issuer), nullable(d.date), nullable(d.subject), json(d.written));
      this.spans(article, 'documents', row.lastInsertRowid, d.spans);
    }
    for (const d of record.dates) {
      this.spans(article, 'dates', sql.articleDate.run(article, nullable(d.text), nullable(d.rule), d.value, nullable(d.grain), nullable(d.start), nullable(d.end), nullable(d.mod)).lastInsertRowid, d.spans);
    }
    for (const m of record.metrics) {
      const key = factKey(m);
      const fact = key === null ? null : this.id(sql.fact, key, m.indicatorId!, m.place?.name ?? null, m.place?.code ?? null, m.place?.level ?? null, m.period?.value ?? null, m.period?.grain ?? null);
      const row = sql.articleMetric.run(
        article, fact, nullable(m.text), nullable(m.rule), m.value, m.unit, m.kind, nullable(m.indicator), nullable(m.indicatorId), nullable(m.qualifier), nullable(m.of), nullable(m.max),
        nullable(m.compared_to), nullable(m.direction), m.period?.value ?? null, m.period?.grain ?? null, m.place?.name ?? null, m.place?.code ?? null, m.place?.level ?? null,
      );
      this.spans(article, 'metrics', row.lastInsertRowid, m.spans);
    }
  }

  /** The id of the row an upsert statement (ending in RETURNING id) inserted or found. */
  private id(statement: Statement<unknown[]>, ...values: unknown[]): number {
    return (statement.get(...values) as { id: number }).id;
  }

  private spans(article: number, type: LoadedType, row: number | bigint, spans: ReadonlyArray<readonly [number, number]>): void {
    spans.forEach(([start, end], i) => this.sql.span.run(article, type, row, i, start, end));
  }

  /** The official of this name whose titles are compatible with these, or a new one. */
  private official(name: string, titles: readonly string[]): number {
    const keys = titles.map(titleKey);
    for (const { id } of this.sql.officialsNamed.all(name) as Array<{ id: number }>) {
      const known = this.knownTitles(id);
      if (!titleSetsCompatible(known, keys)) continue;
      for (const k of keys) known.add(k);
      return id;
    }
    const id = this.id(this.sql.insertOfficial, name);
    this.officialTitles.set(id, new Set(keys));
    return id;
  }

  private knownTitles(official: number): Set<string> {
    let known = this.officialTitles.get(official);
    if (!known) {
      known = new Set((this.sql.officialTitles.all(official) as Array<{ title: string }>).map((r) => titleKey(r.title)));
      this.officialTitles.set(official, known);
    }
    return known;
  }

  /** Rows across articles that no article mentions any more (after replacements). */
  removeOrphans(): void {
    this.db.exec(`
      DELETE FROM provinces WHERE NOT EXISTS (SELECT 1 FROM article_provinces r WHERE r.province_id = provinces.id);
      DELETE FROM places WHERE NOT EXISTS (SELECT 1 FROM article_places r WHERE r.place_id = places.id);
      DELETE FROM officials WHERE NOT EXISTS (SELECT 1 FROM article_officials r WHERE r.official_id = officials.id);
      DELETE FROM documents WHERE NOT EXISTS (SELECT 1 FROM article_documents r WHERE r.document_id = documents.id);
      DELETE FROM facts WHERE NOT EXISTS (SELECT 1 FROM article_metrics r WHERE r.fact_id = facts.id);
    `);
    this.officialTitles.clear();
  }
}
