/**
 * `npm run bench`: every benchmark, each printing its figures side by side
 * with the baseline it is measured against in the same run. Speeds are
 * ratios against that baseline, never absolute thresholds.
 *
 * Run one with `npm run bench -- NAME`.
 */
import { benchmarks } from './registry.js';

const wanted = process.argv.slice(2);
for (const bench of benchmarks) {
  if (wanted.length && !wanted.includes(bench.name)) continue;
  process.stdout.write(`\n## ${bench.name}: ${bench.description}\n\n`);
  process.stdout.write(`${await bench.run()}\n`);
}
