/**
 * Cost is linear in the input, however dense: four times the input costs at
 * most five times as much (the best of a few runs of each, after a warm-up),
 * on each generated dense input. A cost that grows with the square of the
 * input costs sixteen times as much.
 */
import { describe, expect, it } from 'vitest';
import { articleText } from '../src/input/read.js';
import { extractArticle } from '../src/pipeline.js';
import { loadRules } from '../src/extractors/registry.js';
import { DENSE_INPUTS } from './dense-inputs.js';

const { rules } = loadRules([]);
const ROUNDS = 3;

/** CPU milliseconds of reading and extracting `input`, the best of ROUNDS runs. */
function cost(input: string): number {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.cpuUsage();
    extractArticle('dense', articleText(Buffer.from(input)).text, rules);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('cost grows linearly with dense input', () => {
  extractArticle('warm-up', 'Ngày 27/12/2024, tỉnh Nghệ An tăng 5%.', rules);
  it.each(DENSE_INPUTS)('$name: ×4 input costs at most ×5', ({ make, n }) => {
    const small = cost(make(n));
    const large = cost(make(4 * n));
    expect(large, `${small.toFixed(0)} ms for ${n}, ${large.toFixed(0)} ms for ${4 * n}`).toBeLessThanOrEqual(5 * Math.max(small, 20));
  }, 300_000);
});
