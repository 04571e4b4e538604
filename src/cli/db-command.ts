/**
 * `extract db FILE.sqlite [inputs...]`: extract the inputs as the default
 * command does (same batch machinery) and load the records into the fact
 * base; `--records FILE|-` loads records written earlier (JSON Lines)
 * instead. One load is one transaction.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { byteLines } from '../input/jsonl.js';
import { readSources } from '../input/read.js';
import { expandSources, type Source } from '../input/sources.js';
import { loadRecords, type LoadSummary } from '../db/load.js';
import { FactBaseError, openFactBase, type Db, type OpenOptions } from '../db/open.js';
import { LoadableRecordSchema, parseRecord, type LoadableRecord } from '../db/record.js';
import { processInputs } from './batch.js';
import { prepareRun } from './run-setup.js';
import { UsageError, type Io } from './io.js';

export interface DbOptions {
  /** Record files (JSON Lines) or - for standard input, loaded instead of extracting inputs. */
  records?: string[];
  rules: string[];
  refDate?: string;
  maxBytes?: number;
  jobs?: number;
  quiet?: boolean;
}

/**
 * For the test that kills a load halfway: the number of records after which
 * the process kills itself, inside the load's transaction.
 */
const KILL_AFTER = 'EXTRACT_DB_TEST_KILL_AFTER';

export async function runDb(file: string, inputs: readonly string[], options: DbOptions, io: Io): Promise<number> {
  const records = options.records ?? [];
  if (records.length && inputs.length) throw new UsageError('give either inputs to extract or --records, not both');
  if (!records.length && !inputs.length) throw new UsageError('nothing to load: name the articles to extract, or --records FILE (- for standard input)');
  const db = openDb(path.resolve(io.cwd, file), file);
  let problems = 0;
  const note = (line: string) => {
    problems++;
    io.stderr.write(`extract: ${line}\n`);
  };
  const stream = records.length ? readRecords(expandSources(records, io.cwd, '*.jsonl'), io.stdin, note) : extractRecords(inputs, options, io, note);
  const killAfter = Number(process.env[KILL_AFTER] ?? 0);
  let seen = 0;
  let summary: LoadSummary;
  try {
    summary = await loadRecords(db, stream, {
      onRecord: () => {
        if (killAfter && ++seen === killAfter) process.kill(process.pid, 'SIGKILL');
      },
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr.write(`extract: ${file}: nothing loaded: ${(error as Error).message}\n`);
    return 1;
  } finally {
    db.close();
  }
  if (!options.quiet) io.stderr.write(`extract db: ${file}: ${summary.added} added, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ${summary.failed} not loaded (errors)\n`);
  return problems > 0 ? 1 : 0;
}

/** The fact base at `full`, or a usage error naming it as the user did. */
export function openDb(full: string, name: string, options: OpenOptions = {}): Db {
  try {
    return openFactBase(full, options);
  } catch (error) {
    if (error instanceof FactBaseError) throw new UsageError(error.message.replace(full, name));
    throw new UsageError(`cannot open ${name}: ${(error as Error).message}`);
  }
}

async function* extractRecords(inputs: readonly string[], options: DbOptions, io: Io, note: (line: string) => void): AsyncGenerator<LoadableRecord> {
  const { rules, sources, read, batch } = prepareRun(inputs, options, io.cwd);
  for await (const record of processInputs(readSources(sources, io.stdin, read), rules, batch)) {
    if (record.error) note(`${record.file}: ${record.error.message} [${record.error.code}]`);
    // Records are checked against the published schema already; this fills in the fields other versions add.
    yield LoadableRecordSchema.parse(record);
  }
}

/** Records from JSON Lines files or standard input; a line that is not a record is reported and passed over. */
async function* readRecords(sources: readonly Source[], stdin: NodeJS.ReadableStream, note: (line: string) => void): AsyncGenerator<LoadableRecord> {
  for (const source of sources) {
    if (source.kind === 'missing') throw new UsageError(`--records ${source.name}: ${source.message}`);
    const stream = source.kind === 'stdin' ? stdin : createReadStream(source.path);
    let lineNo = 0;
    try {
      for await (const { bytes } of byteLines(stream)) {
        lineNo++;
        const line = bytes.toString('utf8');
        if (!line.trim()) continue;
        const parsed = parseLine(line);
        if ('record' in parsed) yield parsed.record;
        else note(`${source.name}:${lineNo}: not a record (${parsed.problem}); passed over`);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!code) throw error;
      throw new UsageError(`--records ${source.name}: cannot read it (${code})`);
    }
  }
}

function parseLine(line: string): ReturnType<typeof parseRecord> {
  try {
    return parseRecord(JSON.parse(line));
  } catch (error) {
    return { problem: (error as Error).message };
  }
}
