/**
 * A batch as a crawler leaves it: the seeds among every kind of bad input,
 * in one run. Each bad input gets an error record in its place with a stable
 * code and one line on stderr, the exit status is 1, and the seeds' records
 * are exactly those of a run over the seeds alone. Inputs in another form
 * of the same article (UTF-16, NFD, CRLF, CR, Windows-1258, HTML) give the
 * same entities as the article itself.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DecodeError } from '../src/input/decode.js';
import { htmlToText } from '../src/input/html.js';
import { articleText } from '../src/input/read.js';
import { ENTITY_TYPES, RecordSchema } from '../src/extractors/registry.js';
import { BIN, cli, jsonLines, ROOT } from './cli-helpers.js';

const SEED_NAMES = ['000_56f7d53534dd05e8', '001_cd50b78e956cd69d', '002_2e6f4911dccba6c7', '003_c3d1031f18d21800', '004_480dc6aa38cde683'];
const SEEDS = SEED_NAMES.map((s) => path.join(ROOT, 'seeds', `${s}.txt`));
const seedText = (i: number) => readFileSync(SEEDS[i]!, 'utf8');

/** The record without what depends on the input's form: spans, texts, hashes, file name and warnings. */
const entities = (record: Record<string, unknown>) =>
  JSON.parse(JSON.stringify({ ...record, file: null, warnings: null }, (key, value) => (['span', 'spans', 'text', 'sha256'].includes(key) ? undefined : value)));

/** Windows-1258 keeps base letters (â, ơ, đ, …) whole and writes tones as combining marks. */
const windows1258 = (text: string) =>
  iconv.encode(
    [...text]
      .map((c) => {
        const d = c.normalize('NFD');
        const tone = d.replace(/[^\u0300\u0301\u0303\u0309\u0323]/gu, '');
        return d.replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, '').normalize('NFC') + tone;
      })
      .join(''),
    'windows1258',
  );

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const htmlPage = (text: string) =>
  `<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Báo</title><style>p { color: red }</style>` +
  `<script>var province = "Hà Nội";</script></head>\n<body><nav><a href="/">Trang chủ</a></nav><article>\n` +
  text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n') +
  `\n</article></body></html>\n`;

/** A sentence in TCVN3 and in VNI, as they look when read as Latin-1: "Ngày 27/12, Sở Thông tin và Truyền thông tỉnh Thanh Hóa tổ chức hội nghị …". */
const TCVN3_BYTES = Buffer.from('Ngµy 27/12, Së Th«ng tin vµ TruyÒn th«ng tØnh Thanh Hãa tæ chøc héi nghÞ tæng kÕt c«ng t¸c n¨m 2024.\n', 'latin1');
const VNI_BYTES = iconv.encode('Ngaøy 27/12, Sôû Thoâng tin vaø Truyeàn thoâng tænh Thanh Hoùa toå chöùc hoäi nghò toång keát coâng taùc naêm 2024.\n', 'windows1252');

const MAX_BYTES = 1_000_000;
const isRoot = process.getuid?.() === 0;

interface Case {
  name: string;
  bytes?: Buffer;
  /** Stable error code, or null for an input that is read. */
  code: string | null;
  /** The seed whose entities a readable variant must give. */
  sameAs?: number;
  /** A warning code the record must carry. */
  warning?: string;
}

const CASES: Case[] = [
  { name: 'empty.txt', bytes: Buffer.alloc(0), code: 'E_EMPTY' },
  { name: 'whitespace.txt', bytes: Buffer.from(' \n\t\r\n  \u00a0\n'), code: 'E_EMPTY' },
  { name: 'image.txt', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), code: 'E_BINARY' },
  { name: 'nul-inside.txt', bytes: Buffer.from(`Tỉnh Thanh Hóa\u0000\u0000 tổ chức hội nghị`), code: 'E_BINARY' },
  { name: 'latin1.txt', bytes: Buffer.from('Café crème brûlée à la française, déjà vu.\n', 'latin1'), code: 'E_DECODE' },
  { name: 'tcvn3.txt', bytes: TCVN3_BYTES, code: 'E_ENCODING_TCVN3' },
  { name: 'vni.txt', bytes: VNI_BYTES, code: 'E_ENCODING_VNI' },
  { name: 'utf16-bad.txt', bytes: Buffer.from([0xff, 0xfe, 0x54, 0x00, 0x00]), code: 'E_DECODE' },
  { name: 'too-large.txt', bytes: Buffer.alloc(MAX_BYTES + 1, 'Thanh Hóa. '), code: 'E_TOO_LARGE' },
  { name: 'windows-1258.txt', bytes: windows1258(seedText(0)), code: null, sameAs: 0, warning: 'input-windows-1258' },
  { name: 'utf16le.txt', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText(1), 'utf16le')]), code: null, sameAs: 1 },
  { name: 'utf16be.txt', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(seedText(1), 'utf16le').swap16()]), code: null, sameAs: 1 },
  { name: 'utf16le-no-bom.txt', bytes: Buffer.from(seedText(1), 'utf16le'), code: null, sameAs: 1, warning: 'input-utf16-no-bom' },
  { name: 'utf16be-no-bom.txt', bytes: Buffer.from(seedText(1), 'utf16le').swap16(), code: null, sameAs: 1, warning: 'input-utf16-no-bom' },
  { name: 'utf8-bom.txt', bytes: Buffer.from(`\uFEFF${seedText(2)}`), code: null, sameAs: 2 },
  { name: 'nfd.txt', bytes: Buffer.from(seedText(2).normalize('NFD')), code: null, sameAs: 2 },
  { name: 'crlf.txt', bytes: Buffer.from(seedText(3).replace(/\n/g, '\r\n')), code: null, sameAs: 3 },
  { name: 'cr.txt', bytes: Buffer.from(seedText(3).replace(/\n/g, '\r')), code: null, sameAs: 3 },
  { name: 'page.txt', bytes: Buffer.from(htmlPage(seedText(0))), code: null, sameAs: 0, warning: 'input-html' },
  { name: 'long-line.txt', bytes: Buffer.from(`${seedText(4).replace(/\s+/g, ' ')} ${'Đoàn công tác đến thăm tỉnh Nghệ An. '.repeat(3000)}`), code: null },
  { name: 'missing.txt', code: 'ENOENT' },
  { name: 'no-article-*.txt', code: 'E_NO_MATCH' },
  { name: 'empty-dir', code: 'E_NO_MATCH' },
];

describe('one batch of the seeds and every kind of bad input', () => {
  let dir: string;
  let clean: ReturnType<typeof cli>;
  let mixed: ReturnType<typeof cli>;
  let order: string[];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bad-input-'));
    mkdirSync(path.join(dir, 'empty-dir'));
    for (const c of CASES) if (c.bytes) writeFileSync(path.join(dir, c.name), c.bytes);
    // Seeds and bad inputs interleaved, so every record must land in its own place.
    order = CASES.flatMap((c, i) => (i < SEEDS.length ? [SEEDS[i]!, c.name] : [c.name]));
    clean = cli(['-q', ...SEEDS], { cwd: dir });
    mixed = cli(['-q', '--max-bytes', String(MAX_BYTES), ...order], { cwd: dir });
  }, 120_000);

  it('exits 1 and writes one record per input, in input order, each valid against the schema', () => {
    expect(clean.status).toBe(0);
    expect(mixed.status).toBe(1);
    const records = jsonLines(mixed.stdout);
    expect(records.map((r) => r['file'])).toEqual(order);
    for (const r of records) expect(RecordSchema.safeParse(r).error).toBeUndefined();
  });

  it("gives the seeds' records exactly as a run over the seeds alone", () => {
    const bySeed = new Map(jsonLines(mixed.stdout).map((r) => [r['file'], r]));
    for (const record of jsonLines(clean.stdout)) expect(bySeed.get(record['file'])).toEqual(record);
  });

  it.each(CASES.filter((c) => c.code))('$name: an error record with code $code, no entities, and one line on stderr', ({ name, code }) => {
    const record = jsonLines(mixed.stdout).find((r) => r['file'] === name)!;
    const error = record['error'] as { code: string; message: string };
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^\S.{10,}$/);
    for (const type of ENTITY_TYPES) expect(record[type]).toEqual([]);
    expect(mixed.stderr.split('\n').filter((line) => line === `extract: ${name}: ${error.message} [${code}]`)).toHaveLength(1);
  });

  it('stderr has one line per failed input and nothing else: no stack trace', () => {
    const failures = CASES.filter((c) => c.code).length;
    expect(mixed.stderr.trim().split('\n')).toHaveLength(failures);
    expect(mixed.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the legacy encoding, the limit and the pattern in the messages', () => {
    const message = (name: string) => (jsonLines(mixed.stdout).find((r) => r['file'] === name)!['error'] as { message: string }).message;
    expect(message('tcvn3.txt')).toMatch(/TCVN3/);
    expect(message('vni.txt')).toMatch(/VNI/);
    expect(message('too-large.txt')).toBe(`too large: ${MAX_BYTES + 1} bytes, more than --max-bytes ${MAX_BYTES}`);
    expect(message('no-article-*.txt')).toBe('no file matches the pattern no-article-*.txt');
    expect(message('empty-dir')).toBe('no *.txt file in the directory empty-dir');
  });

  it.each(CASES.filter((c) => c.sameAs !== undefined))('$name gives the same entities as the seed it was made from', ({ name, sameAs, warning }) => {
    const records = jsonLines(mixed.stdout);
    const record = records.find((r) => r['file'] === name)!;
    expect(record['error']).toBeUndefined();
    expect(entities(record)).toEqual(entities(records.find((r) => r['file'] === SEEDS[sameAs!])!));
    const warnings = (record['warnings'] as Array<{ code: string }>).map((w) => w.code);
    if (warning) expect(warnings).toContain(warning);
    else expect(warnings.filter((w) => w.startsWith('input-'))).toEqual([]);
  });

  it('a very long line is read, and every span points at its text', () => {
    const record = jsonLines(mixed.stdout).find((r) => r['file'] === 'long-line.txt')!;
    expect(record['error']).toBeUndefined();
    const input = [...readFileSync(path.join(dir, 'long-line.txt'), 'utf8')];
    const provinces = record['provinces'] as Array<{ name: string; spans: Array<[number, number]> }>;
    expect(provinces.map((p) => p.name)).toContain('Nghệ An');
    for (const p of provinces) for (const [s, e] of p.spans) expect(input.slice(s, e).join('')).toMatch(/\p{L}/u);
  });

  it('an HTML page: spans refer to the text with tags removed and entities decoded', () => {
    const record = jsonLines(mixed.stdout).find((r) => r['file'] === 'page.txt')!;
    const text = [...htmlToText(readFileSync(path.join(dir, 'page.txt'), 'utf8'))];
    expect(text.join('')).toMatch(/^date 2024-12 Ngày 27\/12, Sở TT&TT Thanh Hóa/);
    expect(text.join('')).not.toMatch(/[<>]|&amp;|Hà Nội|Trang chủ/);
    const mentions = ENTITY_TYPES.flatMap((type) => record[type] as Array<{ text: string; span: [number, number] }>);
    expect(mentions.length).toBeGreaterThan(5);
    for (const m of mentions) expect(text.slice(m.span[0], m.span[1]).join('')).toBe(m.text);
  });
});

describe('decoding, input by input', () => {
  const failure = (bytes: Uint8Array) => {
    try {
      articleText(bytes);
    } catch (error) {
      return (error as DecodeError).code;
    }
    return null;
  };

  it('a legacy text with too few accented words to tell is reported as not UTF-8, not guessed', () => {
    expect(failure(windows1258('Hà Nội\n'))).toBe('E_DECODE');
    expect(failure(windows1258('Ngày 27/12 tại Hà Nội, Thanh Hóa.\n'))).toBeNull();
  });

  it('Windows-1258 is converted as iconv converts it, and says so', () => {
    const { text, warnings } = articleText(windows1258(seedText(4)));
    expect(text.normalize('NFC')).toBe(seedText(4));
    expect(warnings.map((w) => w.code)).toEqual(['input-windows-1258']);
  });

  it('standard input over --max-bytes gives E_TOO_LARGE', () => {
    const out = cli(['-q', '--max-bytes', '1000', '-'], { input: seedText(0) });
    expect(out.status).toBe(1);
    expect(jsonLines(out.stdout)[0]!['error']).toEqual({ code: 'E_TOO_LARGE', message: expect.stringMatching(/^too large: at least \d+ bytes, more than --max-bytes 1000$/) });
  });
});

describe.skipIf(isRoot)('an unreadable file (skipped as root: root reads files whatever their mode)', () => {
  it('gives EACCES in its place, exit 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'unreadable-'));
    const file = path.join(dir, 'locked.txt');
    writeFileSync(file, 'Tỉnh Thanh Hóa');
    chmodSync(file, 0o000);
    const out = cli(['-q', file, SEEDS[0]!]);
    expect(out.status).toBe(1);
    const [locked, seed] = jsonLines(out.stdout);
    expect(locked!['error']).toEqual({ code: 'EACCES', message: `permission denied: ${file}` });
    expect(seed!['error']).toBeUndefined();
  });
});

describe('a reader that goes away', () => {
  it('`extract … | head -1` prints one record and ends quietly with status 0', () => {
    // Enough records that extract is still writing when head has gone.
    const inputs = Array.from({ length: 4 }, () => SEEDS).flat();
    const script = `"${process.execPath}" "${BIN}" -q -j 1 ${inputs.map((f) => `"${f}"`).join(' ')} | head -1; echo "status:\${PIPESTATUS[0]}" >&2`;
    const out = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(out.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out.stdout)['file']).toBe(SEEDS[0]);
    expect(out.stderr).toBe('status:0\n');
  });
});
