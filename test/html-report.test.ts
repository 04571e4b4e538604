import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GoldSchema } from '../src/eval/gold.js';
import { scoreArticle } from '../src/eval/score.js';
import { extract, loadRules } from '../src/index.js';
import { escapeHtml, layoutMarks, renderMarkedText, type Mark } from '../src/output/html/marks.js';
import { LABEL_TEXT_COLOR, TEXT_COLOR, GOLD_COLOR } from '../src/output/html/style.js';
import { createWriter } from '../src/output/writers.js';
import { entityModules, ENTITY_TYPES } from '../src/extractors/registry.js';
import { cli, jsonLines, ROOT } from './cli-helpers.js';

const mark = (start: number, end: number, label = 'x'): Mark => ({ start, end, className: `ent t-${label}`, label, tip: `${label}-value` });

/** The article text back out of a report's marked text: marks, labels and tips removed, entities decoded. */
function plainText(html: string): string {
  return html
    .replace(/<span class="lbl">[^<]*<\/span><span class="tip" role="tooltip">[^<]*<\/span>/g, '')
    .replace(/<\/?mark[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
}

/** An article as the report shows it: without its ` date YYYY-MM` header and the blanks after it (metadata, shown as Published). */
function withoutHeader(text: string, published: unknown): string {
  const header = `date ${published}`;
  return typeof published === 'string' && text.trimStart().startsWith(header) ? text.trimStart().slice(header.length).trimStart() : text;
}

/** The marked text of each article section in a report. */
function articleTexts(html: string): string[] {
  return [...html.matchAll(/<div class="text" lang="vi">([\s\S]*?)<\/div>/g)].map((m) => m[1]!);
}

describe('escaping', () => {
  it('escapes every character that could open markup or end an attribute', () => {
    expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe('&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;');
  });
});

describe('marks in text', () => {
  it('places marks by code point, also after characters outside the BMP', () => {
    const text = '𝔸 Thanh Hóa';
    const { html } = renderMarkedText(text, [mark(2, 11, 'provinces')]);
    expect(html).toBe('𝔸 <mark class="ent t-provinces" tabindex="0">Thanh Hóa<span class="lbl">provinces</span><span class="tip" role="tooltip">provinces-value</span></mark>');
  });

  it('nests a mark inside one that contains it', () => {
    const { roots } = layoutMarks([mark(5, 9, 'inner'), mark(0, 12, 'outer')], 20);
    expect(roots).toHaveLength(1);
    expect(roots[0]!.mark.label).toBe('outer');
    expect(roots[0]!.children.map((c) => [c.mark.label, c.start, c.end])).toEqual([['inner', 5, 9]]);
  });

  it('splits a mark that crosses the end of the one it starts in; only the first part is focusable and labelled', () => {
    const { roots } = layoutMarks([mark(0, 6, 'a'), mark(4, 10, 'b')], 12);
    expect(roots.map((p) => [p.mark.label, p.start, p.end, p.first])).toEqual([
      ['a', 0, 6, true],
      ['b', 6, 10, false],
    ]);
    expect(roots[0]!.children.map((p) => [p.mark.label, p.start, p.end, p.first])).toEqual([['b', 4, 6, true]]);
    const { html } = renderMarkedText('abcdefghijkl', [mark(0, 6, 'a'), mark(4, 10, 'b')]);
    expect(html.match(/tabindex/g)).toHaveLength(2);
    expect(html).toContain('<mark class="ent t-b cont">ghij</mark>');
    expect(plainText(html)).toBe('abcdefghijkl');
  });

  it('leaves out marks whose spans do not fit the text, and says which', () => {
    const bad = mark(8, 30, 'bad');
    const { html, dropped } = renderMarkedText('short text', [mark(0, 5, 'ok'), bad, mark(3, 3, 'empty')]);
    expect(dropped.map((m) => m.label)).toEqual(['bad', 'empty']);
    expect(plainText(html)).toBe('short text');
  });
});

describe('colours', () => {
  // WCAG 2.x relative luminance and contrast ratio
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };

  it.each(entityModules.map((m) => [m.type, m.html] as const))('%s: text on its highlight and its label are WCAG AA (4.5:1)', (_, style) => {
    expect(contrast(TEXT_COLOR, style.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(LABEL_TEXT_COLOR, style.accent)).toBeGreaterThanOrEqual(4.5);
  });

  it('the gold markers are AA against white too', () => expect(contrast(LABEL_TEXT_COLOR, GOLD_COLOR)).toBeGreaterThanOrEqual(4.5));

  it('every type looks different', () => expect(new Set(entityModules.map((m) => m.html.background)).size).toBe(ENTITY_TYPES.length));
});

const HOSTILE = ` date 2024-12 Ngày 27/12, tỉnh Thanh Hóa <script>window.pwned = 1</script> công bố doanh thu 838 tỷ đồng "><img src=x onerror="window.pwned = 2"> theo Nghị quyết số 06-NQ/TU ngày 10/11/2022.`;

describe('the html writer', () => {
  it('escapes an article that tries to inject markup or script, and keeps its text exactly', () => {
    const record = extract(HOSTILE, { file: '"><img src=x onerror=alert(1)>.txt' });
    const writer = createWriter('html');
    const html = writer.write(record, { text: HOSTILE }) + writer.end();
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    expect(html.match(/<script>/g)).toHaveLength(1); // the report's own
    expect(plainText(articleTexts(html)[0]!)).toBe(HOSTILE);
  });

  it('marks every mention of every entity with its type and value', () => {
    const record = extract(HOSTILE, { file: 'a.txt' });
    const writer = createWriter('html');
    const html = writer.write(record, { text: HOSTILE }) + writer.end();
    for (const type of ENTITY_TYPES) {
      const mentions = record[type].reduce((n, e) => n + e.spans.length, 0);
      expect(html.match(new RegExp(`<mark class="ent t-${type}"[^>]*tabindex="0"`, 'g')) ?? [], type).toHaveLength(mentions);
    }
    expect(html).toContain('data-value="Thanh Hóa → Thanh Hóa (38)"');
    // a figure's value is shown with its place and period
    expect(html).toContain('data-value="838 tỷ VND (Thanh Hóa, 2024-12-27)"');
  });

  const DATED = ` date 2024-12 Ngày 27/12/2024, tỉnh Nghệ An tổ chức hội nghị tổng kết.\nDoanh thu toàn tỉnh đạt 838 tỷ đồng, tăng 8,5%.`;

  it('shows the text after the date header, which is metadata, with every mark still on its words', () => {
    const record = extract(DATED, { file: 'a.txt' });
    const writer = createWriter('html', { header: loadRules([]).rules.text.header });
    const html = writer.write(record, { text: DATED }) + writer.end();
    const text = articleTexts(html)[0]!;
    expect(text).not.toContain('date 2024-12');
    expect(plainText(text)).toBe(DATED.slice(' date 2024-12 '.length));
    expect(html).toContain('<dt>Published</dt><dd>2024-12</dd>');
    const marked = (['provinces', 'dates', 'metrics'] as const).flatMap((type) => record[type].map((entity, e) => [`a1-${type}-${e}`, entity.text!]));
    expect(marked.map(([, words]) => words)).toEqual(expect.arrayContaining(['Nghệ An', 'Ngày 27/12/2024', '838 tỷ đồng']));
    for (const [id, words] of marked) expect(text, id).toMatch(new RegExp(`<mark [^>]*id="${id}"[^>]*>${escapeHtml(words!)}<span class="lbl">`));
  });

  it('writes large values as Vietnamese readers do (838 tỷ), and smaller ones with Vietnamese separators', () => {
    const record = extract(DATED, { file: 'a.txt' });
    const writer = createWriter('html');
    const html = writer.write(record, { text: DATED }) + writer.end();
    expect(html).toContain('data-value="838 tỷ VND');
    expect(html).toContain('data-value="8,5 %');
    expect(html).not.toContain('838000000000');
  });

  it('writes a missed gold value as readably as an extracted one', () => {
    const record = extract(DATED, { file: 'a.txt' });
    const gold = GoldSchema.parse({ file: 'a.txt', provinces: { mentioned: [], primary: null }, officials: [], documents: [], dates: [], metrics: [{ value: 25000000, unit: 'VND' }] });
    const writer = createWriter('html', { gold: true });
    const html = writer.write(record, { text: DATED, score: scoreArticle(record, gold, loadRules([]).rules) }) + writer.end();
    expect(html).toMatch(/<td>25 triệu VND<\/td><td>not found in the text<\/td>/);
  });

  it('pages a report without network access: only its own stylesheet and script may run', () => {
    const writer = createWriter('html');
    const html = writer.end();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).toContain('Entities in 0 articles');
  });

  it('says so when it is not given the article text, and still lists missed gold items', () => {
    const record = extract(HOSTILE, { file: 'a.txt' });
    const gold = GoldSchema.parse({ file: 'a.txt', provinces: { mentioned: ['Thanh Hóa', 'Hà Nội'], primary: 'Thanh Hóa' }, officials: [], documents: [], dates: [], metrics: [] });
    const writer = createWriter('html', { gold: true });
    const html = writer.write(record, { score: scoreArticle(record, gold, loadRules([]).rules) }) + writer.end();
    expect(html).toContain('The article text was not given to the report');
    expect(articleTexts(html)).toEqual([]);
    expect(html).toContain('<h3>Missed gold items (1)</h3>');
    expect(html).toMatch(/<td>Hà Nội<\/td><td>not found in the text<\/td>/);
  });
});

describe('extract --format html', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'html-'));

  it('writes one page for the seeds whose marked texts are exactly the articles without their date header', () => {
    const out = path.join(dir, 'report.html');
    const run = cli(['--format', 'html', '-o', out, 'seeds/*.txt']);
    expect(run.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    const records = jsonLines(cli(['seeds/*.txt']).stdout);
    const texts = articleTexts(html);
    expect(texts).toHaveLength(records.length);
    expect(records.some((record) => record['published'])).toBe(true);
    records.forEach((record, i) => expect(plainText(texts[i]!)).toBe(withoutHeader(readFileSync(path.join(ROOT, record['file'] as string), 'utf8'), record['published'])));
    expect(html).toContain(`Entities in ${records.length} articles`);
  });

  it('reports an input that cannot be read in its place, with exit status 1', () => {
    const run = cli(['--format', 'html', 'seeds/000_56f7d53534dd05e8.txt', 'missing.txt']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('1 error');
    expect(run.stdout).toMatch(/Not processed:<\/strong> no such file or directory: missing.txt \[ENOENT\]/);
  });

  it('escapes a hostile file name and article text end to end', () => {
    const name = '"><img src=x onerror=alert(1)>.txt';
    writeFileSync(path.join(dir, name), HOSTILE);
    const run = cli(['--format', 'html', name], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('<img');
    expect(run.stdout).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.txt');
  });

  it('refuses --gold with a format that cannot show it', () => {
    const run = cli(['--gold', 'fixtures/gold', 'seeds/000_56f7d53534dd05e8.txt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^extract: --gold .* --format html/);
  });
});

describe('extract --format html --gold', () => {
  // The seed gold with one date removed (its extraction becomes spurious) and one added (missed, findable by its text).
  const base = 'seeds/000_56f7d53534dd05e8.txt';
  const gold = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/gold/000_56f7d53534dd05e8.json'), 'utf8')) as { dates: Array<{ text?: string; value: string }> };
  const removed = gold.dates.findIndex((d) => d.text === 'Ngày 27/12');
  const dir = mkdtempSync(path.join(tmpdir(), 'gold-'));
  mkdirSync(path.join(dir, 'gold'));
  gold.dates.splice(removed, 1);
  gold.dates.push({ text: 'Hội nghị tổng kết', value: '1999-01-01' });
  writeFileSync(path.join(dir, 'gold', '000_56f7d53534dd05e8.json'), JSON.stringify(gold));
  const goldDir = path.join(dir, 'gold');

  it('marks what eval counts as false positives and false negatives', () => {
    const evalRun = cli(['eval', '--json', '--gold', goldDir, base]);
    expect(evalRun.status).toBe(0);
    const scored = (JSON.parse(evalRun.stdout) as { articles: Array<{ types: Record<string, { fp: number; fn: number }> }> }).articles[0]!.types;
    const run = cli(['--format', 'html', '--gold', goldDir, base]);
    expect(run.status).toBe(0);
    const html = run.stdout;
    for (const type of ENTITY_TYPES) {
      const missedRows = (html.match(/<table class="missed-items">[\s\S]*?<\/table>/)?.[0] ?? '').match(new RegExp(`<span class="key t-${type}">`, 'g')) ?? [];
      expect(missedRows.length, `${type} missed`).toBe(scored[type]!.fn);
    }
    const spuriousEntities = (html.match(/class="flag bad">✗ spurious/g) ?? []).length;
    expect(spuriousEntities).toBe(ENTITY_TYPES.reduce((n, t) => n + scored[t]!.fp, 0));
    expect(html).toMatch(/<mark class="ent t-dates spurious" id="a1-dates-\d+" tabindex="0" data-type="dates" data-value="2024-12-27" data-gold="spurious">Ngày 27\/12/);
    expect(html).toMatch(/<mark class="ent t-dates missed" id="a1-missed-\d+" tabindex="0" data-type="dates" data-value="1999-01-01" data-gold="missed">Hội nghị tổng kết/);
  });

  it('says which articles have no gold file', () => {
    const run = cli(['--format', 'html', '--gold', goldDir, base, 'seeds/001_cd50b78e956cd69d.txt']);
    expect(run.stderr).toContain('seeds/001_cd50b78e956cd69d.txt: no gold file 001_cd50b78e956cd69d.json');
    expect(run.stdout).toContain('1 without a gold file');
  });
});
