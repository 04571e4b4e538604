/** `--jobs N`: articles extracted on worker threads come out as one thread writes them, in input order. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/corpus.js';
import { BIN, cli, jsonLines, ROOT } from './cli-helpers.js';

describe('extract --jobs', () => {
  // more articles than the in-flight window (8 per worker), with an unreadable one in the middle
  const dir = writeCorpus(mkdtempSync(path.join(tmpdir(), 'extract-jobs-')), 23);
  const inputs = [dir, 'no-such-article.txt', 'seeds/000_56f7d53534dd05e8.txt'];
  const one = cli(['--quiet', '--jobs', '1', ...inputs]);
  const two = cli(['--quiet', '--jobs', '2', ...inputs]);

  it('gives the same records in the same order as one thread, error records in place, and the same status', () => {
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const files = jsonLines(two.stdout).map((r) => path.basename(r['file'] as string));
    expect(files).toHaveLength(25);
    expect(files.slice(0, 23)).toEqual([...files.slice(0, 23)].sort());
    expect(files.slice(23)).toEqual(['no-such-article.txt', '000_56f7d53534dd05e8.txt']);
    expect(jsonLines(two.stdout)[23]?.['error']).toMatchObject({ code: 'ENOENT' });
  });

  it('eval scores the same with worker threads', () => {
    const args = ['eval', '--gold', 'fixtures/gold', '--json', 'seeds/*.txt'];
    expect(cli([...args, '--jobs', '2']).stdout).toBe(cli([...args, '--jobs', '1']).stdout);
  });

  it('stops cleanly when the reader goes away early', () => {
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" --jobs 2 seeds/*.txt seeds/*.txt | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('0');
  });

  it.each([['0'], ['two'], ['1.5']])('rejects --jobs %s as a usage error', (n) => {
    const run = cli(['--jobs', n, 'seeds/000_56f7d53534dd05e8.txt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^extract: .*--jobs.*whole number/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
