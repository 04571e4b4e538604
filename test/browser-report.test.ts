/// <reference lib="dom" />
/**
 * The HTML report in a real browser: Debian's chromium driven by
 * playwright-core (no browser is downloaded; .ci/run installs chromium).
 * Set REPORT_SCREENSHOT=docs/report.png to refresh the README's screenshot.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../src/extractors/registry.js';
import { cli, jsonLines, ROOT } from './cli-helpers.js';

const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
// The closed network refuses Chromium's background connections: switch them off.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const dir = mkdtempSync(path.join(tmpdir(), 'browser-'));
const profile = mkdtempSync(path.join(tmpdir(), 'chromium-profile-'));
let context: BrowserContext;

interface Entity {
  text: string;
  spans: Array<[number, number]>;
}

/** `npm test` installs chromium when it can (scripts/ensure-test-tools.sh); when it could not, the test is skipped, loudly. */
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`SKIPPED: the browser test needs Debian's chromium at ${CHROMIUM} (apt-get install chromium; npm test installs it when run as root)`);

beforeAll(async () => {
  if (!hasChromium) return;
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1200, height: 1300 },
  });
});

afterAll(async () => {
  await context?.close();
  for (const d of [dir, profile]) rmSync(d, { recursive: true, force: true });
});

/** Opens a report, recording every request it makes and any dialog a script opens. */
async function open(file: string): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href);
  return { page, requests, dialogs };
}

/** The own text of marks (or of the article text): without labels and values. Runs in the page. */
const ownTexts = (els: Element[]) =>
  els.map((el) => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('.lbl, .tip').forEach((n) => n.remove());
    return copy.textContent ?? '';
  });

describe.skipIf(!hasChromium)('the report on the seeds, in Chromium', () => {
  const report = path.join(dir, 'report.html');
  let records: Array<Record<string, unknown>>;

  beforeAll(() => {
    expect(cli(['--format', 'html', '-o', report, 'seeds/*.txt']).status).toBe(0);
    records = jsonLines(cli(['seeds/*.txt']).stdout);
  });

  it('highlights every mention with its type, and each entity starts at its text', async () => {
    const { page, requests } = await open(report);
    for (const [i, record] of records.entries()) {
      const section = page.locator(`#a${i + 1}`);
      for (const type of ENTITY_TYPES) {
        const entities = record[type] as Entity[];
        const marks = section.locator(`.text mark.ent[tabindex][data-type="${type}"]`);
        expect(await marks.count(), `${record['file']} ${type}`).toBe(entities.reduce((n, e) => n + e.spans.length, 0));
        expect(await marks.evaluateAll((els, t) => els.every((el) => el.classList.contains(`t-${t}`)), type)).toBe(true);
        const firsts = section.locator(`.text mark.ent[id^="a${i + 1}-${type}-"]`);
        expect(await firsts.evaluateAll((els) => els.map((el) => el.id))).toEqual(entities.map((_, e) => `a${i + 1}-${type}-${e}`));
        // A mark that crosses the end of another is split there: its first part starts the entity's text.
        const texts = await firsts.evaluateAll(ownTexts);
        texts.forEach((text, e) => expect(text && entities[e]!.text.startsWith(text), `${entities[e]!.text} / ${text}`).toBeTruthy());
      }
    }
    expect(requests).toEqual([pathToFileURL(report).href]);
    await page.close();
  });

  it('shows the normalised value on hover, on top of the text', async () => {
    const { page } = await open(report);
    const record = records[0]!;
    const date = (record['dates'] as Array<Entity & { value: string }>)[0]!;
    const mark = page.locator('#a1-dates-0');
    const tip = mark.locator('> .tip');
    expect((await tip.boundingBox())!.width).toBeLessThanOrEqual(1);
    await mark.hover();
    const box = (await tip.boundingBox())!;
    expect(box.width).toBeGreaterThan(20);
    expect(await tip.innerText()).toBe(date.value);
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.tip') !== null, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(onTop).toBe(true);

    // the README's screenshot: the first article's first document reference, its value shown, and the text after it
    const reference = page.locator('#a1-documents-0');
    await reference.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -160);
    });
    await reference.hover();
    const shot = process.env['REPORT_SCREENSHOT'] ? path.resolve(ROOT, process.env['REPORT_SCREENSHOT']) : path.join(dir, 'report.png');
    await page.screenshot({ path: shot });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });

  it('is keyboard-navigable: Tab reaches the marks, focus shows the value with a visible outline, Escape hides it', async () => {
    const { page } = await open(report);
    await page.locator('#a1-h').click();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.evaluate((el) => el.matches('#a1 .text mark.ent'))).toBe(true);
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    const tip = focused.locator('> .tip');
    expect((await tip.boundingBox())!.width).toBeGreaterThan(20);
    expect(await tip.innerText()).toBe(await focused.getAttribute('data-value'));
    await page.keyboard.press('Escape');
    expect((await tip.boundingBox())!.width).toBeLessThanOrEqual(1);
    await page.keyboard.press('Tab');
    expect((await page.locator(':focus > .tip').boundingBox())!.width).toBeGreaterThan(20);
    await page.close();
  });
});

describe.skipIf(!hasChromium)('a hostile article and gold marks, in Chromium', () => {
  const hostile = ` date 2024-12 Ngày 27/12, tỉnh Thanh Hóa <script>window.pwned = 1; alert(1)</script> "><img src=x onerror="window.pwned = 2; alert(2)"> công bố.`;

  it('runs no script from the article and loads nothing', async () => {
    writeFileSync(path.join(dir, 'hostile.txt'), hostile);
    const report = path.join(dir, 'hostile.html');
    expect(cli(['--format', 'html', '-o', report, 'hostile.txt'], { cwd: dir }).status).toBe(0);
    const { page, requests, dialogs } = await open(report);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    // the text after the date header, which the report shows as Published
    expect(await page.locator('#a1 .text').evaluateAll(ownTexts)).toEqual([hostile.slice(' date 2024-12 '.length)]);
    expect(requests).toEqual([pathToFileURL(report).href]);
    await page.close();
  });

  it('draws missed gold items and spurious extractions differently from the rest', async () => {
    // a gold file that lacks a date the extractor finds, and wants one it cannot
    const gold = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/gold/000_56f7d53534dd05e8.json'), 'utf8')) as { dates: Array<{ text?: string; value: string }> };
    gold.dates = gold.dates.filter((d) => d.text !== 'Ngày 27/12').concat({ text: 'Hội nghị tổng kết', value: '1999-01-01' });
    const goldDir = mkdtempSync(path.join(dir, 'gold-'));
    writeFileSync(path.join(goldDir, '000_56f7d53534dd05e8.json'), JSON.stringify(gold));
    const edited = path.join(dir, 'gold-edited.html');
    expect(cli(['--format', 'html', '--gold', goldDir, '-o', edited, 'seeds/000_56f7d53534dd05e8.txt']).status).toBe(0);
    const { page } = await open(edited);
    const missed = page.locator('#a1 .text mark.missed');
    expect(await missed.count()).toBeGreaterThan(0);
    expect(await missed.first().evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
    const spurious = page.locator('#a1 .text mark.spurious[data-value="2024-12-27"]');
    expect(await spurious.evaluate((el) => getComputedStyle(el).textDecorationStyle)).toBe('wavy');
    expect(await spurious.locator('> .lbl').innerText()).toMatch(/✗/);
    await missed.first().hover();
    expect(await missed.first().locator('> .tip').innerText()).toBe('missed: 1999-01-01');
    await page.close();
  });
});
