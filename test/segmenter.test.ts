/**
 * Our segmentation and POS tagging against vntk's own, on every paragraph of
 * the seeds and of the benchmark corpus, and on the lines the pipeline feeds
 * the segmenter (after normalisation).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { paragraphs, replicate, seedArticles } from '../src/bench/corpus.js';
import { normalizeArticle } from '../src/normalize/index.js';
import { loadRules } from '../src/extractors/registry.js';
import { posFeatures, segmentationFeatures } from '../src/tokenize/features.js';
import { segmenterModel } from '../src/tokenize/models.js';
import { segmentWords, tagWords, type Word } from '../src/tokenize/segmenter.js';
import { ROOT } from './cli-helpers.js';

interface VntkTagger {
  tag(text: string): string[];
  transform(tokens: string[][]): string[][];
  tagger: { tag(items: string[][]): string[] };
}

const require = createRequire(import.meta.url);
const vntk = require('vntk') as { wordTokenizer(): VntkTagger; posTag(): VntkTagger; tokenizer(): { tokenize(text: string): string[] } };
const titleCase = createRequire(require.resolve('vntk'))('title-case') as (s: string) => string;

const seeds = seedArticles();
const { rules } = loadRules();
const normalizedLines = seeds.flatMap(({ text }) => {
  const article = normalizeArticle(text, rules.text);
  return article.lines.map(([s, e]) => article.text.slice(s, e));
});
const corpus = paragraphs(replicate(seeds, 1000));
const seedParagraphs = paragraphs(seeds);
const all = [...new Set([...seedParagraphs, ...corpus, ...normalizedLines])];

/** vntk's words for every line, computed once (vntk takes seconds per article). */
const reference = new Map<string, string[]>();
beforeAll(() => {
  for (const line of all) reference.set(line, vntk.wordTokenizer().tag(line));
}, 300_000);

const ours = (line: string): Word[] => segmentWords(line, [0, line.length]);

describe('word segmentation equals vntk.wordTokenizer().tag()', () => {
  it('covers the seeds and the benchmark corpus', () => {
    expect(seedParagraphs.length).toBeGreaterThan(100);
    expect(corpus.length).toBe(seedParagraphs.length);
    expect(new Set(normalizedLines).size).toBeGreaterThan(100);
  });

  it.each([
    ['seed paragraphs', () => seedParagraphs],
    ['benchmark corpus paragraphs', () => corpus],
    ['normalised lines the pipeline segments', () => normalizedLines],
  ])('on every one of the %s', (_, lines) => {
    const differ = lines().filter((line) => JSON.stringify(ours(line).map((w) => w.form)) !== JSON.stringify(reference.get(line)));
    expect(differ).toEqual([]);
  });

  it('each word carries the offsets of its tokens in the text', () => {
    const text = 'Sở TT&TT tỉnh Thanh Hóa và TP.HCM  ký kết ngày 27/12/2024.';
    const line: [number, number] = [3, text.length];
    let last = line[0];
    for (const word of segmentWords(text, line)) {
      expect(word.text).toBe(text.slice(word.start, word.end));
      expect(word.start).toBeGreaterThanOrEqual(last);
      expect(word.text.replace(/\s+/g, '')).toBe(word.form.replace(/ /g, ''));
      last = word.end;
    }
    expect(segmentWords(text, line).map((w) => w.form)).toEqual(vntk.wordTokenizer().tag(text.slice(3)));
  });

  it('a line without tokens has no words', () => {
    expect(segmentWords('  \t ', [0, 4])).toEqual([]);
  });
});

describe('POS tags equal vntk.posTag().tag()', () => {
  it('on every seed paragraph', () => {
    // vntk's posTag().tag(line) is its transform and tagger over wordTokenizer().tag(line): reuse the words computed above.
    const pos = vntk.posTag();
    const differ = seedParagraphs.filter((line) => {
      const words = reference.get(line)!;
      const expected = words.length ? pos.tagger.tag(pos.transform(words.map((w) => [w, 'X']))) : [];
      return JSON.stringify(tagWords(ours(line)).map((t) => t.tag)) !== JSON.stringify(expected);
    });
    expect(differ).toEqual([]);
  });

  it('the way vntk.posTag().tag() itself gives them', () => {
    const line = 'Doanh thu dịch vụ viễn thông ước đạt 2.813 tỷ đồng, tăng 5% so với năm 2023.';
    expect(tagWords(ours(line)).map((t) => [t.text, t.tag])).toEqual(vntk.posTag().tag(line));
  });
});

describe('feature strings equal vntk transform()', () => {
  const tricky = [
    'a = b == c =>d',
    'Sở TT&TT e-DongThap ĐT 0912.345.678',
    'A',
    'Hà Nội',
    'Ông Đỗ Hữu Quyết - Giám đốc Sở TT&TT Thanh Hóa cho biết',
    'UBND tỉnh ban hành 2024 văn bản số 12/QĐ-UBND ngày 3/4',
    'HCM 123abc ABc aBC iPhone Éclair ǅemal',
  ];
  const lines = [...tricky, ...seedParagraphs.filter((p) => p.length < 300).slice(0, 10)];

  it.each(lines.map((l) => [l]))('segmentation features of %j', (line) => {
    const tokens = vntk.tokenizer().tokenize(line);
    const expected = vntk.wordTokenizer().transform(tokens.map((t) => [t, 'X']));
    expect(segmentationFeatures(tokens, segmenterModel().lexicon)).toEqual(expected);
  });

  it.each(lines.map((l) => [l]))('POS features of %j', (line) => {
    const words = reference.get(line) ?? vntk.wordTokenizer().tag(line);
    const expected = vntk.posTag().transform(words.map((w) => [w, 'X']));
    expect(posFeatures(words, segmenterModel().lexicon)).toEqual(expected);
  });

  it('istitle agrees with title-case on every character, first or not, and on mixed strings', () => {
    const { isTitle } = segmenterModel().lexicon;
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `A${ch}`, `${ch}a`, `Ab ${ch}`]) if (isTitle(s) !== (s === titleCase(s))) differ.push(s);
    }
    for (const s of ['TT&TT', 'e-DongThap', '2024', 'Hà Nội', 'Hà nội', 'HàNội', 'A  B', ' A', 'A ', 'Xã-Hội', 'ǅemal', 'ß', 'İstanbul'])
      if (isTitle(s) !== (s === titleCase(s))) differ.push(s);
    expect(differ).toEqual([]);
  });

  it("a pair's lower case is its tokens' lower cases joined by a space, for every character (the dictionary look-up relies on it)", () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const [a, b] of [[ch, 'Σ'], ['Σ', ch], ['ΑΣ', ch], [`Α${ch}`, 'Σ'], [ch, `${ch}Σ`], [`x${ch}`, `${ch}x`]] as const)
        if (`${a} ${b}`.toLowerCase() !== `${a.toLowerCase()} ${b.toLowerCase()}`) differ.push(`${a} ${b}`);
    }
    expect(differ).toEqual([]);
  });
});

describe('models load only when a stage needs them', () => {
  /** Runs the CLI in a child process and lists the vntk, crfsuite and dictionary modules it loaded. */
  const loaded = (args: string[]) => {
    const script = `
      import { createRequire } from 'node:module';
      import { run } from './dist/cli/main.js';
      const sink = { write: () => true };
      const status = await run(${JSON.stringify(args)}, { stdin: process.stdin, stdout: sink, stderr: process.stderr, cwd: process.cwd(), stdinIsTTY: true });
      const cache = Object.keys(createRequire(import.meta.url).cache);
      process.stdout.write(JSON.stringify({ status, models: cache.filter((f) => /node_modules[\\\\/](vntk|crfsuite|title-case|@vntk)[\\\\/]/.test(f)) }));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    const { status, models } = JSON.parse(child.stdout) as { status: number; models: string[] };
    expect(status).toBe(0);
    return models;
  };

  it.each([[['--help']], [['--version']], [['schema']], [['eval', '--help']]])('extract %j loads none', (args) => {
    expect(loaded(args)).toEqual([]);
  });

  it('extract tokens loads them (so the check above can fail)', () => {
    expect(loaded(['tokens', 'seeds/000_56f7d53534dd05e8.txt']).some((f) => f.includes('crfsuite'))).toBe(true);
  });
});
