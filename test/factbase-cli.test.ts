/**
 * `extract db` and `extract corpus` end to end: the built command over the
 * seeds and the fixture corpus, loads that change nothing, a load killed
 * halfway, the seeds' one real disagreement, and files it must not touch.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFactBase } from '../src/db/open.js';
import { cli, BIN, jsonLines, ROOT } from './cli-helpers.js';
import { readCorpus } from './fixture-corpus.js';
import { dump, jsonl, metric, record } from './factbase-records.js';

const dir = mkdtempSync(path.join(tmpdir(), 'factbase-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dumpOf = (file: string) => {
  const db = openFactBase(file, { readonly: true });
  try {
    return dump(db);
  } finally {
    db.close();
  }
};

/** The fixture corpus's in-context sentences as articles, dated by their corpus's reference month. */
function fixtureArticles(): string {
  const out = path.join(dir, 'fixtures');
  mkdirSync(out);
  for (const file of readdirSync(path.join(ROOT, 'fixtures')).filter((f) => f.endsWith('.yaml'))) {
    const corpus = readCorpus(path.join(ROOT, 'fixtures', file));
    corpus.sentences.forEach((s, i) => {
      const month = (s.reference_date ?? corpus.reference_date)?.slice(0, 7);
      writeFileSync(path.join(out, `${corpus.type}-${String(i).padStart(3, '0')}.txt`), `${month ? ` date ${month}\n` : ''}${s.text}\n`);
    });
  }
  return out;
}

describe('extract db over the seeds and the fixture corpus', () => {
  const db = path.join(dir, 'all.sqlite');
  let first: ReturnType<typeof dumpOf>;

  beforeAll(() => {
    const fixtures = fixtureArticles();
    const run = cli(['db', db, 'seeds/*.txt', fixtures]);
    expect(run.stderr).toMatch(/: \d+ added, 0 replaced, 0 unchanged, 0 not loaded/);
    expect(run.status).toBe(0);
    first = dumpOf(db);
  });

  it('loads every article with its entities and spans', () => {
    const articles = first['articles']!;
    expect(articles.length).toBe(5 + readdirSync(path.join(dir, 'fixtures')).length);
    for (const table of ['article_documents', 'article_dates', 'article_metrics', 'article_officials', 'mention_spans']) expect(first[table]!.length).toBeGreaterThan(0);
  });

  it('gives the same database when run a second time', () => {
    const again = cli(['db', db, 'seeds/*.txt', path.join(dir, 'fixtures')]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/: 0 added, 0 replaced, \d+ unchanged/);
    expect(dumpOf(db)).toEqual(first);
  });
});

describe('extract corpus on the seeds', () => {
  const db = path.join(dir, 'seeds.sqlite');
  beforeAll(() => expect(cli(['db', '--quiet', db, 'seeds/*.txt']).status).toBe(0));

  it('reports the date of 06-NQ/TU that seeds 000 and 001 disagree on, with both articles and spans, and no other date', () => {
    const run = cli(['corpus', db]);
    expect(run.status).toBe(0);
    const findings = jsonLines(run.stdout);
    const date = findings.find((f) => f['field'] === 'date');
    expect(date).toEqual({
      finding: 'document',
      document: '06-NQ/TU',
      field: 'date',
      values: [
        { value: '2022-11-10', sources: [{ file: 'seeds/000_56f7d53534dd05e8.txt', text: 'Nghị quyết 06-NQ/TU', spans: [[1251, 1270], [2676, 2698]] }] },
        { value: '2021-11-10', sources: [{ file: 'seeds/001_cd50b78e956cd69d.txt', text: 'Nghị quyết số 06/NQ-TU', spans: [[1481, 1503], [4459, 4481], [9675, 9697], [10096, 10115]] }] },
      ],
    });
    // Only real disagreements: 06-NQ/TU's issuer is, in 000, the Standing Committee and, in 001, the Executive Committee.
    expect(findings.map((f) => [f['finding'], f['document'], f['field']])).toEqual([
      ['document', '06-NQ/TU', 'date'],
      ['document', '06-NQ/TU', 'issuer'],
    ]);
  });

  it('loads the same database from records piped in as from the articles', () => {
    const piped = path.join(dir, 'piped.sqlite');
    const records = cli(['seeds/*.txt']).stdout;
    const run = cli(['db', piped, '--records', '-'], { input: records });
    expect(run.status).toBe(0);
    expect(dumpOf(piped)).toEqual(dumpOf(db));
  });

  it('draws the findings as a self-contained page', () => {
    const run = cli(['corpus', '--format', 'html', db]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Where articles disagree (2)');
    expect(run.stdout).toContain('2021-11-10');
    expect(run.stdout).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
  });
});

describe('a load killed halfway', () => {
  it('leaves the database as it was before the load', () => {
    const db = path.join(dir, 'killed.sqlite');
    const before = [record('a.txt', '2025-01', { metrics: [metric('it-revenue', 838e9, '2024')] }), record('b.txt', '2025-01')];
    expect(cli(['db', '-q', db, '--records', '-'], { input: jsonl(before) }).status).toBe(0);
    const state = dumpOf(db);
    const next = [record('a.txt', '2025-01', {}, 'v2'), record('c.txt', '2025-02', { metrics: [metric('it-revenue', 900e9, '2024')] }), record('d.txt', '2025-02'), record('e.txt', '2025-02')];
    const killed = spawnSync(process.execPath, [BIN, 'db', db, '--records', '-'], { cwd: ROOT, input: jsonl(next), encoding: 'utf8', env: { ...process.env, EXTRACT_DB_TEST_KILL_AFTER: '3' } });
    expect(killed.signal).toBe('SIGKILL');
    expect(dumpOf(db)).toEqual(state);
    // And the next load goes through.
    const after = cli(['db', db, '--records', '-'], { input: jsonl(next) });
    expect(after.stderr).toContain('3 added, 1 replaced, 0 unchanged');
    expect(dumpOf(db)['articles']).toHaveLength(5);
  });
});

describe('extract corpus --series', () => {
  it('writes one CSV row per fact with its values and sources', () => {
    const db = path.join(dir, 'series.sqlite');
    const records = [
      record('a.txt', '2025-01', { metrics: [metric('it-revenue', 838e9, '2024'), metric('it-revenue', 700e9, '2023')] }),
      record('b.txt', '2025-02', { metrics: [metric('it-revenue', 900e9, '2024')] }),
    ];
    expect(cli(['db', '-q', db, '--records', '-'], { input: jsonl(records) }).status).toBe(0);
    const run = cli(['corpus', '--series', db]);
    expect(run.status).toBe(0);
    expect(parseCsv(run.stdout, { bom: true, columns: true })).toEqual([
      { indicator_id: 'it-revenue', place: 'Thanh Hóa', place_code: '38', period: '2023', period_grain: 'year', values: '700000000000 VND', sources: 'a.txt' },
      { indicator_id: 'it-revenue', place: 'Thanh Hóa', place_code: '38', period: '2024', period_grain: 'year', values: '838000000000 VND | 900000000000 VND', sources: 'a.txt | b.txt' },
    ]);
    expect(jsonLines(cli(['corpus', db]).stdout).map((f) => f['finding'])).toEqual(['fact']);
  });
});

describe('what extract db and corpus refuse', () => {
  it('refuses a file that is not its database, and leaves it untouched', () => {
    const file = path.join(dir, 'article.txt');
    writeFileSync(file, readFileSync(path.join(ROOT, 'seeds/000_56f7d53534dd05e8.txt')));
    const before = readFileSync(file);
    const run = cli(['db', file, 'seeds/001_cd50b78e956cd69d.txt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^extract: .*article\.txt is not a database of extract \(.*\); refusing to touch it\n$/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(cli(['corpus', file]).status).toBe(2);
  });

  it('says what is wrong, without a stack trace', () => {
    const db = path.join(dir, 'usage.sqlite');
    const cases: Array<[string[], RegExp]> = [
      [['db', db], /nothing to load/],
      [['db', db, 'seeds/', '--records', '-'], /either inputs to extract or --records/],
      [['db', db, '--records', path.join(dir, 'missing.jsonl')], /--records .*missing\.jsonl/],
      [['corpus', path.join(dir, 'none.sqlite')], /does not exist: make it with extract db/],
      [['corpus', '--format', 'csv', db], /--format csv is for --series/],
    ];
    for (const [args, message] of cases) {
      const run = cli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('passes over a line that is not a record, loads the others and exits 1', () => {
    const db = path.join(dir, 'bad-line.sqlite');
    const run = cli(['db', db, '--records', '-'], { input: `${jsonl([record('a.txt', '2025-01')])}{"file": 3}\nnot json\n` });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('-:2: not a record (file: ');
    expect(run.stderr).toContain('-:3: not a record (');
    expect(dumpOf(db)['articles']).toHaveLength(1);
  });
});
