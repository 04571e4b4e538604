/**
 * `extract eval --gold DIR [inputs]`: extract each article and score it
 * against DIR/NAME.json.
 */
import { formatSummary } from '../eval/report.js';
import { scoreArticle, summarize, type ArticleScore } from '../eval/score.js';
import { readSources } from '../input/read.js';
import { processInputs } from './batch.js';
import { prepareRun } from './run-setup.js';
import { GoldDir } from './gold-dir.js';
import { escapeControls } from './progress.js';
import { UsageError, type Io } from './io.js';

export interface EvalOptions {
  gold: string;
  json?: boolean;
  rules: string[];
  refDate?: string;
  /** Worker threads (`--jobs`); 1 extracts in this thread; default: defaultJobs. */
  jobs?: number;
  /** Inputs larger than this fail with E_TOO_LARGE (`--max-bytes`). */
  maxBytes?: number;
}

export async function runEval(inputs: readonly string[], options: EvalOptions, io: Io): Promise<number> {
  const golds = GoldDir.open(options.gold, io.cwd);
  if (inputs.length === 0) throw new UsageError('name the articles to score, e.g. extract eval --gold fixtures/gold seeds/*.txt');

  const { rules, sources, read, batch } = prepareRun(inputs, options, io.cwd);
  const scores: ArticleScore[] = [];
  let failed = 0;
  const unmatched: string[] = [];
  for await (const record of processInputs(readSources(sources, io.stdin, read), rules, batch)) {
    if (record.error) {
      failed++;
      io.stderr.write(`${escapeControls(`extract: ${record.file}: ${record.error.message} [${record.error.code}]`)}\n`);
      continue;
    }
    const gold = golds.goldFor(record.file, (line) => io.stderr.write(`${escapeControls(line)}\n`));
    if (gold) scores.push(scoreArticle(record, gold, rules));
    else unmatched.push(record.file);
  }
  // Scores over no article would read as a perfect F1 and pass a CI job.
  if (scores.length === 0) {
    const names = unmatched.length ? `: no gold file in ${options.gold} matches ${unmatched.map(escapeControls).join(', ')}` : '';
    io.stderr.write(`extract: eval scored no article${names}\n`);
    return 1;
  }
  const summary = summarize(scores);
  io.stdout.write(options.json ? `${JSON.stringify({ summary, articles: scores.map(articleJson) }, null, 2)}\n` : formatSummary(summary));
  return failed > 0 ? 1 : 0;
}

/** Per-article detail for --json: counts, missed gold items and spurious predictions (by text). */
function articleJson(score: ArticleScore) {
  return {
    file: score.file,
    types: Object.fromEntries(
      Object.entries(score.types).map(([type, r]) => [
        type,
        { ...r.counts, missed: r.missed, spurious: r.spurious.map((p) => (p as { text?: string }).text ?? p) },
      ]),
    ),
  };
}
