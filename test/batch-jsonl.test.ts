import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../src/extractors/registry.js';
import { byteLines, jsonlItem } from '../src/input/jsonl.js';
import { publicationDay } from '../src/input/published.js';
import { cli, jsonLines, ROOT } from './cli-helpers.js';

const seed = (name: string) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8');
/** A seed's text without its ` date YYYY-MM` header, as a crawler would give the content. */
const body = (name: string) => seed(name).replace(/^ date \d{4}-\d{2} /, '');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

type Rec = Record<string, unknown> & { file: string; error?: { code: string; message: string } };
type Entity = { text: string; span: [number, number]; spans: Array<[number, number]> };


/** Every entity's text is the article text at its span (code points). */
function expectSpansInto(record: Rec, text: string): number {
  const chars = [...text];
  let checked = 0;
  for (const type of ENTITY_TYPES) {
    for (const entity of record[type] as Entity[]) {
      expect(chars.slice(...entity.span).join('')).toBe(entity.text);
      checked++;
    }
  }
  return checked;
}

describe('--input jsonl', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'extract-jsonl-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const first = { link: 'https://baothanhhoa.vn/a,"1"', headline: 'Sở TT&TT Thanh Hóa tổng kết năm 2024', body: body('000_56f7d53534dd05e8.txt'), time: '2024-12-27T08:30:00+07:00' };
  const second = { link: 42, body: body('002_2e6f4911dccba6c7.txt'), time: '2025-01-03' };
  const lines = [
    JSON.stringify(first),
    '{"link": "https://x.vn/broken", "body": "Ngày 27/12',
    JSON.stringify(second),
    '',
    JSON.stringify({ link: 'https://x.vn/no-body', headline: 'Tin Nghệ An' }),
    JSON.stringify({ link: 'https://x.vn/bad-date', body: 'Ngày 27/12/2024, tỉnh Nghệ An tổ chức hội nghị.', time: 'hôm qua' }),
    '[1, 2]',
  ];
  const file = path.join(dir, 'crawl.jsonl');
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  const args = ['--input', 'jsonl', '--text-field', 'body', '--id-field', 'link', '--title-field', 'headline', '--date-field', 'time'];
  const out = cli([...args, 'crawl.jsonl'], { cwd: dir });
  const records = jsonLines(out.stdout) as Rec[];

  it('gives one record per non-blank line, in order, named by the id field or NAME:LINE, and exit status 1', () => {
    expect(records.map((r) => r.file)).toEqual([first.link, 'crawl.jsonl:2', '42', 'crawl.jsonl:5', 'https://x.vn/bad-date', 'crawl.jsonl:7']);
    expect(out.status).toBe(1);
  });

  it('a malformed line is an E_JSONL error record with its line number, and the lines after it are read', () => {
    expect(records[1]!.error).toMatchObject({ code: 'E_JSONL', message: expect.stringMatching(/^not valid JSON/) });
    expect(records[3]!.error).toEqual({ code: 'E_JSONL', message: 'expected a string in "body"' });
    expect(records[5]!.error).toEqual({ code: 'E_JSONL', message: 'expected a JSON object' });
    for (const r of [records[1]!, records[3]!, records[5]!]) expect(r).toMatchObject({ provinces: [], sha256: null });
    expect(out.stderr).toContain('extract: crawl.jsonl:2: not valid JSON');
    expect(out.stderr).toMatch(/extract: 3 articles, 3 errors · /);
  });

  it('a date field that cannot be read costs a warning, not the article: the reference date then comes from the article', () => {
    expect(records[4]!.error).toBeUndefined();
    expect(records[4]!['warnings']).toEqual([{ code: 'input-date', message: 'unreadable date in "time": "hôm qua"; the reference date comes from the article' }]);
    expect(records[4]).toMatchObject({ referenceDate: '2024-12-27', referenceDateSource: 'article', primaryProvince: { name: 'Nghệ An' } });
  });

  it('the title is the first line of the article text, spans point into title + blank line + content, and sha256 is its hash', () => {
    const text = `${first.headline}\n\n${first.body}`;
    const record = records[0]!;
    expect(record.title).toBe(first.headline);
    expect(record.sha256).toBe(sha256(text));
    expect(record.primaryProvince).toMatchObject({ name: 'Thanh Hóa' });
    expect(expectSpansInto(record, text)).toBeGreaterThan(5);
    // Without a title field the text is the content alone.
    expect(records[2]!.sha256).toBe(sha256(second.body));
    expect(expectSpansInto(records[2]!, second.body)).toBeGreaterThan(5);
  });

  it('the date field is the reference date (a date-time gives its own day), from the input', () => {
    expect(records[0]).toMatchObject({ referenceDate: '2024-12-27', referenceDateSource: 'input' });
    expect(records[2]).toMatchObject({ referenceDate: '2025-01-03', referenceDateSource: 'input' });
  });

  it('every record carries the extractor version and, unless it is an error, the rules hash', () => {
    for (const r of records) expect(r.extractorVersion).toBe(version);
    expect(records[0]!.rulesHash).toMatch(/^[0-9a-f]{64}$/);
    expect(records[2]!.rulesHash).toBe(records[0]!.rulesHash);
    expect(records[1]!.rulesHash).toBeNull();
  });

  it('the default field names (content, url, published, title) work on standard input, and give the same record as the same article in a .txt file', () => {
    const text = seed('001_cd50b78e956cd69d.txt');
    const line = JSON.stringify({ url: 'https://x.vn/1', title: null, content: text, published: '2020-01-01' });
    const viaStdin = jsonLines(cli(['--input', 'jsonl', '-'], { input: `${line}\n` }).stdout) as Rec[];
    const viaFile = jsonLines(cli([path.join('seeds', '001_cd50b78e956cd69d.txt')]).stdout) as Rec[];
    expect(viaStdin).toHaveLength(1);
    // The article's own date header wins over the input's date.
    expect({ ...viaStdin[0]!, file: 'same' }).toEqual({ ...viaFile[0]!, file: 'same' });
    expect(viaStdin[0]!.file).toBe('https://x.vn/1');
  });

  it('HTML content is reduced to text, as for files; empty content is E_EMPTY; a line over --max-bytes is E_TOO_LARGE', () => {
    const html = '<html><body><h1>Tin Nghệ An</h1><p>Ngày 27/12, tỉnh Nghệ An tổ chức hội nghị.</p></body></html>';
    const input = [{ url: 'u1', content: html }, { url: 'u2', content: ' \n ' }, { url: 'u3', content: `Tỉnh Nghệ An ${'họp. '.repeat(300)}` }]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const run = cli(['--input', 'jsonl', '--max-bytes', '1000', '-'], { input });
    const [page, empty, large] = jsonLines(run.stdout) as Rec[];
    expect(page).toMatchObject({ file: 'u1', title: 'Tin Nghệ An', primaryProvince: { name: 'Nghệ An' } });
    expect(page!['warnings']).toContainEqual(expect.objectContaining({ code: 'input-html' }));
    expect(empty).toMatchObject({ file: '-:2', error: { code: 'E_EMPTY', message: 'no article text in "content" or "text"' } });
    expect(large).toMatchObject({ file: '-:3', error: { code: 'E_TOO_LARGE' } });
    expect(large!.error!.message).toMatch(/^line too large: \d+ bytes, more than --max-bytes 1000$/);
  });

  it('field options without --input jsonl are a usage error', () => {
    const usage = cli(['--text-field', 'body', 'seeds/']);
    expect(usage.status).toBe(2);
    expect(usage.stderr.trim()).toBe('extract: --text-field, --id-field, --date-field and --title-field need --input jsonl');
  });
});

describe('JSON Lines parsing', () => {
  it.each([
    ['2024-12-27', '2024-12-27'],
    ['2024-12-27T23:30:00Z', '2024-12-27'],
    ['2024-12-27T23:30:00.123+07:00', '2024-12-27'],
    ['2024-12-27 08:00', '2024-12-27'],
    ['2024-12', '2024-12'],
    ['27/12/2024', '2024-12-27'],
    ['3/1/2025', '2025-01-03'],
    ['Thứ sáu, 27/12/2024 - 08:30 (GMT+7)', '2024-12-27'],
    ['27-12-2024 08:30', '2024-12-27'],
    ['27.12.2024', '2024-12-27'],
    ['2024/12/27 08:30:00', '2024-12-27'],
    ['Fri, 27 Dec 2024 08:30:00 +0700', '2024-12-27'],
    ['Cập nhật 27/12/2024, 08:30, ngày 27/12/2024', '2024-12-27'],
    [1735263000, '2024-12-27'], // 2024-12-27 01:30 UTC+7, still 26 December in UTC
    ['1735263000000', '2024-12-27'],
  ])('publicationDay reads %j as %s', (value, day) => {
    expect(publicationDay(value)).toBe(day);
  });

  it.each(['2024-02-30', '2024-13-01', '2024-12-27T25', '12/27/2024', '31/02/2024', '20241227', 'yesterday', '', '27/12/2024 hoặc 28/12/2024', '27 Foo 2024', 1.5, true, null])(
    'publicationDay reads %j as nothing',
    (value) => {
      expect(publicationDay(value)).toBeNull();
    },
  );

  it('a title the content already begins with is not repeated', () => {
    const item = jsonlItem(Buffer.from(JSON.stringify({ title: 'Tin Hà Nội', content: 'Tin Hà Nội\n\nNgày 1/1, Hà Nội mưa.' })), 'a.jsonl', 1);
    expect(item).toMatchObject({ ok: true, name: 'a.jsonl:1', text: 'Tin Hà Nội\n\nNgày 1/1, Hà Nội mưa.' });
  });

  it('a line that is not UTF-8 is an error of its own', () => {
    expect(jsonlItem(Buffer.from([0x7b, 0xff, 0x7d]), 'a.jsonl', 3)).toEqual({ ok: false, name: 'a.jsonl:3', code: 'E_JSONL', message: 'not valid UTF-8' });
  });

  it('lines split across chunks are joined, CRLF and a last line without a newline are read', async () => {
    const bytes = Buffer.from('{"a":"Hà Nội"}\r\n\n{"b":2}');
    async function* chunks() {
      yield bytes.subarray(0, 8); // ends inside the two bytes of à
      yield bytes.subarray(8, 20);
      yield bytes.subarray(20);
    }
    const lines: Array<[string, number]> = [];
    for await (const { bytes, size } of byteLines(chunks())) lines.push([bytes.toString('utf8'), size]);
    expect(lines).toEqual([['{"a":"Hà Nội"}', 18], ['', 0], ['{"b":2}', 7]]); // sizes as read, \r included
  });

  it('a line longer than the limit comes as its size alone, and the lines around it are read', async () => {
    async function* chunks() {
      yield Buffer.from('{"a":1}\n{"long":"');
      yield Buffer.from('x'.repeat(100));
      yield Buffer.from('"}\n{"b":2}\n');
    }
    const lines: Array<[string, number]> = [];
    for await (const { bytes, size } of byteLines(chunks(), 50)) lines.push([bytes.toString('utf8'), size]);
    expect(lines).toEqual([['{"a":1}', 7], ['', 111], ['{"b":2}', 7]]);
  });
});
