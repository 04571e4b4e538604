/** The benchmarks `npm run bench` runs, in order. */
import { datesBenchmark } from './dates.js';
import { everydayBenchmark } from './everyday.js';
import { officialsNerBenchmark } from './officials-ner.js';
import { speedBenchmark } from './speed.js';

export interface Benchmark {
  readonly name: string;
  readonly description: string;
  /** Runs the benchmark and returns its report (a Markdown table or lines). */
  run(): Promise<string>;
}

export const benchmarks: readonly Benchmark[] = [datesBenchmark, everydayBenchmark, officialsNerBenchmark, speedBenchmark];
