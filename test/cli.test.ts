import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, RecordSchema } from '../src/extractors/registry.js';
import { cli, jsonLines, ROOT } from './cli-helpers.js';

const SEEDS = ['000_56f7d53534dd05e8', '001_cd50b78e956cd69d', '002_2e6f4911dccba6c7', '003_c3d1031f18d21800', '004_480dc6aa38cde683'].map((s) => `seeds/${s}.txt`);

describe('extract on the seeds', () => {
  const run = cli(['seeds/*.txt']);

  it('prints one valid record per article, in input order, and exits 0', () => {
    expect(run.status).toBe(0);
    const records = jsonLines(run.stdout);
    expect(records.map((r) => r['file'])).toEqual(SEEDS);
    for (const r of records) expect(RecordSchema.safeParse(r).success).toBe(true);
  });

  it('every entity span points at its text in the input', () => {
    for (const record of jsonLines(run.stdout)) {
      const input = [...readFileSync(path.join(ROOT, record['file'] as string), 'utf8')];
      for (const type of ENTITY_TYPES) {
        for (const e of record[type] as Array<{ text: string; span: [number, number]; spans: Array<[number, number]> }>) {
          expect(input.slice(e.span[0], e.span[1]).join('')).toBe(e.text);
          expect(e.spans[0]).toEqual(e.span);
        }
      }
    }
  });

  it('an absolute quoted glob matches the same files, named as written', () => {
    const out = cli(['--quiet', `${ROOT}/seeds/*.txt`]);
    expect(jsonLines(out.stdout).map((r) => r['file'])).toEqual(SEEDS.map((s) => path.join(ROOT, s)));
  });

  it('accepts directories, quoted globs and standard input alike', () => {
    const fromDir = cli(['seeds']);
    expect(jsonLines(fromDir.stdout)).toHaveLength(5);
    const text = readFileSync(path.join(ROOT, SEEDS[0]!), 'utf8');
    const fromStdin = jsonLines(cli(['-'], { input: text }).stdout)[0]!;
    const fromFile = jsonLines(run.stdout)[0]!;
    expect({ ...fromStdin, file: null }).toEqual({ ...fromFile, file: null });
    expect(fromStdin['file']).toBe('-');
  });
});

describe('options', () => {
  it('--format json prints one array', () => {
    const out = cli(['--format', 'json', SEEDS[0]!, SEEDS[1]!]);
    const parsed = JSON.parse(out.stdout) as unknown[];
    expect(parsed).toHaveLength(2);
  });

  it('--format csv prints a BOM, a header and one row per entity with its type', () => {
    const out = cli(['--format', 'csv', '--only', 'provinces', SEEDS[0]!]);
    expect(out.stdout.startsWith('\uFEFFfile,primary_province,reference_date,type,')).toBe(true);
    const rows = out.stdout.trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^seeds\/000_56f7d53534dd05e8\.txt,Thanh Hóa,2024-12,provinces,Thanh Hóa,/);
  });

  it('--only empties the other entity lists, but still names the article\'s subject province', () => {
    const [record] = jsonLines(cli(['--only', 'dates', SEEDS[0]!]).stdout);
    expect(record!['provinces']).toEqual([]);
    expect(record!['dates']).not.toEqual([]);
    expect(record!['primaryProvince']).toMatchObject({ name: 'Thanh Hóa', code: '38' });
  });

  it('--ref-date is the reference date of an article without a header', () => {
    const [record] = jsonLines(cli(['--ref-date', '2025-02-10', '-'], { input: 'Ngày 27/12, tỉnh Thanh Hóa tổ chức hội nghị.' }).stdout);
    expect(record).toMatchObject({ referenceDate: '2025-02-10', referenceDateSource: 'option' });
  });

  it('--output writes to a file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'out-'));
    const file = path.join(dir, 'out.jsonl');
    const out = cli(['-o', file, SEEDS[0]!]);
    expect(out.stdout).toBe('');
    expect(jsonLines(readFileSync(file, 'utf8'))).toHaveLength(1);
  });

  it('--pretty indents', () => {
    expect(cli(['--pretty', SEEDS[0]!]).stdout).toMatch(/^\{\n {2}"file"/);
  });
});

describe('errors and exit status', () => {
  it('a missing file gives an error record in its place, one stderr line, exit 1; the others are complete', () => {
    const out = cli(['--quiet', SEEDS[0]!, 'missing.txt', SEEDS[1]!]);
    expect(out.status).toBe(1);
    const records = jsonLines(out.stdout);
    expect(records.map((r) => r['file'])).toEqual([SEEDS[0], 'missing.txt', SEEDS[1]]);
    expect(records[1]!['error']).toMatchObject({ code: 'ENOENT' });
    expect(out.stderr.trim().split('\n')).toEqual(['extract: missing.txt: no such file or directory: missing.txt [ENOENT]']);
    expect(records[0]).toEqual(jsonLines(cli([SEEDS[0]!]).stdout)[0]);
  });

  it('a file that is not UTF-8 is reported, not guessed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bad-'));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x54, 0x68, 0xe0, 0x6e, 0x68, 0x20]));
    const out = cli([path.join(dir, 'latin1.txt')]);
    expect(out.status).toBe(1);
    expect(jsonLines(out.stdout)[0]!['error']).toMatchObject({ code: 'E_DECODE' });
  });

  it('usage errors exit 2 with one line and no stack trace', () => {
    for (const args of [['--format', 'xml', 'a.txt'], ['--only', 'people', 'a.txt'], ['--ref-date', '2024-13', 'a.txt'], ['--bogus']]) {
      const out = cli(args);
      expect(out.status).toBe(2);
      expect(out.stderr).toMatch(/^extract: /);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a bad rule file stops the run with its path and line, exit 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
    writeFileSync(path.join(dir, 'names.yaml'), '$schema: x\nsurnames:\n  - nguyễn\n');
    const out = cli(['--rules', dir, SEEDS[0]!]);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/names\.yaml:3: surnames\.0: a surname is one capitalised syllable/);
  });

  it('--help and --version exit 0', () => {
    expect(cli(['--help'])).toMatchObject({ status: 0 });
    expect(cli(['--help']).stdout).toMatch(/Examples:/);
    expect(cli(['eval', '--help']).stdout).toMatch(/--gold/);
    expect(cli(['--version']).stdout).toMatch(/^extract \d+\.\d+\.\d+\n$/);
  });

  it('--help lists the commands once, documents every exit status, and shows a GNU parallel line that keeps the glob quoted', () => {
    const help = cli(['--help']).stdout;
    expect(help.match(/^Commands:/gm)).toHaveLength(1);
    expect(help).toMatch(/70 internal\s+error/);
    expect(help).toMatch(/74 the output could not be written/);
    expect(help).toContain(`parallel extract --quiet --shard {}/4 "'news/**/*.txt'" ::: 1 2 3 4`);
  });

  it('eval that scores no article exits 1 and names the articles no gold file matched', () => {
    const out = cli(['eval', '--gold', 'fixtures/gold', 'README.md']);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('extract: eval scored no article: no gold file in fixtures/gold matches README.md');
  });
});

describe('subcommands', () => {
  it('schema prints the JSON Schema of a record', () => {
    const schema = JSON.parse(cli(['schema']).stdout) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['file', ...ENTITY_TYPES, 'warnings']));
    expect(schema.required).toContain('primaryProvince');
  });

  it('tokens prints words with offsets into the input', () => {
    const text = 'Sở Thông tin và Truyền thông Hải Dương tổ chức hội nghị.';
    const out = cli(['tokens', '-'], { input: text });
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => l.split('\t'));
    for (const [s, e, word] of lines) expect(text.slice(Number(s), Number(e))).toBe(word);
    expect(lines.map((l) => l[2])).toContain('Hải Dương');
  });

  it('eval scores the seeds against their gold files', () => {
    const out = cli(['eval', '--gold', 'fixtures/gold', '--json', 'seeds/*.txt']);
    expect(out.status).toBe(0);
    const { summary } = JSON.parse(out.stdout) as { summary: { articles: number; types: Record<string, { f1: number }>; secondary: Record<string, { value: number }> } };
    expect(summary.articles).toBe(5);
    expect(summary.types['provinces']!.f1).toBe(1);
    expect(summary.secondary['provinces.primary accuracy']!.value).toBe(1);
  });
});
