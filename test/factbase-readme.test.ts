/**
 * The README's analyst queries, run on a fact base of the seeds: each
 * `<!-- query -->` SQL block is followed by a text block with its answer,
 * which must be what the query gives. `UPDATE_README_QUERIES=1` writes the
 * answers instead (after a change of extractor that changes them).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFactBase, type Db } from '../src/db/open.js';
import { cli, ROOT } from './cli-helpers.js';

const README = path.join(ROOT, 'README.md');
const QUERY = /<!-- query -->\n```sql\n([\s\S]*?)\n```\n\n```text\n([\s\S]*?)```/g;

const dir = mkdtempSync(path.join(tmpdir(), 'factbase-readme-'));
let db: Db;

beforeAll(() => {
  const file = path.join(dir, 'seeds.sqlite');
  expect(cli(['db', '-q', file, 'seeds/*.txt']).status).toBe(0);
  db = openFactBase(file, { readonly: true });
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A query's answer as the README shows it: a header line, then one line per row, cells joined by ` | `. */
function answer(sql: string): string {
  const statement = db.prepare(sql);
  const rows = statement.all() as Array<Record<string, unknown>>;
  const header = statement.columns().map((c) => c.name);
  return [header, ...rows.map((r) => header.map((h) => String(r[h] ?? 'NULL')))].map((cells) => `${cells.join(' | ')}\n`).join('');
}

describe('the README queries', () => {
  it('are three, and each answer is what the query gives on the seeds', () => {
    const text = readFileSync(README, 'utf8');
    const queries = [...text.matchAll(QUERY)];
    expect(queries).toHaveLength(3);
    if (process.env['UPDATE_README_QUERIES']) {
      writeFileSync(README, text.replace(QUERY, (_, sql: string) => `<!-- query -->\n\`\`\`sql\n${sql}\n\`\`\`\n\n\`\`\`text\n${answer(sql)}\`\`\``));
      return;
    }
    for (const [, sql, shown] of queries) {
      const got = answer(sql!);
      expect(got.split('\n').length, sql).toBeGreaterThan(2);
      expect(got, `README answer of:\n${sql}\n(UPDATE_README_QUERIES=1 rewrites it)`).toBe(shown);
    }
  });
});
