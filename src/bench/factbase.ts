/**
 * The fact base: loading records into SQLite (`extract db --records`)
 * against writing the same records as JSON Lines, at 1,000 and 10,000
 * records, so that a load growing faster than the number of records shows
 * as a rising time per record. The records are the seed articles' records,
 * each under 2,000 names (distinct files and hashes), their metrics given
 * the indicator id, period and place later versions of the extractor add,
 * so facts are linked as they will be.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { loadRecords } from '../db/load.js';
import { openFactBase } from '../db/open.js';
import { LoadableRecordSchema, type LoadableRecord } from '../db/record.js';
import { extract } from '../index.js';
import { seedArticles } from './corpus.js';
import type { Benchmark } from './benchmark.js';

const SIZES = [1000, 10000] as const;

function records(count: number): LoadableRecord[] {
  const seeds = seedArticles().map((a) => LoadableRecordSchema.parse(extract(a.text, { file: a.name })));
  return Array.from({ length: count }, (_, k) => {
    const seed = seeds[k % seeds.length]!;
    const year = String(2015 + (Math.floor(k / seeds.length) % 10));
    const place = seed.primaryProvince ? { name: seed.primaryProvince.name, code: seed.primaryProvince.code, level: 'province' } : null;
    return {
      ...seed,
      file: `${String(k).padStart(5, '0')}_${seed.file}`,
      sha256: createHash('sha256').update(`${k} ${seed.sha256}`).digest('hex'),
      metrics: seed.metrics.map((m) => ({ ...m, indicatorId: m.indicator ? m.indicator.toLowerCase().replace(/\s+/g, '-') : null, period: { value: year, grain: 'year' }, place })),
    };
  });
}

interface Timing {
  wall: number;
  cpu: number;
}

/** Wall and CPU milliseconds of `fn` (SQLite runs in this thread, so its work is this process's CPU time). */
async function timed(fn: () => unknown): Promise<Timing> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  await fn();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
}

export const factbaseBenchmark: Benchmark = {
  name: 'factbase',
  description: 'loading records into the SQLite fact base against writing them as JSON Lines',
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-factbase-'));
    const all = records(Math.max(...SIZES));
    const lines = [
      '| records | JSON Lines CPU ms (wall) | load CPU ms (wall) | load CPU µs/record | load × JSON Lines (CPU) | second load, unchanged: CPU ms |',
      '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    const ms = (t: Timing) => `${t.cpu.toFixed(0)} (${t.wall.toFixed(0)})`;
    try {
      for (const size of SIZES) {
        const batch = all.slice(0, size);
        const jsonl = await timed(() => writeFileSync(path.join(dir, `${size}.jsonl`), batch.map((r) => `${JSON.stringify(r)}\n`).join('')));
        const db = openFactBase(path.join(dir, `${size}.sqlite`));
        const load = await timed(() => loadRecords(db, batch));
        const again = await timed(() => loadRecords(db, batch));
        db.close();
        lines.push(`| ${size} | ${ms(jsonl)} | ${ms(load)} | ${((1000 * load.cpu) / size).toFixed(0)} | ${(load.cpu / jsonl.cpu).toFixed(1)}× | ${again.cpu.toFixed(0)} |`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return lines.join('\n');
  },
};
