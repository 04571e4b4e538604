/**
 * What the command line names, as a careful user would break it: a symlink
 * loop is ELOOP, a glob over a tree with a link back to a parent lists each
 * file once, an unreadable directory is one error record, and a file name
 * cannot forge a line on stderr.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, jsonLines, ROOT } from './cli-helpers.js';

const SEED = path.join(ROOT, 'seeds', '000_56f7d53534dd05e8.txt');
const isRoot = process.getuid?.() === 0;
const codes = (stdout: string) => jsonLines(stdout).map((r) => [r['file'], (r['error'] as { code?: string } | undefined)?.code ?? 'ok']);

describe('sources', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'extract-sources-'));
  afterAll(() => {
    chmodSync(path.join(dir, 'locked'), 0o755);
    rmSync(dir, { recursive: true, force: true });
  });
  mkdirSync(path.join(dir, 'news', 'a'), { recursive: true });
  copyFileSync(SEED, path.join(dir, 'news', 'top.txt'));
  copyFileSync(SEED, path.join(dir, 'news', 'a', 'deep.txt'));
  symlinkSync('..', path.join(dir, 'news', 'a', 'up'));
  symlinkSync('loop-b', path.join(dir, 'loop-a.txt'));
  symlinkSync('loop-a.txt', path.join(dir, 'loop-b'));
  mkdirSync(path.join(dir, 'locked'));
  copyFileSync(SEED, path.join(dir, 'locked', 'hidden.txt'));
  chmodSync(path.join(dir, 'locked'), 0);

  it('a symlink loop is reported as ELOOP, not ENOENT', () => {
    const out = cli(['--jobs', '1', 'loop-a.txt'], { cwd: dir });
    expect(out.status).toBe(1);
    expect(codes(out.stdout)).toEqual([['loop-a.txt', 'ELOOP']]);
    expect(out.stderr).toContain('too many levels of symbolic links');
  });

  it('a glob over a tree with a link back to a parent lists each file once', () => {
    const out = cli(['--jobs', '1', 'news/**/*.txt'], { cwd: dir });
    expect(out.status).toBe(0);
    expect(codes(out.stdout)).toEqual([
      [path.join('news', 'a', 'deep.txt'), 'ok'],
      [path.join('news', 'top.txt'), 'ok'],
    ]);
  });

  it.skipIf(isRoot)('an unreadable directory is one error record; the other inputs are processed', () => {
    const out = cli(['--jobs', '1', '**/*.txt'], { cwd: dir });
    expect(out.status).toBe(1);
    expect(codes(out.stdout)).toContainEqual(['locked', 'EACCES']);
    expect(codes(out.stdout)).toContainEqual([path.join('news', 'top.txt'), 'ok']);
  });

  it('a file name with a line break or an escape sequence is escaped on stderr', () => {
    const out = cli(['--jobs', '1', 'gone\nextract: forged.txt\x1b[2K'], { cwd: dir });
    expect(out.status).toBe(1);
    expect(out.stderr.split('\n')[0]).toBe('extract: gone\\nextract: forged.txt\\x1b[2K: no such file or directory: gone\\nextract: forged.txt\\x1b[2K [ENOENT]');
  });
});
