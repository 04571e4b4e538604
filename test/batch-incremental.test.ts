import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSeen } from '../src/input/seen.js';
import { cli, jsonLines, ROOT } from './cli-helpers.js';

const SEEDS = readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();

describe('--skip-seen: a nightly run over a growing folder', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'extract-seen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const news = path.join(dir, 'news');
  mkdirSync(news);
  const add = (name: string) => copyFileSync(path.join(ROOT, 'seeds', name), path.join(news, name));
  /** One night: extract what all.jsonl does not hold yet and append it, as `extract --skip-seen all.jsonl news/ >> all.jsonl`. */
  const night = (...extra: string[]) => {
    const out = cli(['--skip-seen', 'all.jsonl', ...extra, 'news/'], { cwd: dir });
    appendFileSync(path.join(dir, 'all.jsonl'), out.stdout);
    return { ...out, files: jsonLines(out.stdout).map((r) => r['file']) };
  };

  it('the first run (no all.jsonl yet) processes everything; the next processes only the two new files; then nothing', () => {
    for (const name of SEEDS.slice(0, 3)) add(name);
    const first = night();
    expect(first.status).toBe(0);
    expect(first.files).toEqual(SEEDS.slice(0, 3).map((n) => path.join('news', n)));

    for (const name of SEEDS.slice(3, 5)) add(name);
    const second = night();
    expect(second.status).toBe(0);
    expect(second.files).toEqual(SEEDS.slice(3, 5).map((n) => path.join('news', n)));
    expect(second.stderr).toMatch(/^extract: 2 articles, 0 errors, 3 skipped as already seen · /);

    const third = night();
    expect(third.files).toEqual([]);
    expect(third.stderr).toMatch(/^extract: 0 articles, 0 errors, 5 skipped as already seen · /);
  }, 180_000);

  it('a change of rules processes everything again', () => {
    const rules = path.join(dir, 'my-rules');
    mkdirSync(rules);
    writeFileSync(path.join(rules, 'provinces.yaml'), '$schema: ./schema/provinces.schema.json\nexclusions: ["Hà Nội FC"]\n');
    const again = night('--rules', 'my-rules');
    expect(again.files).toHaveLength(5);
    expect(night('--rules', 'my-rules').files).toEqual([]);
  }, 120_000);

  it('the output cannot be the file read for --skip-seen', () => {
    const out = cli(['--skip-seen', 'all.jsonl', '-o', 'all.jsonl', 'news/'], { cwd: dir });
    expect(out.status).toBe(2);
    expect(out.stderr.trim()).toBe('extract: --output all.jsonl would overwrite the --skip-seen file all.jsonl; append to it with >> instead');
  });
});

describe('loadSeen', () => {
  it('counts only error-free records of this version and these rules, and passes over lines that are not records', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'extract-seen-'));
    const file = path.join(dir, 'out.jsonl');
    const hash = (c: string) => c.repeat(64);
    const provenance = { extractorVersion: '1.2.0', rulesHash: hash('r') };
    const record = (sha256: string, fields: object = {}) => JSON.stringify({ file: 'x', sha256, extractorVersion: '1.2.0', rulesHash: hash('r'), ...fields });
    writeFileSync(
      file,
      [
        record(hash('a')),
        record(hash('b'), { extractorVersion: '1.1.0' }),
        record(hash('c'), { rulesHash: hash('s') }),
        record(hash('d'), { error: { code: 'E_INTERNAL', message: 'extraction failed' } }),
        '[]',
        record(hash('e')),
        record(hash('f')).slice(0, 50),
      ].join('\n'),
    );
    const seen = await loadSeen([{ kind: 'file', path: file, name: 'out.jsonl' }, { kind: 'missing', name: 'next.jsonl', code: 'ENOENT', message: '' }], provenance);
    expect([...seen]).toEqual([hash('a'), hash('e')]);
    rmSync(dir, { recursive: true, force: true });
  });
});
