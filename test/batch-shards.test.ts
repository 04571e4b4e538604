import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../src/input/shard.js';
import { BIN, cli, ROOT } from './cli-helpers.js';

const run = promisify(execFile);
const SEEDS = readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const lines = (stdout: string) => stdout.split('\n').filter(Boolean);

describe('--shard K/N', () => {
  // Ten articles (the seeds and a variant of each) and a missing file.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'extract-shards-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const name of SEEDS) {
    const text = readFileSync(path.join(ROOT, 'seeds', name), 'utf8');
    writeFileSync(path.join(dir, name), text);
    writeFileSync(path.join(dir, `variant-${name}`), `${text}\nBài viết được cập nhật.\n`);
  }
  const inputs = ['.', 'missing.txt'];

  it('four shards run as four processes concatenate to the unsharded output, as sets of lines', async () => {
    const whole = cli(inputs, { cwd: dir });
    expect(whole.status).toBe(1);
    const shards = await Promise.all(
      [1, 2, 3, 4].map((k) =>
        run(process.execPath, [BIN, '--shard', `${k}/4`, ...inputs], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).then(
          (done) => ({ stdout: done.stdout, status: 0 }),
          (failed: { stdout: string; code: number }) => ({ stdout: failed.stdout, status: failed.code }),
        ),
      ),
    );
    const concatenated = shards.flatMap((s) => lines(s.stdout));
    expect(lines(whole.stdout)).toHaveLength(SEEDS.length * 2 + 1);
    expect(concatenated.sort()).toEqual(lines(whole.stdout).sort());
    // A real split: more than one shard has work, and only the shard holding the missing file fails.
    expect(shards.filter((s) => lines(s.stdout).length > 0).length).toBeGreaterThan(1);
    expect(shards.filter((s) => s.status === 1)).toHaveLength(1);
  }, 240_000);

  it('a shard is the same on every run and every machine: it depends on the content only', () => {
    const a = cli(['--quiet', '--shard', '2/3', '.'], { cwd: dir });
    const b = cli(['--quiet', '--shard', '2/3', ...SEEDS.map((n) => path.join(dir, n)), ...SEEDS.map((n) => path.join(dir, `variant-${n}`))]);
    const sha = (stdout: string) => lines(stdout).map((l) => (JSON.parse(l) as { sha256: string }).sha256).sort();
    expect(sha(a.stdout)).toEqual(sha(b.stdout));
  }, 120_000);

  it('a shard outside 1..N is a usage error', () => {
    for (const bad of ['0/4', '5/4', '1/0', 'two/4', '1']) {
      const out = cli(['--shard', bad, 'seeds/']);
      expect(out.status).toBe(2);
      expect(out.stderr).toContain('expected K/N with 1 ≤ K ≤ N');
    }
  });
});

describe('shard arithmetic', () => {
  it('parseShard reads K/N', () => {
    expect(parseShard('3/8')).toEqual({ index: 3, count: 8 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('9/8')).toBeNull();
  });

  it('shardOf is the first 8 bytes of the hash mod N, 1-based', () => {
    expect(shardOf(`000000000000000a${'f'.repeat(48)}`, 4)).toBe(3); // 10 mod 4 = 2
    expect(shardOf(`ffffffffffffffff${'0'.repeat(48)}`, 3)).toBe(1); // 2^64 - 1 is divisible by 3
    expect(shardOf('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 1)).toBe(1);
  });
});

describe("the README's GNU parallel recipe", () => {
  const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!hasParallel) console.warn('GNU parallel is not installed (Debian: apt-get install parallel): the recipe test is skipped');

  it.skipIf(!hasParallel)('four shards through parallel give every nested file once', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'extract-parallel-'));
    try {
      const seeds = readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'));
      seeds.forEach((name, i) => {
        const sub = path.join(dir, 'news', `d${i % 2}`, `e${i % 3}`);
        mkdirSync(sub, { recursive: true });
        copyFileSync(path.join(ROOT, 'seeds', name), path.join(sub, name));
      });
      // `extract` on the PATH, as after an install; then the README's line as it stands
      mkdirSync(path.join(dir, 'bin'));
      writeFileSync(path.join(dir, 'bin', 'extract'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" --jobs 1 "$@"\n`);
      chmodSync(path.join(dir, 'bin', 'extract'), 0o755);
      const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
      const recipe = readme.split('\n').find((line) => line.startsWith('parallel -j4 extract'))!;
      expect(recipe).toBe(`parallel -j4 extract --quiet --shard {}/4 "'news/**/*.txt'" ::: 1 2 3 4 > all.jsonl`);
      const env = { ...process.env, PATH: `${path.join(dir, 'bin')}:${process.env['PATH']}` };
      const out = spawnSync('bash', ['-c', recipe], { cwd: dir, env, encoding: 'utf8', timeout: 300_000 });
      expect(out.status, out.stderr).toBe(0);
      const files = readFileSync(path.join(dir, 'all.jsonl'), 'utf8').trim().split('\n').map((line) => path.basename(String((JSON.parse(line) as { file: string }).file)));
      expect(files.sort()).toEqual([...seeds].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
