/**
 * Cost is linear in the input, however dense: four times the input costs at
 * most five times as much, on each generated dense input. A cost that grows
 * with the square of the input costs sixteen times as much.
 *
 * Each size is measured in fresh processes taken in turn (start-up and rule
 * loading left out, the best of a few runs after a warm-up), with the garbage
 * collector on the measured thread: in one long-lived test worker the heap
 * that earlier inputs left behind, and collector threads competing with the
 * other test files for two cores, moved a ratio of 4 to above 5.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './cli-helpers.js';
import { DENSE_INPUTS } from './dense-inputs.js';

const ROUNDS = 2;
const PROCESSES = 2;
const dir = mkdtempSync(path.join(os.tmpdir(), 'growth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The built pipeline reading and extracting the file in argv[1]; prints the best CPU milliseconds of ROUNDS runs. */
const PROBE = `
  import { readFileSync } from 'node:fs';
  const dist = (module) => import(new URL('dist/' + module, ${JSON.stringify(`file://${ROOT}/`)}).href);
  const { articleText } = await dist('input/read.js');
  const { extractArticle } = await dist('pipeline.js');
  const { loadRules } = await dist('extractors/registry.js');
  const { rules } = loadRules([]);
  extractArticle('warm-up', 'Ngày 27/12/2024, tỉnh Nghệ An tăng 5%.', rules);
  const bytes = readFileSync(process.argv[1]);
  let best = Infinity;
  for (let round = 0; round < ${ROUNDS}; round++) {
    const start = process.cpuUsage();
    extractArticle('dense', articleText(bytes).text, rules);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  process.stdout.write(String(best));
`;

/** CPU milliseconds of reading and extracting the input in `file`, in a fresh process. */
function probe(file: string): number {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the probe failed: ${run.stderr}`);
  return Number(run.stdout);
}

/** The best cost of each input, over PROCESSES fresh processes each, taken in turn. */
function costs(inputs: readonly string[]): number[] {
  const files = inputs.map((input, i) => {
    const file = path.join(dir, `input-${i}.txt`);
    writeFileSync(file, input);
    return file;
  });
  const best = files.map(() => Infinity);
  for (let turn = 0; turn < PROCESSES; turn++) files.forEach((file, i) => (best[i] = Math.min(best[i]!, probe(file))));
  return best;
}

describe('cost grows linearly with dense input', () => {
  it.each(DENSE_INPUTS)('$name: ×4 input costs at most ×5', ({ make, n }) => {
    const [small, large] = costs([make(n), make(4 * n)]) as [number, number];
    expect(large, `${small.toFixed(0)} ms for ${n}, ${large.toFixed(0)} ms for ${4 * n}`).toBeLessThanOrEqual(5 * Math.max(small, 20));
  }, 300_000);
});
