/** The default command: extract records from inputs and write them. */
import { expandSources } from '../input/sources.js';
import type { EntityType } from '../output/schema.js';
import { createWriter, type Format } from '../output/writers.js';
import { loadRules } from '../rules/load.js';
import { scoreArticle } from '../eval/score.js';
import { readSources } from '../input/read.js';
import { processItems } from './batch.js';
import { GoldDir } from './gold-dir.js';
import { UsageError, type Io } from './io.js';
import { Sink } from './sink.js';

export interface ExtractOptions {
  format: Format;
  pretty?: boolean;
  only?: EntityType[];
  output?: string;
  rules: string[];
  refDate?: string;
  /** Gold directory: the html report marks missed and spurious entities. */
  gold?: string;
}

export async function runExtract(inputs: readonly string[], options: ExtractOptions, io: Io): Promise<number> {
  if (inputs.length === 0) {
    if (io.stdinIsTTY) throw new UsageError('no input: name files, directories or globs, or - for standard input (see --help)');
    inputs = ['-'];
  }
  const { rules } = loadRules(options.rules);
  const sources = expandSources(inputs, io.cwd);
  if (options.gold && options.format !== 'html') throw new UsageError('--gold marks missed and spurious entities in the report: use it with --format html (extract eval --gold prints the scores)');
  const golds = options.gold ? GoldDir.open(options.gold, io.cwd) : undefined;
  const sink = await Sink.open(options.output, io.stdout, io.cwd);
  const writer = createWriter(options.format, { pretty: options.pretty, only: options.only, gold: golds !== undefined });
  let failed = 0;
  const refDate = options.refDate ? { referenceDate: { value: options.refDate, source: 'option' as const } } : {};
  for await (const { item, record } of processItems(readSources(sources, io.stdin), rules, { only: options.only, ...refDate })) {
    if (record.error) {
      failed++;
      io.stderr.write(`extract: ${record.file}: ${record.error.message} [${record.error.code}]\n`);
    }
    const gold = golds && !record.error ? golds.goldFor(record.file, (line) => io.stderr.write(`${line}\n`)) : undefined;
    await sink.write(writer.write(record, { text: item.ok ? item.text : undefined, score: gold && scoreArticle(record, gold, rules.provinces) }));
    if (!sink.open) return 0;
  }
  await sink.write(writer.end());
  await sink.close();
  return failed > 0 ? 1 : 0;
}
