/**
 * `extract corpus DB.sqlite`: the consistency report over a fact base, one
 * JSON line per finding; `--series`: one CSV row per fact (indicator id,
 * place, period) with its values and sources; `--format html`: both on one
 * page, each series of more than one period drawn as a chart.
 */
import path from 'node:path';
import { consistencyFindings } from '../corpus/findings.js';
import { chartSeries, seriesCells, seriesRows, SERIES_COLUMNS } from '../corpus/series.js';
import type { Db } from '../db/open.js';
import { corpusPage } from '../output/html/corpus.js';
import { csvCell } from '../output/writers.js';
import { openDb } from './db-command.js';
import { UsageError, type Io } from './io.js';
import { Sink } from './sink.js';

export const CORPUS_FORMATS = ['jsonl', 'csv', 'html'] as const;

export interface CorpusOptions {
  series?: boolean;
  format?: (typeof CORPUS_FORMATS)[number];
  output?: string;
}

export async function runCorpus(file: string, options: CorpusOptions, io: Io): Promise<number> {
  const format = options.format ?? (options.series ? 'csv' : 'jsonl');
  if (format === 'csv' && !options.series) throw new UsageError('--format csv is for --series; findings are JSON Lines or html');
  if (format === 'jsonl' && options.series) throw new UsageError('--series is CSV or html');
  if (options.output && options.output !== '-' && path.resolve(io.cwd, options.output) === path.resolve(io.cwd, file)) throw new UsageError(`--output ${options.output} is the database itself`);
  const db = openDb(path.resolve(io.cwd, file), file, { readonly: true });
  let text: string;
  try {
    text = render(db, format);
  } finally {
    db.close();
  }
  const sink = await Sink.open(options.output, io.stdout, io.cwd);
  await sink.write(text);
  await sink.close();
  return 0;
}

function render(db: Db, format: 'jsonl' | 'csv' | 'html'): string {
  if (format === 'jsonl') return consistencyFindings(db).map((f) => `${JSON.stringify(f)}\n`).join('');
  const facts = seriesRows(db);
  // With a byte-order mark, as the record CSV: spreadsheets then read it as UTF-8.
  if (format === 'csv') return '\uFEFF' + [SERIES_COLUMNS, ...facts.map(seriesCells)].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
  const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  return corpusPage({ articles, findings: consistencyFindings(db), facts, series: chartSeries(facts) });
}
