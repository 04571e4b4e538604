/// <reference lib="dom" />
/**
 * The corpus page in a real browser (Debian's chromium driven by
 * playwright-core, as the report's browser test): the bundled charting
 * library draws each series, the page fetches nothing, and its
 * Content-Security-Policy blocks nothing of its own.
 * Set CORPUS_SCREENSHOT=docs/corpus.png to take the README's screenshot.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './cli-helpers.js';
import { document as cited, jsonl, metric, record } from './factbase-records.js';

const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const dir = mkdtempSync(path.join(tmpdir(), 'browser-corpus-'));
const profile = mkdtempSync(path.join(tmpdir(), 'chromium-profile-'));
let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`the browser test needs Debian's chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`);
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1200, height: 1100 } });
});

afterAll(async () => {
  await context?.close();
  for (const d of [dir, profile]) rmSync(d, { recursive: true, force: true });
});

describe('the corpus page, in Chromium', () => {
  const page = path.join(dir, 'corpus.html');
  const revenue = (value: number, period: string) => metric('it-revenue', value, period);
  const subscribers = (value: number, period: string) => metric('broadband-subscribers', value, period, { unit: 'thuê bao', indicator: 'Thuê bao băng rộng cố định' });

  beforeAll(() => {
    const records = [
      record('thanh-hoa-2023.txt', '2024-01', { metrics: [revenue(640e9, '2022'), revenue(700e9, '2023'), subscribers(310000, '2023')], documents: [cited('06-NQ/TU', { date: '2022-11-10' })] }),
      record('thanh-hoa-2024.txt', '2025-01', { metrics: [revenue(838e9, '2024'), subscribers(352000, '2024')], documents: [cited('06-NQ/TU', { date: '2021-11-10' })] }),
      record('thanh-hoa-review.txt', '2025-02', { metrics: [revenue(900e9, '2024')] }),
    ];
    const db = path.join(dir, 'facts.sqlite');
    expect(cli(['db', '-q', db, '--records', '-'], { input: jsonl(records) }).status).toBe(0);
    expect(cli(['corpus', '--format', 'html', '-o', page, db]).status).toBe(0);
  });

  it('draws a chart for each series of more than one period, with the bundled library and nothing fetched', async () => {
    const tab = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    tab.on('request', (r) => requests.push(r.url()));
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    tab.on('pageerror', (e) => problems.push(e.message));
    await tab.goto(pathToFileURL(page).href);
    await tab.waitForSelector('.plot canvas');

    expect(await tab.locator('figure.chart figcaption').allTextContents()).toEqual(['broadband-subscribers, Thanh Hóa (thuê bao)', 'it-revenue, Thanh Hóa (VND)']);
    // Each chart's canvas has been drawn on: some of its pixels are the series' colour.
    const drawn = await tab.locator('.plot canvas').evaluateAll((canvases) =>
      canvases.map((c) => {
        const canvas = c as HTMLCanvasElement;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let coloured = 0;
        for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! > 120 && pixels[i + 1]! < 80 && pixels[i + 3]! > 200) coloured++;
        return coloured;
      }),
    );
    expect(drawn).toHaveLength(2);
    for (const n of drawn) expect(n).toBeGreaterThan(50);
    expect(requests).toEqual([pathToFileURL(page).href]);
    expect(problems).toEqual([]);

    const findings = tab.locator('article.finding');
    expect(await findings.count()).toBe(2);
    expect(await findings.nth(0).textContent()).toContain('thanh-hoa-2024.txt: “Nghị quyết 06-NQ/TU” [100, 120)');
    const screenshot = process.env['CORPUS_SCREENSHOT'];
    if (screenshot) await tab.screenshot({ path: path.resolve(ROOT, screenshot), fullPage: true });
    await tab.close();
  });

  it('runs no script that is not its own', async () => {
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(page).href);
    const csp = await tab.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/^default-src 'none'; style-src ('sha256-[^']+' ?){3}; script-src ('sha256-[^']+' ?){2};/);
    // A script added to the page is refused.
    const ran = await tab.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.append(s);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    await tab.close();
  });
});
