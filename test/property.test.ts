/**
 * Properties of extraction over random and mutated Vietnamese text, built
 * from real sentences of the seed articles: it never throws and never hangs,
 * every record validates against the published schema, every span lies
 * inside the input and its `text` is the input at that span (in code
 * points), and the same input always gives the same record.
 *
 * Extraction runs on a worker thread (the built library in dist/, which
 * `npm test` builds first), so an input that makes it hang fails the
 * property, naming the input, instead of stalling the suite.
 *
 * `npm test` runs a bounded number of cases with a fixed seed, so a failure
 * is reproducible; `npm run fuzz` runs many more (FUZZ_RUNS, FUZZ_SEED).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTITY_TYPES, RecordSchema } from '../src/extractors/registry.js';
import type { ArticleRecord } from '../src/model/record.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 40);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20251122);
const PARAMS = { seed: SEED, numRuns: RUNS, endOnFailure: true };
/** Far above the time any article of this size takes; only a hang reaches it. */
const TIME_LIMIT_MS = 20_000;

const SEED_DIR = path.resolve(import.meta.dirname, '../seeds');
/** Lines of the seed articles: real sentences, headers, bylines and template debris. */
const LINES = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(path.join(SEED_DIR, f), 'utf8').split('\n'))
  .filter((line) => line.trim() !== '');

/** Fragments that stress the extractors: document symbols, dates, numbers, names, units. */
const FRAGMENTS = [
  '06-NQ/TU', 'Nghị quyết số 57-NQ/TW', 'Quyết định 1234/QĐ-UBND', 'ngày 27/12', '30/6/2025', 'năm 2024', 'quý III',
  '1.234,5 tỷ đồng', '12,5%', 'hơn 300 ha', 'TP.HCM', 'Thừa Thiên - Huế', 'Nguyễn Thái Bình', 'đồng chí Đỗ Hữu Quyết - Giám đốc Sở',
  ' date 2024-12 ', '(Baothanhhoa.vn) - ', '{name} - {time}', 'Tin liên quan', '📌', '👍🏻', '\u0000', '\uFEFF', '\u200B', '\r\n', '\r', '\t',
];
const SINGLE_CHARS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u031B', 'đ', 'Đ', 'ơ', 'ư', '/', '-', '–', '.', ',', '"', '“', '(', ')', ' ', '\n', '\u00A0'];

type Mutation = (text: string) => string;

const codePoints = (s: string) => [...s];
const at = (s: string, fraction: number) => Math.floor(codePoints(s).length * fraction);
const insertAt = (s: string, fraction: number, piece: string) => {
  const cps = codePoints(s);
  const i = at(s, fraction);
  return [...cps.slice(0, i), piece, ...cps.slice(i)].join('');
};

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...FRAGMENTS)).map(([f, piece]) => (s: string) => insertAt(s, f, piece)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...SINGLE_CHARS)).map(([f, ch]) => (s: string) => insertAt(s, f, ch)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ unit: 'binary', maxLength: 8 })).map(([f, junk]) => (s: string) => insertAt(s, f, junk)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 60 })).map(([f, n]) => (s: string) => {
    const cps = codePoints(s);
    const i = at(s, f);
    return [...cps.slice(0, i), ...cps.slice(i + n)].join('');
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 10, max: 400 })).map(([f, n]) => (s: string) => insertAt(s, f, '9'.repeat(n))),
  fc.constant((s: string) => s.normalize('NFD')),
  fc.constant((s: string) => s.replace(/\n/g, '\r\n')),
  fc.constant((s: string) => s.replace(/\n/g, '\r')),
  fc.constant((s: string) => s.toUpperCase()),
);

/** A few real lines, joined as paragraphs, then mutated. */
const article: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 4 }), fc.array(mutation, { maxLength: 6 }))
  .map(([lines, mutations]) => mutations.reduce((text, m) => m(text), lines.join('\n\n')));

/** Text made of Vietnamese letters, marks, digits and punctuation, with no sentence structure at all. */
const noise: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...SINGLE_CHARS, ...FRAGMENTS), fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯHTQ0123456789 ')), { maxLength: 400, size: 'medium' })
  .map((parts) => parts.join(''));

type Mention = { text?: string; span?: [number, number]; spans: Array<[number, number]> };

/** Every problem with the record's spans, as readable strings (empty when all is well). */
function spanProblems(input: string, record: ArticleRecord): string[] {
  const cps = codePoints(input);
  const problems: string[] = [];
  const inside = ([s, e]: [number, number]) => Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s <= e && e <= cps.length;
  for (const type of ENTITY_TYPES) {
    for (const m of record[type] as Mention[]) {
      // a province implied by the article's places has no mention: no text, no span
      if (m.span === undefined) {
        if (m.text !== undefined || m.spans.length > 0) problems.push(`${type} with spans or text but no span`);
        continue;
      }
      for (const span of [m.span, ...m.spans]) if (!inside(span)) problems.push(`${type} span ${JSON.stringify(span)} outside [0, ${cps.length}]`);
      const actual = cps.slice(m.span[0], m.span[1]).join('');
      if (actual !== m.text) problems.push(`${type} text ${JSON.stringify(m.text)} but the input at ${JSON.stringify(m.span)} is ${JSON.stringify(actual)}`);
    }
  }
  for (const w of record.warnings) if (w.span && !inside(w.span)) problems.push(`warning ${w.code} span ${JSON.stringify(w.span)} outside the input`);
  return problems;
}

/** The library's `extract` on a worker thread that is replaced when it overruns the time limit. */
class Extractor {
  private worker = Extractor.start();

  private static start(): Worker {
    const library = new URL('../dist/index.js', import.meta.url).href;
    const source = `const { parentPort } = require('node:worker_threads');
      import(${JSON.stringify(library)}).then(({ extract }) => parentPort.on('message', (input) => {
        try { parentPort.postMessage({ record: extract(input) }); } catch (error) { parentPort.postMessage({ error: String(error && error.stack || error) }); }
      }));`;
    return new Worker(source, { eval: true });
  }

  async extract(input: string): Promise<ArticleRecord> {
    const worker = this.worker;
    let timer: NodeJS.Timeout | undefined;
    try {
      const reply = new Promise<{ record?: ArticleRecord; error?: string }>((resolve) => worker.once('message', resolve));
      const overrun = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`extraction did not finish within ${TIME_LIMIT_MS / 1000} s`)), TIME_LIMIT_MS);
      });
      worker.postMessage(input);
      const answer = await Promise.race([reply, overrun]);
      if (answer.error !== undefined) throw new Error(`extraction threw: ${answer.error}`);
      return answer.record!;
    } catch (error) {
      if (this.worker === worker) {
        void worker.terminate();
        this.worker = Extractor.start();
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

const extractor = new Extractor();
afterAll(() => extractor.close());

async function checkExtraction(input: string): Promise<void> {
  const record = await extractor.extract(input);
  const check = RecordSchema.safeParse(record);
  expect(check.error?.issues ?? []).toEqual([]);
  expect(spanProblems(input, record)).toEqual([]);
  expect(await extractor.extract(input)).toEqual(record);
}

describe(`extraction properties (seed ${SEED}, ${RUNS} runs each)`, () => {
  it('on mutated seed sentences: never throws or hangs, valid records, exact spans, deterministic', async () => {
    await fc.assert(fc.asyncProperty(article, checkExtraction), PARAMS);
  }, 600_000);

  it('on unstructured Vietnamese noise: the same', async () => {
    await fc.assert(fc.asyncProperty(noise, checkExtraction), PARAMS);
  }, 600_000);

  it('the span check itself catches a span that does not point at its text', async () => {
    const input = 'Tỉnh Thanh Hóa';
    const record = await extractor.extract(input);
    expect(record.provinces.length).toBeGreaterThan(0);
    const moved = { ...record, provinces: record.provinces.map((p) => ({ ...p, span: [0, 5] as [number, number] })) };
    expect(spanProblems(input, moved)).toEqual(['provinces text "Thanh Hóa" but the input at [0,5] is "Tỉnh "']);
  });
});
