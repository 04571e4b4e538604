/**
 * The fact base's tables, as SQL. Two kinds of table:
 *
 *  - per article, one table per entity type (`article_provinces`,
 *    `article_places`, `article_officials`, `article_documents`,
 *    `article_dates`, `article_metrics`): what that article says, each row
 *    keyed to its article, with `mention_spans` holding every mention's span;
 *  - across articles, one row per thing however many articles mention it
 *    (`provinces`, `places`, `officials`, `documents`, `facts`), which the
 *    per-article rows point to.
 *
 * An article row carries what its record was made from and by (file,
 * sha256, extractor version, rules hash); deleting it deletes its rows.
 * The schema's version is `PRAGMA user_version`; `MIGRATIONS[v - 1]` turns a
 * database of version v - 1 into version v.
 */

/** Marks a database as this program's (`PRAGMA application_id`, "VNfb"). */
export const APPLICATION_ID = 0x564e6662;

const VERSION_1 = `
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  rules_hash TEXT NOT NULL,
  title TEXT,
  source TEXT,
  author TEXT,
  published TEXT,
  reference_date TEXT,
  reference_date_source TEXT,
  primary_province_code TEXT
);

CREATE TABLE provinces (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  era TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (code, era)
);

CREATE TABLE places (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  era TEXT NOT NULL,
  code TEXT,
  name TEXT NOT NULL,
  level TEXT,
  UNIQUE (key, era)
);

CREATE TABLE officials (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE INDEX officials_by_name ON officials (name);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE
);

CREATE TABLE facts (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  indicator_id TEXT NOT NULL,
  place_name TEXT,
  place_code TEXT,
  place_level TEXT,
  period TEXT,
  period_grain TEXT
);
CREATE INDEX facts_by_indicator ON facts (indicator_id, place_code, period);

CREATE TABLE article_provinces (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  province_id INTEGER NOT NULL REFERENCES provinces (id),
  text TEXT,
  rule TEXT,
  mentions INTEGER,
  is_primary INTEGER NOT NULL,
  implied INTEGER NOT NULL
);
CREATE INDEX article_provinces_by_article ON article_provinces (article_id);
CREATE INDEX article_provinces_by_province ON article_provinces (province_id);

CREATE TABLE article_places (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  place_id INTEGER NOT NULL REFERENCES places (id),
  text TEXT,
  rule TEXT,
  province_name TEXT,
  province_code TEXT,
  current_province_name TEXT,
  current_province_code TEXT,
  candidates TEXT,
  successors TEXT
);
CREATE INDEX article_places_by_article ON article_places (article_id);
CREATE INDEX article_places_by_place ON article_places (place_id);

CREATE TABLE article_officials (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  official_id INTEGER NOT NULL REFERENCES officials (id),
  text TEXT,
  rule TEXT,
  honorific TEXT,
  organization TEXT
);
CREATE INDEX article_officials_by_article ON article_officials (article_id);
CREATE INDEX article_officials_by_official ON article_officials (official_id);

CREATE TABLE article_official_titles (
  article_official_id INTEGER NOT NULL REFERENCES article_officials (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY (article_official_id, position)
);

CREATE TABLE article_documents (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents (id),
  text TEXT,
  rule TEXT,
  type TEXT,
  number TEXT,
  year INTEGER,
  issuer TEXT,
  date TEXT,
  subject TEXT,
  written TEXT
);
CREATE INDEX article_documents_by_article ON article_documents (article_id);
CREATE INDEX article_documents_by_document ON article_documents (document_id);

CREATE TABLE article_dates (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  text TEXT,
  rule TEXT,
  value TEXT NOT NULL,
  grain TEXT,
  start TEXT,
  "end" TEXT,
  mod TEXT
);
CREATE INDEX article_dates_by_article ON article_dates (article_id);
CREATE INDEX article_dates_by_value ON article_dates (value);

CREATE TABLE article_metrics (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  fact_id INTEGER REFERENCES facts (id),
  text TEXT,
  rule TEXT,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  kind TEXT NOT NULL,
  indicator TEXT,
  indicator_id TEXT,
  qualifier TEXT,
  "of" REAL,
  max REAL,
  compared_to TEXT,
  direction TEXT,
  period TEXT,
  period_grain TEXT,
  place_name TEXT,
  place_code TEXT,
  place_level TEXT
);
CREATE INDEX article_metrics_by_article ON article_metrics (article_id);
CREATE INDEX article_metrics_by_fact ON article_metrics (fact_id);

CREATE TABLE mention_spans (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  entity_type TEXT NOT NULL,
  entity_row INTEGER NOT NULL,
  position INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  PRIMARY KEY (entity_type, entity_row, position)
);
CREATE INDEX mention_spans_by_article ON mention_spans (article_id);

CREATE VIEW document_citations AS
SELECT d.doc_id, a.file, a.published, ad.type, ad.number, ad.issuer, ad.date, ad.subject, ad.text,
       (SELECT start FROM mention_spans s WHERE s.entity_type = 'documents' AND s.entity_row = ad.id AND s.position = 0) AS start,
       (SELECT "end" FROM mention_spans s WHERE s.entity_type = 'documents' AND s.entity_row = ad.id AND s.position = 0) AS "end",
       (SELECT count(*) FROM mention_spans s WHERE s.entity_type = 'documents' AND s.entity_row = ad.id) AS mentions
FROM article_documents ad JOIN documents d ON d.id = ad.document_id JOIN articles a ON a.id = ad.article_id;

CREATE VIEW official_titles AS
SELECT o.id AS official_id, o.name, t.title, t.position, ao.organization, a.file, a.published, a.reference_date
FROM article_official_titles t
JOIN article_officials ao ON ao.id = t.article_official_id
JOIN officials o ON o.id = ao.official_id
JOIN articles a ON a.id = ao.article_id;

CREATE VIEW metric_facts AS
SELECT f.id AS fact_id, f.indicator_id, f.place_name AS place, f.place_code, f.place_level, f.period, f.period_grain,
       m.value, m.unit, m.kind, m.qualifier, m.direction, m.indicator, m.text, a.file
FROM article_metrics m JOIN facts f ON f.id = m.fact_id JOIN articles a ON a.id = m.article_id;
`;

/** `MIGRATIONS[v - 1]` makes version v; the schema's version is the list's length. */
export const MIGRATIONS: readonly string[] = [VERSION_1];
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The per-article tables by entity type, as `mention_spans.entity_type` names them. */
export const ENTITY_TABLES = {
  provinces: 'article_provinces',
  places: 'article_places',
  officials: 'article_officials',
  documents: 'article_documents',
  dates: 'article_dates',
  metrics: 'article_metrics',
} as const;
export type LoadedType = keyof typeof ENTITY_TABLES;
