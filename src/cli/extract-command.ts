/** The default command: extract records from inputs and write them. */
import { expandSources } from '../input/sources.js';
import type { EntityType } from '../output/schema.js';
import { createWriter, type Format } from '../output/writers.js';
import { loadRules } from '../rules/load.js';
import { readSources } from '../input/read.js';
import { processInputs } from './batch.js';
import { UsageError, type Io } from './io.js';
import { Sink } from './sink.js';

export interface ExtractOptions {
  format: Format;
  pretty?: boolean;
  only?: EntityType[];
  output?: string;
  rules: string[];
  refDate?: string;
}

export async function runExtract(inputs: readonly string[], options: ExtractOptions, io: Io): Promise<number> {
  if (inputs.length === 0) {
    if (io.stdinIsTTY) throw new UsageError('no input: name files, directories or globs, or - for standard input (see --help)');
    inputs = ['-'];
  }
  const { rules } = loadRules(options.rules);
  const sources = expandSources(inputs, io.cwd);
  const sink = await Sink.open(options.output, io.stdout, io.cwd);
  const writer = createWriter(options.format, { pretty: options.pretty, only: options.only });
  let failed = 0;
  const refDate = options.refDate ? { referenceDate: { value: options.refDate, source: 'option' as const } } : {};
  for await (const record of processInputs(readSources(sources, io.stdin), rules, { only: options.only, ...refDate })) {
    if (record.error) {
      failed++;
      io.stderr.write(`extract: ${record.file}: ${record.error.message} [${record.error.code}]\n`);
    }
    await sink.write(writer.write(record));
    if (!sink.open) return 0;
  }
  await sink.write(writer.end());
  await sink.close();
  return failed > 0 ? 1 : 0;
}
