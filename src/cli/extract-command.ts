/**
 * The default command: extract records from inputs and write them.
 * Stages: sources → items (text files or JSON Lines) → selection (--skip-seen,
 * --shard) → records → writer → sink, with progress and a summary on stderr.
 */
import { readJsonlSources, type JsonlFields } from '../input/jsonl.js';
import { loadSeen } from '../input/seen.js';
import { selectInputs } from '../input/select.js';
import type { Shard } from '../input/shard.js';
import { expandSources, type Source } from '../input/sources.js';
import { EXTRACTOR_VERSION } from '../record/provenance.js';
import { ENTITY_TYPES } from '../extractors/registry.js';
import type { EntityType } from '../model/entity.js';
import { createWriter, type Format } from '../output/writers.js';
import { scoreArticle } from '../eval/score.js';
import { readSources } from '../input/read.js';
import { processItems } from './batch.js';
import { prepareRun } from './run-setup.js';
import { GoldDir } from './gold-dir.js';
import { refuseOutputOverInputs } from './output-guard.js';
import { UsageError, type Io } from './io.js';
import { Progress } from './progress.js';
import { Sink } from './sink.js';

export const INPUT_FORMATS = ['text', 'jsonl'] as const;

export interface ExtractOptions {
  format: Format;
  pretty?: boolean;
  /** CSV: cells that begin like a formula are kept as they are. */
  csvRaw?: boolean;
  only?: EntityType[];
  output?: string;
  rules: string[];
  refDate?: string;
  /** Gold directory: the html report marks missed and spurious entities. */
  gold?: string;
  input?: (typeof INPUT_FORMATS)[number];
  textField?: string;
  idField?: string;
  dateField?: string;
  titleField?: string;
  skipSeen?: string[];
  shard?: Shard;
  quiet?: boolean;
  /** Worker threads (`--jobs`); 1 extracts in this thread; default: defaultJobs. */
  jobs?: number;
  /** Inputs larger than this fail with E_TOO_LARGE (`--max-bytes`). */
  maxBytes?: number;
  /** Seconds an article may take (`--timeout`). */
  timeout?: number;
}

export async function runExtract(inputs: readonly string[], options: ExtractOptions, io: Io): Promise<number> {
  if (inputs.length === 0) {
    if (io.stdinIsTTY) throw new UsageError('no input: name files, directories or globs, or - for standard input (see --help)');
    inputs = ['-'];
  }
  const fields: JsonlFields = { text: options.textField, id: options.idField, date: options.dateField, title: options.titleField };
  const jsonl = options.input === 'jsonl';
  if (!jsonl && Object.values(fields).some((f) => f !== undefined)) throw new UsageError('--text-field, --id-field, --date-field and --title-field need --input jsonl');
  const { rules, rulesHash, sources, read, batch } = prepareRun(inputs, options, io.cwd, jsonl ? '*.jsonl' : '*.txt', !jsonl);
  const seenSources = expandSources(options.skipSeen ?? [], io.cwd, '*.jsonl');
  refuseOutputOverInputs(options.output, io.cwd, { inputs: sources, seen: seenSources, stdin: io.stdin });
  const seen = seenSources.length ? await readSeen(seenSources, rulesHash) : undefined;
  if (options.gold && options.format !== 'html') throw new UsageError('--gold marks missed and spurious entities in the report: use it with --format html (extract eval --gold prints the scores)');
  const golds = options.gold ? GoldDir.open(options.gold, io.cwd) : undefined;
  const sink = await Sink.open(options.output, io.stdout, io.cwd);
  const toStdout = !options.output || options.output === '-';
  const progress = new Progress(io.stderr, {
    live: !options.quiet && isTTY(io.stderr) && !(toStdout && isTTY(io.stdout)),
    summary: !options.quiet,
    total: jsonl ? undefined : sources.length,
    types: options.only ?? ENTITY_TYPES,
  });
  const writer = createWriter(options.format, { pretty: options.pretty, only: options.only, gold: golds !== undefined, csvRaw: options.csvRaw, header: rules.text.header });
  let failed = 0;
  const items = jsonl ? readJsonlSources(sources, io.stdin, fields, read) : readSources(sources, io.stdin, read);
  const selected = selectInputs(items, { seen, shard: options.shard }, (reason) => progress.skip(reason));
  for await (const { item, record } of processItems(selected, rules, batch)) {
    if (record.error) {
      failed++;
      progress.note(`extract: ${record.file}: ${record.error.message} [${record.error.code}]`);
    }
    const gold = golds && !record.error ? golds.goldFor(record.file, (line) => progress.note(line)) : undefined;
    await sink.write(writer.write(record, { text: item.ok ? item.text : undefined, score: gold && scoreArticle(record, gold, rules) }));
    if (!sink.open) {
      progress.finish(false);
      return 0;
    }
    progress.record(record);
  }
  await sink.write(writer.end());
  await sink.close();
  progress.finish();
  return failed > 0 ? 1 : 0;
}

/** The content hashes in earlier outputs (`--skip-seen`). */
async function readSeen(sources: readonly Source[], rulesHash: string): Promise<Set<string>> {
  try {
    return await loadSeen(sources, { extractorVersion: EXTRACTOR_VERSION, rulesHash });
  } catch (error) {
    throw new UsageError(`--skip-seen: ${(error as Error).message}`);
  }
}

function isTTY(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
