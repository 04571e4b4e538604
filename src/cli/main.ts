/**
 * The command line: `run(argv, io)` parses arguments, runs a command and
 * returns the exit status (0: every input processed; 1: some input could not
 * be read or decoded; 2: usage errors and bad rule files; 70: an internal
 * error; 74: the output could not be written). Errors are one line on
 * stderr, never a stack trace.
 */
import v8 from 'node:v8';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_BYTES } from '../input/read.js';
import { parseShard, type Shard } from '../input/shard.js';
import { EXTRACTOR_VERSION } from '../record/provenance.js';
import { ENTITY_TYPES } from '../extractors/registry.js';
import type { EntityType } from '../model/entity.js';
import { FORMATS } from '../output/writers.js';
import { RuleFileError } from '../rules/parse.js';
import { CORPUS_FORMATS, runCorpus } from './corpus-command.js';
import { runDb } from './db-command.js';
import { isReferenceDate } from '../resolve/reference-date.js';
import { DEFAULT_TIMEOUT_MS } from './batch.js';
import { runEval } from './eval-command.js';
import { INPUT_FORMATS, runExtract } from './extract-command.js';
import { runSchema } from './schema-command.js';
import { runTokens } from './tokens-command.js';
import { UsageError, type Io } from './io.js';
import { WriteError } from './sink.js';

/** sysexits.h EX_IOERR: the records could not be written (a full disk, a device error). */
const EXIT_WRITE_ERROR = 74;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let status = 0;
  const program = buildProgram(io, (code) => (status = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    if (error instanceof UsageError || error instanceof RuleFileError) {
      io.stderr.write(`extract: ${error.message}\n`);
      return 2;
    }
    if (error instanceof WriteError) {
      io.stderr.write(`extract: ${error.message}\n`);
      return EXIT_WRITE_ERROR;
    }
    io.stderr.write(`extract: internal error: ${(error as Error).message}\n`);
    return 70;
  }
}

/**
 * How much a V8 heap may grow past its live size before the next full
 * collection, in percent. A batch's live heap is mostly the rules and models,
 * loaded once per thread, and an article's objects are garbage once its
 * record is written; by default V8 lets a heap grow to up to four times its
 * live size, by a factor it raises as the run goes on, so a long batch's peak
 * memory creeps up. A fixed factor keeps it flat at no cost in speed (the
 * speed benchmark's batch figures). The flag is process-wide: worker threads
 * started later use it too.
 */
const HEAP_GROWING_PERCENT = 50;

/** The process entry point (bin/extract.js): process-wide settings, then `run` on the real streams. */
export async function main(argv: readonly string[]): Promise<number> {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return run(argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), stdinIsTTY: Boolean(process.stdin.isTTY) });
}

function buildProgram(io: Io, setStatus: (code: number) => void): Command {
  // Program options stop at a subcommand's name, so `eval --gold` and `eval --rules` reach eval.
  const program = new Command('extract').enablePositionalOptions();
  const common = (cmd: Command) =>
    cmd
      .addOption(new Option('--rules <dir>', 'a rule directory that adds to or overrides the shipped rules (repeatable)').argParser(collect).default([]))
      .addOption(new Option('--ref-date <date>', 'reference date for articles without a date header (YYYY-MM or YYYY-MM-DD)').argParser(parseRefDate))
      .addOption(new Option('--max-bytes <n>', 'an input larger than this is not read; its record carries error E_TOO_LARGE').argParser(parseMaxBytes).default(DEFAULT_MAX_BYTES));
  const jobs = () => new Option('-j, --jobs <n>', 'articles extracted at once, on worker threads (1: in this thread; default: one per core, fewer for under 20 articles a core)').argParser(parseJobs);

  program
    .description(`Pull ${ENTITY_TYPES.join(', ')} out of Vietnamese news articles.`)
    .version(`extract ${EXTRACTOR_VERSION}`, '-V, --version')
    .argument('[inputs...]', 'files, directories (their *.txt), globs, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('jsonl'))
    .option('--pretty', 'indent JSON output')
    .option('--csv-raw', "CSV: keep cells that begin with = + - @ tab or CR as they are (by default they get a leading ' so a spreadsheet does not run them as formulas)")
    .addOption(new Option('--only <types>', `entity types to report, comma-separated (${ENTITY_TYPES.join(', ')})`).argParser(parseOnly))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--gold <dir>', 'with --format html: mark gold items not extracted and extractions that match no gold item (gold files as for eval)')
    .addOption(new Option('--input <format>', 'what the inputs hold: text (one article per file) or jsonl (one JSON article per line)').choices(INPUT_FORMATS).default('text'))
    .option('--text-field <name>', 'JSON Lines: field with the article text (default: content, else text)')
    .option('--id-field <name>', "JSON Lines: field that becomes the record's file (default: id, else url)")
    .option('--date-field <name>', 'JSON Lines: publication date (ISO, 27/12/2024, RSS or Unix time) that becomes the reference date (default: published, else date)')
    .option('--title-field <name>', 'JSON Lines: title, put before the text as its first line (default: title)')
    .addOption(new Option('--skip-seen <file>', 'skip inputs whose text already has a record in this earlier output, made with the same version and rules (repeatable)').argParser(collect).default([]))
    .addOption(new Option('--shard <K/N>', 'process only shard K of N (by content hash); N runs together give the whole output').argParser(shardOption))
    .option('-q, --quiet', 'no progress or summary on stderr (errors are still reported)')
    .addOption(jobs())
    .addOption(new Option('--timeout <seconds>', 'an article still running after this long gets an error record E_TIMEOUT and the batch goes on').argParser(parseSeconds).default(DEFAULT_TIMEOUT_MS / 1000));
  common(program);
  program.action(async (inputs: string[], options) => setStatus(await runExtract(inputs, options, io)));
  program.addHelpText(
    'after',
    `
Examples:
  $ extract seeds/*.txt                        one JSON record per article, per line
  $ extract seeds/ | jq '.primaryProvince'     the subject province of each article
  $ extract --only dates --ref-date 2024-12 article.txt
  $ extract --format csv --only metrics -o metrics.csv 'news/**/*.txt'
  $ extract --format csv --only places article.txt   districts and communes, with their provinces
  $ cat article.txt | extract -
  $ extract --input jsonl --text-field body crawl.jsonl
  $ extract --skip-seen all.jsonl news/ >> all.jsonl   only articles not processed before
  $ parallel extract --quiet --shard {}/4 "'news/**/*.txt'" ::: 1 2 3 4 > all.jsonl
                                               (GNU parallel strips one level of quotes)
  $ extract eval --gold fixtures/gold seeds/*.txt
  $ extract --format html --gold fixtures/gold -o report.html seeds/*.txt

Exit status: 0 every input processed, 1 some input could not be read or decoded
(its record carries "error"), 2 usage error or invalid rule file, 70 internal
error (a bug: please report it), 74 the output could not be written (disk full).`,
  );

  program
    .command('schema')
    .description('print the JSON Schema of a record (generated from the schema every record is validated against), or of a rule file')
    .argument('[name]', 'record (default), or a rule file name such as provinces.yaml')
    .option('--write-rules <dir>', 'write the schema of every rule file into DIR (as rules/schema/ keeps them)')
    .addHelpText('after', `\nExamples:\n  $ extract schema > record.schema.json\n  $ extract schema provinces.yaml\n  $ extract schema --write-rules rules/schema`)
    .action((name: string | undefined, options: { writeRules?: string }) => setStatus(runSchema(name, options, io)));

  common(
    program
      .command('tokens')
      .description('print the word segmentation of an article: one token per line, start and end (code points in the input) and text')
      .argument('<file>', 'an article, or - for standard input')
      .addHelpText('after', `\nExample:\n  $ extract tokens seeds/000_56f7d53534dd05e8.txt | head`),
  ).action(async (file: string, options) => setStatus(await runTokens(file, options, io)));

  common(
    program
      .command('eval')
      .description('score extraction against gold files (shared/spec/GOLD_FORMAT.md): precision, recall and F1 per entity type')
      .requiredOption('--gold <dir>', 'directory of gold files, one NAME.json per article NAME.txt')
      .option('--json', 'print the scores as JSON')
      .addOption(jobs())
      .argument('[inputs...]', 'articles to score (default: every article named by a gold file, looked up beside the gold directory)')
      .addHelpText('after', `\nExamples:\n  $ extract eval --gold fixtures/gold seeds/*.txt\n  $ extract eval --gold my-gold --rules my-rules --json articles/ | jq '.summary.types'`),
  ).action(async (inputs: string[], options) => setStatus(await runEval(inputs, options, io)));

  common(
    program
      .command('db')
      .description('load records into a fact base (SQLite): extracted from the inputs, or written earlier (--records); one load is one transaction, and an article loaded before with the same text, version and rules is left as it is')
      .argument('<file>', 'the database (created if it does not exist)')
      .argument('[inputs...]', 'articles to extract and load: files, directories (their *.txt), globs, or - for standard input')
      .addOption(new Option('--records <file>', 'load these JSON Lines records instead of extracting (- for standard input; repeatable)').argParser(collect).default([]))
      .option('-q, --quiet', 'no summary on stderr')
      .addOption(jobs())
      .addHelpText('after', `\nExamples:\n  $ extract db facts.sqlite seeds/*.txt\n  $ extract --skip-seen all.jsonl news/ | tee -a all.jsonl | extract db facts.sqlite --records -`),
  ).action(async (file: string, inputs: string[], options) => setStatus(await runDb(file, inputs, options, io)));

  program
    .command('corpus')
    .description('where the articles of a fact base disagree (documents, officials, facts), one JSON line per finding; --series: one CSV row per fact (indicator id, place, period)')
    .argument('<file>', 'a database made by extract db')
    .option('--series', 'the facts with their values and sources, as CSV')
    .addOption(new Option('-f, --format <format>', 'jsonl (findings), csv (--series) or html (both, with a chart per series)').choices(CORPUS_FORMATS))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .addHelpText('after', `\nExamples:\n  $ extract corpus facts.sqlite | jq -c 'select(.finding == "document")'\n  $ extract corpus --series facts.sqlite > series.csv\n  $ extract corpus --format html -o corpus.html facts.sqlite`)
    .action(async (file: string, options) => setStatus(await runCorpus(file, options, io)));

  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride().configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`extract: ${s.replace(/^error: /, '')}`),
    });
    cmd.showHelpAfterError('(run with --help for usage)');
  }
  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseOnly(value: string): EntityType[] {
  const types = value.split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = types.filter((t) => !(ENTITY_TYPES as readonly string[]).includes(t));
  if (unknown.length || types.length === 0) throw new InvalidArgumentError(`expected a comma-separated list of ${ENTITY_TYPES.join(', ')}`);
  return types as EntityType[];
}

function shardOption(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError('expected K/N with 1 ≤ K ≤ N, such as 2/4');
  return shard;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds above 0, such as 60 or 0.5');
  return n;
}

function parseMaxBytes(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a number of bytes, at least 1');
  return n;
}

function parseRefDate(value: string): string {
  if (!isReferenceDate(value)) throw new InvalidArgumentError('expected a date YYYY-MM or YYYY-MM-DD');
  return value;
}
