/**
 * Every write error ends the run with a message and status 74, in this
 * thread and on worker threads alike (a full disk once left a run with
 * workers waiting for ever); a large output never trips Node's listener leak
 * warning.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { BIN, ROOT } from './cli-helpers.js';

const full = existsSync('/dev/full');

describe.skipIf(!full)('a full disk (/dev/full)', () => {
  it.each(['1', '2'])('-o on a full disk, --jobs %s: status 74 and one line naming the output', (jobs) => {
    const out = spawnSync(process.execPath, [BIN, '--quiet', '--jobs', jobs, '-o', '/dev/full', 'seeds/', 'seeds/'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(out.status).toBe(74);
    expect(out.stderr).toBe('extract: cannot write /dev/full: ENOSPC\n');
  });

  it('standard output on a full disk: status 74', () => {
    const out = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" --quiet --jobs 2 seeds/ seeds/ > /dev/full`], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(out.status).toBe(74);
    expect(out.stderr).toBe('extract: cannot write standard output: ENOSPC\n');
  });
});

describe('a slow reader', () => {
  it('gets every record with no MaxListenersExceededWarning (each wait for drain once left a listener behind)', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const chunks: string[] = [];
    const stdout = new Writable({
      highWaterMark: 1,
      write(chunk, _encoding, callback) {
        chunks.push(String(chunk));
        setImmediate(callback);
      },
    });
    try {
      const status = await run(['--quiet', '--jobs', '1', ...Array(4).fill('seeds/')], { stdin: process.stdin, stdout, stderr: new PassThrough(), cwd: ROOT, stdinIsTTY: false });
      await new Promise((resolve) => setImmediate(resolve));
      expect(status).toBe(0);
      expect(chunks.join('').trim().split('\n')).toHaveLength(20);
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  }, 180_000);
});
