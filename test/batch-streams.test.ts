/**
 * Inputs that are streams, not files: `--max-bytes` is enforced while
 * reading them, and a FIFO (named explicitly; directories and globs list
 * regular files only) never stalls the batch, even with no writer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, jsonLines, ROOT } from './cli-helpers.js';

const SEED = path.join(ROOT, 'seeds', '000_56f7d53534dd05e8.txt');

describe('streams and FIFOs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'extract-streams-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--max-bytes bounds an endless process substitution: E_TOO_LARGE, and the run ends', () => {
    const out = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" --jobs 1 --max-bytes 1000000 <(yes "tăng 5%")`], { encoding: 'utf8', timeout: 60_000 });
    expect(out.status).toBe(1);
    expect(jsonLines(out.stdout)[0]!['error']).toMatchObject({ code: 'E_TOO_LARGE' });
  });

  it('--max-bytes bounds standard input', () => {
    const out = cli(['--jobs', '1', '--max-bytes', '1000', '-'], { input: 'tăng 5%\n'.repeat(1_000) });
    expect(out.status).toBe(1);
    expect(jsonLines(out.stdout)[0]!['error']).toMatchObject({ code: 'E_TOO_LARGE' });
  });

  it('a named FIFO with no writer reads as empty and the next input is processed', () => {
    const fifo = path.join(dir, 'no-writer.fifo');
    execFileSync('mkfifo', [fifo]);
    const out = spawnSync(process.execPath, [BIN, '--jobs', '1', fifo, SEED], { encoding: 'utf8', timeout: 60_000 });
    expect(out.status).toBe(1);
    const records = jsonLines(out.stdout);
    expect(records.map((r) => (r['error'] as { code?: string } | undefined)?.code)).toEqual(['E_EMPTY', undefined]);
  });

  it('a directory lists its regular files only, never a FIFO in it', () => {
    const news = path.join(dir, 'news');
    mkdirSync(news);
    copyFileSync(SEED, path.join(news, 'a.txt'));
    execFileSync('mkfifo', [path.join(news, 'b.txt')]);
    const out = spawnSync(process.execPath, [BIN, '--jobs', '1', news], { encoding: 'utf8', timeout: 60_000 });
    expect(out.status).toBe(0);
    expect(jsonLines(out.stdout).map((r) => path.basename(String(r['file'])))).toEqual(['a.txt']);
  });
});
