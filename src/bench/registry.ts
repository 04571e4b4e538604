/** The benchmarks `npm run bench` runs, in order. */
import { datesBenchmark } from './dates.js';
import { everydayBenchmark } from './everyday.js';
import { factbaseBenchmark } from './factbase.js';
import { officialsNerBenchmark } from './officials-ner.js';
import { speedBenchmark } from './speed.js';
import type { Benchmark } from './benchmark.js';

export const benchmarks: readonly Benchmark[] = [datesBenchmark, everydayBenchmark, officialsNerBenchmark, factbaseBenchmark, speedBenchmark];
