/**
 * Properties of the built command line (bin/extract.js, on dist/) over
 * generated inputs written to files, as a crawler leaves them: arbitrary
 * bytes, arbitrary Unicode text in UTF-8 with and without a BOM and in
 * UTF-16LE/BE with a BOM, Vietnamese text made of syllables (the same text
 * in all four encodings), such text with its encoding broken, as an HTML
 * page and in UTF-16 without a BOM, and white space.
 *
 * - Reading: the command never crashes (exit status 0, or 1 exactly when a
 *   record carries an error; no stack trace), prints one valid record per
 *   input in input order, reads every input that is text as that text
 *   (its sha256 is the text's), gives an input that is not text an error
 *   record with a stable code, or says in a warning how it was read, and
 *   reads one text the same in every encoding.
 * - Output: on the same batch, JSON Lines is one JSON object per line, one
 *   per input; JSON is an array of the same records; CSV parses, every row
 *   has the header's columns, and it has one row per entity (one per error)
 *   of the records, in order; HTML is one page with one section per input.
 * - Growth: on a dense input of test/dense-inputs.ts, four times the input
 *   costs at most five times as much wall time once start-up is taken off.
 *   test/growth.test.ts measures the pipeline alone on all of them; this is
 *   the whole command (reading, extracting, writing) on one, under
 *   `npm run fuzz` only (wall time beside other test files is noise).
 *
 * Every run starts the command, whose rules and models take seconds to load,
 * so a run is one batch of many inputs, runs are far fewer than the library
 * properties' (FUZZ_CLI_RUNS, default FUZZ_RUNS / 50 and at least 3), and a
 * failure is not shrunk: the failing batch is printed whole. `npm test` runs
 * a fixed seed; `npm run fuzz` runs more (FUZZ_RUNS, FUZZ_SEED).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../src/cli/progress.js';
import { ENTITY_TYPES, RecordSchema } from '../src/extractors/registry.js';
import type { ArticleRecord } from '../src/model/record.js';
import type { Format } from '../src/output/writers.js';
import { cli, type CliResult, jsonLines, ROOT } from './cli-helpers.js';
import { DENSE_INPUTS } from './dense-inputs.js';

const RUNS = Number(process.env['FUZZ_CLI_RUNS'] ?? Math.max(3, Math.floor(Number(process.env['FUZZ_RUNS'] ?? 0) / 50)));
const SEED = Number(process.env['FUZZ_SEED'] ?? 20251122);
const PARAMS = { seed: SEED, numRuns: RUNS, endOnFailure: true };
/** Per run: one to four start-ups of a few seconds each on a busy machine, and the batch itself. */
const TEST_TIMEOUT_MS = 60_000 + RUNS * 4 * 30_000;

// ---- generated inputs ----

/** One generated input file. */
interface InputFile {
  kind: string;
  bytes: Buffer;
  /** The text, for files that hold one text in several encodings: their records are the same but for `file`. */
  group?: string;
  /** Appended to the file's name (after its position, which keeps names unique). */
  label: string;
}

const ENCODINGS = ['utf-8', 'utf-8 with BOM', 'utf-16le with BOM', 'utf-16be with BOM'] as const;
type Encoding = (typeof ENCODINGS)[number];

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8 with BOM':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le with BOM':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be with BOM':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

/** What file names hold that needs quoting or escaping somewhere: CSV, HTML (a tag, an entity, a comment), JSON, globs, the shell, a terminal. */
const label = fc
  .array(fc.constantFrom(...' aăđỆệ,;"\'<>&*?[]{}()!#$%\\\t\n\r\u001b\u2028', '<b>', '<script>', '&amp;', '&#39;', '<!--'), { maxLength: 6 })
  .map((pieces) => pieces.join(''));

/** Vietnamese syllables: an onset, a vowel nucleus, a coda and a tone, with the tone mark on the vowel that carries it. */
const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const NUCLEI = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'ia', 'iê', 'ua', 'uô', 'ưa', 'ươ', 'oa', 'oe', 'uy', 'uyê'];
const CODAS = ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't', 'i', 'o', 'u', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** The tone goes on the last vowel with a mark of its own (ươ → ơ), else on the first of two vowels ending the syllable (ia → i), else on the last. */
function withTone(nucleus: string, coda: string, tone: string): string {
  const letters = [...nucleus];
  const marked = letters.findLastIndex((c) => 'ăâêôơư'.includes(c));
  const at = marked >= 0 ? marked : letters.length === 2 && coda === '' ? 0 : letters.length - 1;
  letters[at] += tone;
  return letters.join('');
}

const syllable: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...ONSETS), fc.constantFrom(...NUCLEI), fc.constantFrom(...CODAS), fc.constantFrom(...TONES), fc.boolean())
  .map(([onset, nucleus, coda, tone, capital]) => {
    const word = (onset + withTone(nucleus, coda, tone) + coda).normalize('NFC');
    return capital ? word[0]!.toUpperCase() + word.slice(1) : word;
  });

/** Phrases the extractors look for, so the records have entities in every output format. */
const PHRASES = [
  'tỉnh Thanh Hóa', 'huyện Cẩm Thủy', 'TP.HCM', 'Ngày 27/12/2024', 'năm 2023', 'quý III', 'tăng 8,5%', '1.234,5 tỷ đồng', 'hơn 300 ha',
  'Nghị quyết số 57-NQ/TW', 'Quyết định 1234/QĐ-UBND', 'đồng chí Đỗ Hữu Quyết - Giám đốc Sở', ' date 2024-12\n',
];
const PUNCTUATION = ['.', ',', ':', ';', '–', '-', '(', ')', '“', '”', '"', '!', '?', '…', '\n', '\n\n', '\t', '\u00a0'];

const vietnamese: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: syllable },
        { weight: 2, arbitrary: fc.constantFrom(...PHRASES) },
        { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map(String) },
      ),
      { minLength: 1, maxLength: 300, size: 'large' },
    ),
    fc.constantFrom('NFC', 'NFD'),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([words, form, lineEnd]) => words.join(' ').normalize(form).replace(/\n/g, lineEnd));

/** Vietnamese text in each of the four encodings. */
const vietnameseFiles: fc.Arbitrary<InputFile[]> = fc
  .tuple(vietnamese, label)
  .map(([text, name]) => ENCODINGS.map((encoding) => ({ kind: `Vietnamese text in ${encoding}`, bytes: encode(text, encoding), group: text, label: name })));

/** Any text, NUL and lone combining marks and non-characters included, in one of the four encodings. */
const unicodeFile: fc.Arbitrary<InputFile> = fc
  .tuple(fc.string({ unit: 'binary', maxLength: 400, size: 'medium' }), fc.constantFrom(...ENCODINGS), label)
  .map(([text, encoding, name]) => ({ kind: `Unicode text in ${encoding}`, bytes: encode(text, encoding), label: name }));

/** Any bytes, some behind a byte-order mark so that the UTF-16 and UTF-8 decoders see them. */
const bytesFile: fc.Arbitrary<InputFile> = fc
  .tuple(fc.constantFrom([], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]), fc.uint8Array({ maxLength: 600, size: 'medium' }), label)
  .map(([bom, bytes, name]) => ({ kind: 'bytes', bytes: Buffer.concat([Buffer.from(bom), bytes]), label: name }));

/** Vietnamese text whose encoding is broken: UTF-16 cut to an odd length, a lone surrogate in UTF-16, a stray byte in UTF-8. */
const brokenFile: fc.Arbitrary<InputFile> = fc
  .tuple(vietnamese, fc.constantFrom('odd length', 'lone surrogate', 'stray byte'), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0x80, 0xc3, 0xe1, 0xff), label)
  .map(([text, damage, where, byte, name]) => {
    const kind = `Vietnamese text with ${damage}`;
    if (damage === 'odd length') return { kind, bytes: encode(text, 'utf-16le with BOM').subarray(0, -1), label: name };
    const at = (bytes: Buffer, step: number) => Math.floor((bytes.length / step) * where) * step;
    if (damage === 'lone surrogate') {
      const bytes = encode(text, 'utf-16be with BOM');
      const i = Math.max(2, at(bytes, 2));
      return { kind, bytes: Buffer.concat([bytes.subarray(0, i), Buffer.from([0xdc, 0x00]), bytes.subarray(i)]), label: name };
    }
    const bytes = encode(text, 'utf-8');
    const i = at(bytes, 1);
    return { kind, bytes: Buffer.concat([bytes.subarray(0, i), Buffer.from([byte]), bytes.subarray(i)]), label: name };
  });

/** Vietnamese text in the forms a reader must recognise: an HTML page, UTF-16 without a byte-order mark, white space only. */
const otherFile: fc.Arbitrary<InputFile> = fc
  .tuple(vietnamese, fc.constantFrom('an HTML page', 'utf-16le without BOM', 'utf-16be without BOM'), label)
  .map(([text, form, name]): InputFile => {
    const kind = `Vietnamese text as ${form}`;
    if (form === 'an HTML page') {
      const paragraphs = text.split(/\r\n?|\n/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
      return { kind, bytes: Buffer.from(`<!DOCTYPE html>\n<html><head><title>Tin</title></head><body>${paragraphs.join('\n')}</body></html>\n`), label: name };
    }
    const le = Buffer.from(text, 'utf16le');
    return { kind, bytes: form === 'utf-16le without BOM' ? le : le.swap16(), label: name };
  });

/** White space only, of every kind (a BOM, no-break and ideographic spaces, line and paragraph separators). */
const blankFile: fc.Arbitrary<InputFile> = fc
  .tuple(fc.array(fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u2028', '\u2029', '\ufeff'), { maxLength: 20 }), fc.constantFrom(...ENCODINGS), label)
  .map(([spaces, encoding, name]) => ({ kind: `white space in ${encoding}`, bytes: encode(spaces.join(''), encoding), label: name }));

/** A batch for one command line: a few groups of inputs, at most some twenty files. */
const batch: fc.Arbitrary<InputFile[]> = fc
  .array(fc.oneof(vietnameseFiles, ...[unicodeFile, bytesFile, brokenFile, otherFile, blankFile].map((file) => file.map((f) => [f]))), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.flat());

// ---- running the command ----

/** Each file's name: its position first, so that names are unique and none begins like an option or a CSV formula. */
const fileNames = (files: readonly InputFile[]) => files.map((f, i) => `${String(i).padStart(2, '0')}${f.label}.txt`);

/**
 * Runs so far, by format and batch. Both properties draw the same batches
 * (same seed, same arbitrary), so the output property finds the reading
 * property's JSON Lines run here instead of starting the command again.
 */
const runs = new Map<string, CliResult>();

/** The command on the batch written to a fresh directory, the inputs named relative to it, in the main thread unless `options` say otherwise. */
function runBatch(files: readonly InputFile[], format: Format, options: readonly string[] = ['--jobs', '1']): CliResult {
  const names = fileNames(files);
  return runFiles(files.map((f, i) => ({ name: names[i]!, bytes: f.bytes })), ['--format', format, ...options], names);
}

/** The command with `args` then `inputs` on `files` written to a fresh directory; runs already made are taken from `runs`. */
function runFiles(files: ReadonlyArray<{ name: string; bytes: Buffer }>, args: readonly string[], inputs: readonly string[], stdin?: Buffer): CliResult {
  const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const key = JSON.stringify([args, inputs, files.map((f) => [f.name, digest(f.bytes)]), stdin && digest(stdin)]);
  const known = runs.get(key);
  if (known) return known;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-property-'));
  try {
    for (const f of files) writeFileSync(path.join(dir, f.name), f.bytes);
    const result = cli(['--quiet', ...args, ...inputs], { cwd: dir, ...(stdin && { input: stdin }) });
    runs.set(key, result);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What is wrong with how the command ended: an exit status other than 0 or 1, a signal, a stack trace or an internal error on stderr. */
function crashProblems(result: CliResult): string[] {
  const problems: string[] = [];
  if (result.status !== 0 && result.status !== 1) problems.push(`exit status ${result.status} (70: internal error; null: killed by a signal)`);
  if (/^ {4}at /m.test(result.stderr)) problems.push(`a stack trace on stderr: ${result.stderr}`);
  if (/internal error/.test(result.stderr)) problems.push(`an internal error on stderr: ${result.stderr}`);
  return problems;
}

/** The JSON Lines output as records, with what is wrong with its lines. */
function readJsonLines(stdout: string, names: readonly string[]): { records: ArticleRecord[]; problems: string[] } {
  const problems: string[] = [];
  if (stdout !== '' && !stdout.endsWith('\n')) problems.push('the output does not end with a line break');
  const lines = stdout.split('\n').slice(0, -1);
  const records: ArticleRecord[] = [];
  lines.forEach((line, i) => {
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) problems.push(`line ${i + 1} is not a JSON object: ${line.slice(0, 200)}`);
      else records.push(value as ArticleRecord);
    } catch {
      problems.push(`line ${i + 1} is not JSON: ${line.slice(0, 200)}`);
    }
  });
  const files = records.map((r) => r.file);
  if (JSON.stringify(files) !== JSON.stringify(names)) problems.push(`records for ${JSON.stringify(files)}, not for the inputs ${JSON.stringify(names)}`);
  return { records, problems };
}

// ---- what reading an input must give ----

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** Codes of an input that is not text, or not one the command reads (README, "Bad input"). */
const UNREADABLE = new Set(['E_EMPTY', 'E_BINARY', 'E_DECODE', 'E_ENCODING_TCVN3', 'E_ENCODING_VNI']);
/** Warnings of an input read by a guess, each saying how it was read. */
const GUESSED = new Set(['input-windows-1258', 'input-utf16-no-bom']);

/** The text in the bytes, decoded strictly (a BOM says which decoder), or null when they are not UTF-8 nor UTF-16 behind its BOM. */
function strictText(bytes: Buffer): string | null {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** What is wrong with the record of one input, read from `bytes`. */
function readingProblems(bytes: Buffer, record: ArticleRecord): string[] {
  const problems: string[] = [];
  const check = RecordSchema.safeParse(record);
  if (!check.success) problems.push(`an invalid record: ${JSON.stringify(check.error.issues)}`);
  const code = record.error?.code;
  const guessed = record.warnings.filter((w) => GUESSED.has(w.code)).map((w) => w.code);
  if (code !== undefined && ENTITY_TYPES.some((t) => record[t].length > 0)) problems.push(`an error record (${code}) with entities`);
  const text = strictText(bytes);
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (text === null) {
    // Not text by any encoding the reader knows for sure: an error with its code, or a record that says how it guessed.
    if (utf16Bom && code !== 'E_DECODE') problems.push(`UTF-16 behind a BOM that does not decode gave ${code ?? 'a record'}, not E_DECODE`);
    else if (code === undefined ? guessed.length === 0 : !UNREADABLE.has(code)) problems.push(`bytes that are not UTF-8 gave ${code ?? 'a record with no warning of a guessed encoding'}`);
  } else if (text.includes('\u0000')) {
    if (code !== 'E_BINARY' && !(code === undefined && !utf16Bom && guessed.includes('input-utf16-no-bom'))) problems.push(`text with NUL gave ${code ?? 'a record'}, not E_BINARY`);
  } else if (text.trim() === '') {
    if (code !== 'E_EMPTY') problems.push(`text of white space only gave ${code ?? 'a record'}, not E_EMPTY`);
  } else if (text.includes('<')) {
    // It may be an HTML page, read as the text of the page, which may be empty.
    if (code !== undefined && code !== 'E_EMPTY') problems.push(`text that may be HTML gave ${code}`);
  } else {
    if (code !== undefined) problems.push(`text gave an error record ${code}: ${record.error?.message}`);
    else if (record.sha256 !== sha256(text)) problems.push(`text read as another text: sha256 ${record.sha256}, not ${sha256(text)}`);
    if (guessed.length) problems.push(`text read with the warnings ${guessed.join(', ')}`);
  }
  return problems;
}

/** The record without its file name, which is all that may differ between encodings of one text. */
const withoutFile = (record: ArticleRecord) => JSON.stringify({ ...record, file: null });

function checkReading(files: InputFile[]): void {
  const names = fileNames(files);
  const result = runBatch(files, 'jsonl');
  const { records, problems } = readJsonLines(result.stdout, names);
  problems.push(...crashProblems(result));
  if (records.length === files.length) {
    records.forEach((record, i) => problems.push(...readingProblems(files[i]!.bytes, record).map((p) => `${names[i]} (${files[i]!.kind}): ${p}`)));
    const failed = records.filter((r) => r.error);
    if (result.status !== (failed.length ? 1 : 0)) problems.push(`exit status ${result.status} with ${failed.length} error records`);
    // --quiet: one line per failed input, its name's control characters escaped so that it cannot break or forge a line
    const lines = result.stderr.split('\n').slice(0, -1);
    const expected = failed.map((r) => `extract: ${escapeControls(r.file)}: `);
    if (lines.length !== expected.length || lines.some((line, i) => !line.startsWith(expected[i]!))) problems.push(`stderr is not one line per failed input, in order: ${JSON.stringify(lines)}`);
    const firstOfGroup = new Map<string, number>();
    files.forEach((f, i) => {
      if (f.group === undefined) return;
      const first = firstOfGroup.get(f.group) ?? (firstOfGroup.set(f.group, i), i);
      if (withoutFile(records[i]!) !== withoutFile(records[first]!)) problems.push(`${files[i]!.kind} gave another record than ${files[first]!.kind}`);
    });
  }
  expect(problems).toEqual([]);
}

// ---- what every output format must hold ----

/** The CSV rows the records give: one per entity, in type order, or one per error record. */
const csvRowsOf = (records: readonly ArticleRecord[]) =>
  records.flatMap((r) => (r.error ? [[r.file, 'error']] : ENTITY_TYPES.flatMap((t) => r[t].map(() => [r.file, t]))));

function csvProblems(stdout: string, records: readonly ArticleRecord[]): string[] {
  let rows: string[][];
  try {
    rows = parseCsv(stdout, { bom: true, relax_column_count: true, record_delimiter: '\r\n' }) as string[][];
  } catch (error) {
    return [`the CSV does not parse: ${(error as Error).message}`];
  }
  const [header, ...body] = rows;
  if (!header) return ['the CSV has no header'];
  const problems = body.flatMap((row, i) => (row.length === header.length ? [] : [`CSV row ${i + 1} has ${row.length} cells, the header ${header.length}`]));
  const [file, type] = [header.indexOf('file'), header.indexOf('type')];
  const actual = body.map((row) => [row[file], row[type]]);
  if (JSON.stringify(actual) !== JSON.stringify(csvRowsOf(records))) problems.push(`CSV rows ${JSON.stringify(actual)}, not ${JSON.stringify(csvRowsOf(records))}`);
  return problems;
}

function htmlProblems(page: string, names: readonly string[]): string[] {
  const problems: string[] = [];
  if (!/^<!doctype html>/i.test(page)) problems.push(`the page starts with ${JSON.stringify(page.slice(0, 40))}`);
  if ((page.match(/<!doctype/gi) ?? []).length !== 1 || (page.match(/<\/html>/g) ?? []).length !== 1 || !page.trimEnd().endsWith('</html>')) problems.push('not one HTML document');
  // Each article's section has its file name as the heading whose id is the section's id and -h.
  const headings: string[] = [];
  const open: Array<{ name: string; heading: string | null }> = [];
  let section: string | null = null;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'section' && attributes['class'] === 'article') {
        section = attributes['id'] ?? '';
        headings.push('');
      }
      open.push({ name, heading: name === 'h2' && section !== null && attributes['id'] === `${section}-h` ? section : null });
    },
    ontext(text) {
      if (open.some((e) => e.heading !== null)) headings[headings.length - 1] += text;
    },
    onclosetag(name) {
      open.pop();
      if (name === 'section') section = null;
    },
  });
  parser.end(page);
  if (JSON.stringify(headings) !== JSON.stringify(names)) problems.push(`sections for ${JSON.stringify(headings)}, not for the inputs ${JSON.stringify(names)}`);
  return problems;
}

function checkFormats(files: InputFile[]): void {
  const names = fileNames(files);
  const jsonl = runBatch(files, 'jsonl');
  const { records, problems } = readJsonLines(jsonl.stdout, names);
  // Typed by the formats the command has, so that a new one is not left out here.
  const outputs: Record<Exclude<Format, 'jsonl'>, CliResult> = { json: runBatch(files, 'json'), csv: runBatch(files, 'csv'), html: runBatch(files, 'html') };
  for (const [format, result] of Object.entries({ jsonl, ...outputs })) {
    problems.push(...crashProblems(result).map((p) => `${format}: ${p}`));
    if (result.status !== jsonl.status) problems.push(`${format}: exit status ${result.status}, JSON Lines ${jsonl.status}`);
  }
  try {
    const array: unknown = JSON.parse(outputs.json.stdout);
    if (JSON.stringify(array) !== JSON.stringify(records)) problems.push('the JSON array does not hold the JSON Lines records');
  } catch (error) {
    problems.push(`the JSON output does not parse: ${(error as Error).message}`);
  }
  problems.push(...csvProblems(outputs.csv.stdout, records), ...htmlProblems(outputs.html.stdout, names));
  expect(problems).toEqual([]);
}

describe(`the command line on generated inputs (seed ${SEED}, ${RUNS} runs each)`, () => {
  it('reads every input as text, or gives it an error record with a code; never crashes', () => {
    fc.assert(fc.property(batch, checkReading), PARAMS);
  }, TEST_TIMEOUT_MS);

  it('writes the same records in every output format: JSON Lines, JSON, CSV, HTML', () => {
    fc.assert(fc.property(batch, checkFormats), PARAMS);
  }, TEST_TIMEOUT_MS);
});

// ---- worker threads and shards ----

/**
 * Runs of the properties below, each of which starts one to five commands
 * of its own per run where the two above share four: a third of RUNS, at
 * least one, keeps `npm test` within a minute.
 */
const FEW_RUNS = Math.max(1, Math.floor(RUNS / 3));
const FEW = { ...PARAMS, numRuns: FEW_RUNS };
const FEW_TIMEOUT_MS = 60_000 + FEW_RUNS * 5 * 30_000;

/** The records of a JSON Lines output, by line, each with its file. */
const linesByFile = (stdout: string) => stdout.split('\n').slice(0, -1).map((line) => ({ line, file: (JSON.parse(line) as ArticleRecord).file }));

/**
 * Three batches in one, so that even one run has inputs of every kind in
 * turn, errors (made at once) among articles (made on the threads).
 */
const bigBatch = fc.tuple(batch, batch, batch).map((parts) => parts.flat());

function checkJobs(files: InputFile[]): void {
  const one = runBatch(files, 'jsonl');
  const two = runBatch(files, 'jsonl', ['--jobs', '2']);
  const problems = crashProblems(two);
  if (two.status !== one.status) problems.push(`exit status ${two.status} with --jobs 2, ${one.status} with --jobs 1`);
  const [a, b] = [one.stdout.split('\n'), two.stdout.split('\n')];
  const at = a.findIndex((line, i) => line !== b[i]);
  if (at >= 0 || a.length !== b.length) problems.push(`--jobs 2 writes another output from line ${at + 1}: ${JSON.stringify(b[at]?.slice(0, 300))}, --jobs 1 ${JSON.stringify(a[at]?.slice(0, 300))}`);
  expect(problems).toEqual([]);
}

const SHARDS = 2;

function checkShards(files: InputFile[]): void {
  const whole = runBatch(files, 'jsonl');
  const shards = Array.from({ length: SHARDS }, (_, k) => runBatch(files, 'jsonl', ['--jobs', '2', '--shard', `${k + 1}/${SHARDS}`]));
  const problems = shards.flatMap((shard, k) => {
    const failed = linesByFile(shard.stdout).some(({ line }) => 'error' in (JSON.parse(line) as object));
    return [...crashProblems(shard), ...(shard.status === (failed ? 1 : 0) ? [] : [`shard ${k + 1}: exit status ${shard.status}`])].map((p) => `shard ${k + 1}: ${p}`);
  });
  const byFile = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  const joined = shards.flatMap((shard) => linesByFile(shard.stdout)).sort(byFile).map((r) => r.line);
  const expected = linesByFile(whole.stdout).sort(byFile).map((r) => r.line);
  if (JSON.stringify(joined) !== JSON.stringify(expected)) problems.push(`the shards wrote ${JSON.stringify(joined.map((l) => (JSON.parse(l) as ArticleRecord).file))}, the whole run ${JSON.stringify(expected.map((l) => (JSON.parse(l) as ArticleRecord).file))}, or other records`);
  expect(problems).toEqual([]);
}

describe(`the command line on generated batches, in parallel and in shards (seed ${SEED}, ${FEW_RUNS} runs each)`, () => {
  it('writes byte for byte the same output with --jobs 2 as with --jobs 1', () => {
    fc.assert(fc.property(bigBatch, checkJobs), FEW);
  }, FEW_TIMEOUT_MS);

  it(`writes each record of the whole run once in ${SHARDS} shards (--shard K/${SHARDS}, --jobs 2)`, () => {
    fc.assert(fc.property(bigBatch, checkShards), FEW);
  }, FEW_TIMEOUT_MS);
});

// ---- articles: legacy encodings, JSON Lines and standard input, output flags ----

/** Real Vietnamese words: those of the seed articles, in order of first use. */
const WORDS = [
  ...new Set(
    readdirSync(path.join(ROOT, 'seeds'))
      .sort()
      .flatMap((name) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8').normalize('NFC').match(/\p{L}+/gu) ?? []),
  ),
];
const accented = (word: string) => /[^\x00-\x7f]/.test(word);

/**
 * An article as a crawler gives it: text of real words, digits and the
 * phrases the extractors look for, an id that begins like a CSV formula
 * (its position after that keeps ids unique), a date.
 */
interface Article {
  text: string;
  id: string;
  date: string;
}

const articleText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 2, arbitrary: fc.constantFrom(...PHRASES.filter((p) => !p.startsWith(' date'))) },
      { weight: 2, arbitrary: fc.constantFrom('.', ',', '\n', '\n\n') },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000 }).map(String) },
    ),
    { minLength: 8, maxLength: 200 },
  )
  .map((words) => words.join(' ').trim())
  // enough accented words for the legacy encodings to be told apart (src/input/legacy.ts)
  .filter((text) => (text.match(/\S+/g) ?? []).filter(accented).length >= 5);

const articles: fc.Arbitrary<Article[]> = fc
  .array(
    fc.record({
      text: articleText,
      id: fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '=HYPERLINK("x")'), label),
      date: fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((list) => list.map(({ text, id: [formula, name], date }, i) => ({ text, id: `${formula}${i}${name}`, date })));

/** The line that gives a text file its date. */
const dateHeader = (date: string) => ` date ${date}\n`;

/**
 * The text as Windows-1258 writes it: a letter the code page has is kept,
 * any other is its base letter (with its circumflex, breve or horn) and a
 * combining tone mark, which the code page has as characters of their own.
 */
function windows1258Form(text: string): string {
  const fits = (c: string) => iconv.decode(iconv.encode(c, 'windows1258'), 'windows1258') === c;
  return Array.from(text, (c) => {
    if (fits(c)) return c;
    const marks = c.normalize('NFD').match(/[\u0300\u0301\u0303\u0309\u0323]/gu) ?? [];
    return c.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, '').normalize('NFC') + marks.join('');
  }).join('');
}

/**
 * The text as the VNI fonts write it, in their Windows-1252 bytes: a vowel's
 * circumflex or breve and its tone are one character after it (`Vieät` is
 * `Việt`: `ä` is circumflex and dot below), ơ, ư and đ are `ô`, `ö` and `ñ`,
 * and an i with a tone is a character of its own. Capitals take the capital
 * of each character.
 */
function vniForm(text: string): string {
  const tones = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
  const alone = ['ù', 'ø', 'û', 'õ', 'ï'];
  const afterCircumflex = ['á', 'à', 'å', 'ã', 'ä'];
  const afterBreve = ['é', 'è', 'ú', 'ü', 'ë'];
  const accentedI = ['í', 'ì', 'æ', 'ó', 'ò'];
  return Array.from(text.normalize('NFC'), (c) => {
    const lower = c.toLowerCase();
    const decomposed = lower.normalize('NFD');
    const tone = tones.findIndex((t) => decomposed.includes(t));
    const base = decomposed.replace(/[\u0300-\u036f]/gu, '');
    let vni: string;
    if (lower === 'đ') vni = 'ñ';
    else if (base === 'i' && tone >= 0) vni = accentedI[tone]!;
    else if (decomposed.includes('\u031b')) vni = (base === 'o' ? 'ô' : 'ö') + (tone >= 0 ? alone[tone]! : '');
    else if (decomposed.includes('\u0302')) vni = base + (tone >= 0 ? afterCircumflex[tone]! : 'â');
    else if (decomposed.includes('\u0306')) vni = base + (tone >= 0 ? afterBreve[tone]! : 'ê');
    else vni = base + (tone >= 0 ? alone[tone]! : '');
    return c === lower ? vni : vni.toUpperCase();
  }).join('');
}

/** The files of one article: UTF-8 with a date header, the same text in Windows-1258 (and its UTF-8 twin), lower-cased as the .Vn fonts write it in TCVN3, and in VNI. */
function articleFiles(article: Article, i: number) {
  const n = String(i).padStart(2, '0');
  const header = dateHeader(article.date);
  const cp1258 = header + windows1258Form(article.text);
  return {
    utf8: { name: `${n}.txt`, bytes: Buffer.from(header + article.text) },
    cp1258Twin: { name: `${n}-cp1258-twin.txt`, bytes: Buffer.from(cp1258) },
    cp1258: { name: `${n}-cp1258.txt`, bytes: iconv.encode(cp1258, 'windows1258') },
    tcvn3: { name: `${n}-tcvn3.txt`, bytes: iconv.encode(header + article.text.toLowerCase(), 'tcvn') },
    vni: { name: `${n}-vni.txt`, bytes: iconv.encode(header + vniForm(article.text), 'windows1252') },
  };
}

/** The articles as text files (five per article), the first one's also on standard input (`-`, last). */
function runTextFiles(list: readonly Article[]) {
  const files = list.flatMap((a, i) => Object.values(articleFiles(a, i)));
  const result = runFiles(files, ['--format', 'jsonl', '--jobs', '1'], [...files.map((f) => f.name), '-'], articleFiles(list[0]!, 0).utf8.bytes);
  return { result, files, ...readJsonLines(result.stdout, [...files.map((f) => f.name), '-']) };
}

/** A line of JSON Lines that is not an article: not JSON, not an object, no text. */
const MALFORMED = ['{bad', '[1]', '"text"', '{"text": 5}', '{"id": "x"}'];
const JSONL_NAME = 'crawl.jsonl';

/** The articles as JSON Lines (id, text, date), a malformed line at `bad` among them. */
function jsonlBytes(list: readonly Article[], bad: { at: number; line: string }): Buffer {
  const lines = list.map((a) => JSON.stringify({ id: a.id, text: a.text, date: a.date }));
  lines.splice(bad.at % (lines.length + 1), 0, bad.line);
  return Buffer.from(lines.join('\n') + '\n');
}

const runJsonl = (list: readonly Article[], bad: { at: number; line: string }, args: readonly string[], inputs: readonly string[] = [JSONL_NAME]) =>
  runFiles([{ name: JSONL_NAME, bytes: jsonlBytes(list, bad) }], ['--input', 'jsonl', '--jobs', '1', ...args], inputs, jsonlBytes(list, bad));

const malformedLine = fc.record({ at: fc.nat(), line: fc.constantFrom(...MALFORMED) });

/** The record with what may differ between two readings of one text left out. */
const without = (record: ArticleRecord, ...fields: Array<keyof ArticleRecord>) => JSON.stringify({ ...record, ...Object.fromEntries(fields.map((f) => [f, null])) });

function checkLegacy(list: Article[]): void {
  const { result, records, problems } = runTextFiles(list);
  problems.push(...crashProblems(result));
  const byName = new Map(records.map((r) => [r.file, r]));
  list.forEach((article, i) => {
    const files = articleFiles(article, i);
    const [twin, cp1258, tcvn3, vni] = [files.cp1258Twin, files.cp1258, files.tcvn3, files.vni].map((f) => byName.get(f.name));
    if (!twin || !cp1258 || !tcvn3 || !vni) return;
    const warnings = cp1258.warnings.map((w) => w.code);
    if (JSON.stringify(warnings) !== JSON.stringify([...twin.warnings.map((w) => w.code), 'input-windows-1258'].sort())) problems.push(`${files.cp1258.name}: warnings ${warnings.join(', ')}`);
    if (without(cp1258, 'file', 'warnings') !== without(twin, 'file', 'warnings')) problems.push(`${files.cp1258.name}: not the record of the same text in UTF-8: ${without(cp1258, 'file', 'warnings').slice(0, 400)}`);
    if (tcvn3.error?.code !== 'E_ENCODING_TCVN3') problems.push(`${files.tcvn3.name}: ${tcvn3.error?.code ?? 'a record'}, not E_ENCODING_TCVN3`);
    if (vni.error?.code !== 'E_ENCODING_VNI') problems.push(`${files.vni.name}: ${vni.error?.code ?? 'a record'}, not E_ENCODING_VNI`);
  });
  expect(problems).toEqual([]);
}

function checkStdin(list: Article[], bad: { at: number; line: string }): void {
  const text = runTextFiles(list);
  const problems = [...crashProblems(text.result), ...text.problems];
  const stdin = text.records.at(-1);
  if (stdin && without(stdin, 'file') !== without(text.records[0]!, 'file')) problems.push(`the text on standard input gave another record than ${text.files[0]!.name}: ${JSON.stringify(stdin).slice(0, 400)}`);
  const jsonl = runJsonl(list, bad, [], [JSONL_NAME, '-']);
  const records = jsonLines(jsonl.stdout) as unknown as ArticleRecord[];
  problems.push(...crashProblems(jsonl));
  const [fromFile, fromStdin] = [records.slice(0, list.length + 1), records.slice(list.length + 1)];
  if (records.length !== 2 * (list.length + 1)) problems.push(`${records.length} records for twice ${list.length + 1} lines`);
  fromStdin.forEach((r, i) => {
    if (without(r, ...(r.error ? (['file'] as const) : [])) !== without(fromFile[i]!, ...(r.error ? (['file'] as const) : []))) problems.push(`JSON Lines on standard input, line ${i + 1}: another record than from the file: ${JSON.stringify(r).slice(0, 400)}`);
  });
  expect(problems).toEqual([]);
}

/** The record with every span moved `by` code points. */
function shiftSpans(value: unknown, by: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shiftSpans(v, by));
  if (typeof value !== 'object' || value === null) return value;
  const move = (span: unknown) => (span as number[]).map((n) => n + by);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'span' ? move(v) : k === 'spans' ? (v as unknown[]).map(move) : shiftSpans(v, by)]));
}

function checkJsonlInput(list: Article[], bad: { at: number; line: string }): void {
  const text = runTextFiles(list);
  const jsonl = runJsonl(list, bad, []);
  const problems = crashProblems(jsonl);
  const at = bad.at % (list.length + 1);
  const records = jsonLines(jsonl.stdout) as unknown as ArticleRecord[];
  const expectedFiles = list.map((a) => a.id);
  expectedFiles.splice(at, 0, `${JSONL_NAME}:${at + 1}`);
  if (JSON.stringify(records.map((r) => r.file)) !== JSON.stringify(expectedFiles)) problems.push(`records for ${JSON.stringify(records.map((r) => r.file))}, not ${JSON.stringify(expectedFiles)}`);
  else {
    if (records[at]!.error?.code !== 'E_JSONL') problems.push(`line ${at + 1} (${bad.line}) gave ${records[at]!.error?.code ?? 'a record'}, not E_JSONL`);
    if (jsonl.status !== 1) problems.push(`exit status ${jsonl.status} with a malformed line`);
    const fromJsonl = records.filter((_, i) => i !== at);
    list.forEach((article, i) => {
      const fromText = text.records.find((r) => r.file === articleFiles(article, i).utf8.name);
      const record = fromJsonl[i]!;
      if (!fromText) return;
      if (record.sha256 !== sha256(article.text)) problems.push(`${article.id}: sha256 ${record.sha256}, not that of its text`);
      // The header line moves the text file's spans; it is its date's source; the text's hash is the jsonl text's.
      const shifted = shiftSpans(fromText, -[...dateHeader(article.date)].length) as ArticleRecord;
      const fields = ['file', 'sha256', 'published', 'referenceDateSource'] as const;
      if (without(record, ...fields) !== without(shifted, ...fields)) problems.push(`${article.id}: another record than its text file with a date header:\n${without(record, ...fields).slice(0, 600)}\n${without(shifted, ...fields).slice(0, 600)}`);
    });
  }
  expect(problems).toEqual([]);
}

/** Cells a spreadsheet would run as a formula (README, "A table per entity type"). */
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

function checkCsvRaw(list: Article[], bad: { at: number; line: string }): void {
  const records = jsonLines(runJsonl(list, bad, []).stdout) as unknown as ArticleRecord[];
  const [neutral, raw] = [runJsonl(list, bad, ['--format', 'csv']), runJsonl(list, bad, ['--format', 'csv', '--csv-raw'])];
  const problems = [...crashProblems(neutral), ...crashProblems(raw), ...csvProblems(raw.stdout, records).map((p) => `--csv-raw: ${p}`)];
  const parse = (csv: string) => parseCsv(csv, { bom: true, relax_column_count: true, record_delimiter: '\r\n' }) as string[][];
  const [a, b] = [parse(neutral.stdout), parse(raw.stdout)];
  if (a.length !== b.length) problems.push(`${a.length} CSV rows, ${b.length} with --csv-raw`);
  b.forEach((row, i) =>
    row.forEach((cell, j) => {
      const expected = FORMULA.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
      if (a[i]?.[j] !== expected) problems.push(`row ${i + 1}, column ${j + 1}: ${JSON.stringify(a[i]?.[j])} where --csv-raw writes ${JSON.stringify(cell)}`);
    }),
  );
  expect(problems).toEqual([]);
}

function checkPrettyOnly(list: Article[], bad: { at: number; line: string }, only: Array<(typeof ENTITY_TYPES)[number]>): void {
  const records = jsonLines(runJsonl(list, bad, []).stdout) as unknown as ArticleRecord[];
  const result = runJsonl(list, bad, ['--format', 'json', '--pretty', '--only', only.join(',')]);
  const problems = crashProblems(result);
  if (!result.stdout.includes('\n  ')) problems.push('--pretty does not indent');
  let array: ArticleRecord[] = [];
  try {
    array = JSON.parse(result.stdout) as ArticleRecord[];
  } catch (error) {
    problems.push(`the output does not parse: ${(error as Error).message}`);
  }
  const restricted = records.map((r) => ({ ...r, ...Object.fromEntries(ENTITY_TYPES.filter((t) => !only.includes(t)).map((t) => [t, []])) }));
  if (JSON.stringify(array) !== JSON.stringify(restricted)) problems.push(`--only ${only.join(',')}: not the whole records' ${only.join(', ')}:\n${JSON.stringify(array).slice(0, 600)}\n${JSON.stringify(restricted).slice(0, 600)}`);
  expect(problems).toEqual([]);
}

describe(`the command line on generated articles (seed ${SEED}, ${FEW_RUNS} runs each)`, () => {
  it('reads Windows-1258 as the same text in UTF-8, TCVN3 as E_ENCODING_TCVN3 and VNI as E_ENCODING_VNI', () => {
    fc.assert(fc.property(articles, checkLegacy), FEW);
  }, FEW_TIMEOUT_MS);

  it('reads standard input (-) as it reads the same file, text or JSON Lines', () => {
    fc.assert(fc.property(articles, malformedLine, checkStdin), FEW);
  }, FEW_TIMEOUT_MS);

  it('reads JSON Lines (id, text, date) as text files with a date header, a malformed line as E_JSONL', () => {
    fc.assert(fc.property(articles, malformedLine, checkJsonlInput), FEW);
  }, FEW_TIMEOUT_MS);

  it("writes CSV cells that begin like a formula after a ', and as they are with --csv-raw", () => {
    fc.assert(fc.property(articles, malformedLine, checkCsvRaw), FEW);
  }, FEW_TIMEOUT_MS);

  it('writes with --pretty --only the same JSON as the whole records, restricted to those types', () => {
    fc.assert(fc.property(articles, malformedLine, fc.subarray([...ENTITY_TYPES], { minLength: 1 }), checkPrettyOnly), FEW);
  }, FEW_TIMEOUT_MS);
});

// ---- growth ----

/**
 * The dense input measured here, with the repetitions of its small size:
 * enough work to stand above the noise of start-up, little enough to stay
 * fast. It has the most entities for its size of the dense inputs, so its
 * record is the longest to write.
 */
const GROWTH = { name: 'one date a line (Ngày 1/1/2020)', n: 3_000 };
/** Below this, a difference of wall times is noise (other processes, the disk cache), not work. */
const NOISE_FLOOR_MS = 300;
const ROUNDS = 2;

/** Wall milliseconds of the command on one file. */
function wallTime(dir: string, file: string): number {
  const start = performance.now();
  const result = cli(['--quiet', file], { cwd: dir });
  const time = performance.now() - start;
  if (result.status !== 0) throw new Error(`the command failed on ${file}: ${result.stderr}`);
  return time;
}

// Wall time of whole runs is at the mercy of whatever else the machine does: measured under `npm run fuzz`,
// where nothing runs beside it; `npm test` checks growth on CPU time in fresh processes (test/growth.test.ts).
describe.skipIf(process.env['FUZZ_RUNS'] === undefined)('the command line: cost grows linearly with dense input', () => {
  it(`${GROWTH.name}: ×4 input costs at most ×5 after start-up`, () => {
    const dense = DENSE_INPUTS.find((d) => d.name === GROWTH.name);
    if (!dense) throw new Error(`no dense input named ${GROWTH.name} in test/dense-inputs.ts`);
    const { n } = GROWTH;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-growth-'));
    const inputs = { 'tiny.txt': 'Ngày 1/1/2020\n', 'small.txt': dense.make(n), 'large.txt': dense.make(4 * n) };
    const best = new Map<string, number>();
    try {
      for (const [file, text] of Object.entries(inputs)) writeFileSync(path.join(dir, file), text);
      // Each file in turn, ROUNDS times, the best of each kept: a slow moment of the machine spoils one measure of each, not all of one.
      for (let round = 0; round < ROUNDS; round++) for (const file of Object.keys(inputs)) best.set(file, Math.min(best.get(file) ?? Infinity, wallTime(dir, file)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const startUp = best.get('tiny.txt')!;
    const small = best.get('small.txt')! - startUp;
    const large = best.get('large.txt')! - startUp;
    expect(large, `start-up ${startUp.toFixed(0)} ms, then ${small.toFixed(0)} ms for ${n}, ${large.toFixed(0)} ms for ${4 * n}`).toBeLessThanOrEqual(5 * Math.max(small, NOISE_FLOOR_MS));
  }, 300_000);
});
