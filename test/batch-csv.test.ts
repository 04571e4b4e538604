import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../src/extractors/registry.js';
import { csvCell } from '../src/output/writers.js';
import { cli, jsonLines } from './cli-helpers.js';

type Entity = { text: string; span: [number, number]; spans: unknown[] };
type Rec = Record<string, unknown> & { file: string; referenceDate: string | null; primaryProvince: { name: string } | null };

/** An article whose id needs quoting in CSV (comma, quotes, a line break), as JSON Lines. */
const QUOTED_ID = 'https://x.vn/a,"b"\nc';
const JSONL = `${JSON.stringify({ id: QUOTED_ID, content: 'Ngày 27/12/2024, tỉnh Nghệ An đạt 1.200 tỷ đồng, tăng 12% so với năm 2023.', published: '2024-12-28' })}\n`;

describe('--format csv --only TYPE: one flat table per entity type', () => {
  const seeds = jsonLines(cli(['--quiet', 'seeds/']).stdout) as Rec[];

  it.each(ENTITY_TYPES)('%s: every row has the article file, primary province and reference date, and round-trips through a CSV parser', (type) => {
    const out = cli(['--quiet', '--format', 'csv', '--only', type, 'seeds/', 'missing.txt']);
    expect(out.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = parse(out.stdout, { bom: true, columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
    const expected = seeds.flatMap((record) =>
      (record[type] as Entity[]).map((entity) => ({
        file: record.file,
        primary_province: record.primaryProvince?.name ?? '',
        reference_date: record.referenceDate ?? '',
        type,
        text: entity.text,
        start: String(entity.span[0]),
        end: String(entity.span[1]),
        mentions: String(entity.spans.length),
      })),
    );
    expect(expected.length).toBeGreaterThan(0);
    const entityRows = rows.filter((r) => r['type'] !== 'error');
    expect(entityRows.map((r) => ({ file: r['file'], primary_province: r['primary_province'], reference_date: r['reference_date'], type: r['type'], text: r['text'], start: r['start'], end: r['end'], mentions: r['mentions'] }))).toEqual(expected);
    expect(rows.filter((r) => r['type'] === 'error')).toEqual([expect.objectContaining({ file: 'missing.txt', error: 'ENOENT: no such file or directory: missing.txt' })]);
  }, 120_000);

  it('metrics rows carry the value and unit of each metric', () => {
    const rows = parse(cli(['--quiet', '--format', 'csv', '--only', 'metrics', 'seeds/']).stdout, { bom: true, columns: true }) as Array<Record<string, string>>;
    const metrics = seeds.flatMap((r) => r['metrics'] as Array<{ value: number; unit: string }>);
    expect(rows.map((r) => [Number(r['value']), r['unit']])).toEqual(metrics.map((m) => [m.value, m.unit]));
    expect(Object.keys(rows[0]!)).not.toContain('honorific');
  });

  it('cells with commas, quotes and line breaks come back intact', () => {
    const out = cli(['--quiet', '--input', 'jsonl', '--format', 'csv', '--only', 'provinces', '-'], { input: JSONL });
    const rows = parse(out.stdout, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([expect.objectContaining({ file: QUOTED_ID, primary_province: 'Nghệ An', reference_date: '2024-12-28', type: 'provinces', text: 'Nghệ An' })]);
  });
});

describe('CSV cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
  const IDS = ['=HYPERLINK("http://x.vn","bấm")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1)', '\tTab', '\rCR'];
  const input = IDS.map((id) => JSON.stringify({ id, content: 'Ngày 27/12/2024, UBND tỉnh Nghệ An họp.' })).join('\n') + '\n';
  const files = (stdout: string) => (parse(stdout, { bom: true, columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>).map((r) => r['file']);

  it("begin with ' so they are read as text", () => {
    const out = cli(['--quiet', '--jobs', '1', '--format', 'csv', '--only', 'dates', '--input', 'jsonl', '-'], { input });
    expect(out.status).toBe(0);
    expect(files(out.stdout)).toEqual(IDS.map((id) => `'${id}`));
  });

  it('--csv-raw keeps them as they are', () => {
    const out = cli(['--quiet', '--jobs', '1', '--format', 'csv', '--csv-raw', '--only', 'dates', '--input', 'jsonl', '-'], { input });
    expect(files(out.stdout)).toEqual(IDS);
  });

  it('numbers stay numbers: a negative value is not a formula', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('-5%')).toBe("'-5%");
    expect(csvCell('-5%', { raw: true })).toBe('-5%');
  });
});

describe('--only and the primary province', () => {
  it('JSON and CSV name the same primary province whatever --only says', () => {
    const json = jsonLines(cli(['--quiet', '--jobs', '1', '--only', 'dates', 'seeds/']).stdout) as Rec[];
    const csv = parse(cli(['--quiet', '--jobs', '1', '--format', 'csv', '--only', 'dates', 'seeds/']).stdout, { bom: true, columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
    expect(json.some((r) => r.primaryProvince !== null)).toBe(true);
    for (const row of csv) expect(row['primary_province']).toBe(json.find((r) => r.file === row['file'])!.primaryProvince?.name ?? '');
  }, 120_000);
});
