import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { duration, Progress } from '../src/cli/progress.js';
import type { ArticleRecord } from '../src/model/record.js';
import { BIN, cli, jsonLines, ROOT } from './cli-helpers.js';

const ERASE = '\r\x1b[K';

/** Runs a shell command with a pseudo-terminal as its stdin, stdout and stderr (util-linux `script`); returns what the terminal showed. */
function onTerminal(command: string): string {
  const result = spawnSync('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', input: '' });
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('progress on stderr', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'extract-progress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const out = path.join(dir, 'out.jsonl');
  const extract = `'${process.execPath}' '${BIN}'`;

  it('on a terminal: a live line with inputs done, rate and time left, erased at the end, then the summary', () => {
    const screen = onTerminal(`${extract} seeds/ seeds/ > '${out}'`);
    expect(jsonLines(readFileSync(out, 'utf8'))).toHaveLength(10);
    expect(screen).toMatch(/\r\x1b\[Kextract: 0\/10 inputs · 0 articles · 0 errors/);
    expect(screen).toMatch(/\r\x1b\[Kextract: \d+\/10 inputs · \d+ articles? · 0 errors · \d+\.\d articles\/s · [\dms. ]+ left/);
    const summary = screen.slice(screen.lastIndexOf(ERASE) + ERASE.length);
    expect(summary).toMatch(/^extract: 10 articles, 0 errors · provinces \d+, places \d+, officials \d+, documents \d+, dates \d+, metrics \d+ · [\dhms. ]+\r?\n$/);
  }, 120_000);

  it('with --quiet: nothing on the terminal', () => {
    expect(onTerminal(`${extract} --quiet seeds/ > '${out}'`)).toBe('');
  }, 120_000);

  it('when the records go to the same terminal: no live line, only the summary after them', () => {
    const screen = onTerminal(`${extract} --only provinces seeds/`);
    expect(screen).not.toContain(ERASE);
    expect(screen.trimEnd().split(/\r?\n/).at(-1)).toMatch(/^extract: 5 articles, 0 errors · provinces \d+ · [\dhms. ]+$/);
  }, 120_000);

  it('when stderr is not a terminal: no live line, only the one-line summary', () => {
    const run = cli(['--only', 'dates,metrics', 'seeds/', 'missing.txt']);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr.split('\n')).toEqual([
      'extract: missing.txt: no such file or directory: missing.txt [ENOENT]',
      expect.stringMatching(/^extract: 5 articles, 1 error · dates \d+, metrics \d+ · [\dhms. ]+$/),
      '',
    ]);
  });
});

describe('Progress', () => {
  const record = (counts: Partial<Record<'provinces' | 'dates', number>>, error = false) =>
    ({ provinces: Array(counts.provinces ?? 0).fill({}), dates: Array(counts.dates ?? 0).fill({}), ...(error ? { error: { code: 'ENOENT', message: '' } } : {}) }) as unknown as ArticleRecord;

  function progress(live: boolean, total?: number) {
    let clock = 1_000;
    const written: string[] = [];
    const stderr = { write: (s: string) => written.push(s) } as unknown as NodeJS.WritableStream;
    const p = new Progress(stderr, { live, summary: true, total, types: ['provinces', 'dates'], now: () => clock });
    return { p, written, advance: (ms: number) => (clock += ms) };
  }

  it('counts articles, errors, skipped inputs and entities; time left from the share of inputs done', () => {
    const { p, advance } = progress(false, 10);
    p.record(record({ provinces: 2, dates: 3 }));
    p.skip('seen');
    p.skip('shard');
    p.record(record({}, true));
    advance(8_000);
    expect(p.line()).toBe('extract: 4/10 inputs · 1 article · 1 error · 1 skipped as already seen · 1 in other shards · 0.1 articles/s · 12.0 s left');
    expect(p.summary()).toBe('extract: 1 article, 1 error, 1 skipped as already seen, 1 in other shards · provinces 2, dates 3 · 8.0 s');
  });

  it('draws at most every 200 ms, erases itself before a note and at the end', () => {
    const { p, written, advance } = progress(true);
    p.record(record({ provinces: 1 }));
    advance(100);
    p.record(record({ provinces: 1 }));
    advance(150);
    p.record(record({ provinces: 1 }));
    p.note('extract: x.txt: no such file [ENOENT]');
    p.finish();
    expect(written).toEqual([
      `${ERASE}extract: 0 articles · 0 errors`,
      `${ERASE}extract: 3 articles · 0 errors · 12.0 articles/s`,
      ERASE,
      'extract: x.txt: no such file [ENOENT]\n',
      'extract: 3 articles, 0 errors · provinces 3, dates 0 · 0.3 s\n',
    ]);
  });

  it('a run cut short (the reader went away) prints no summary', () => {
    const { p, written } = progress(false);
    p.finish(false);
    expect(written).toEqual([]);
  });

  it('durations read as seconds, minutes or hours', () => {
    expect(duration(3.21)).toBe('3.2 s');
    expect(duration(245)).toBe('4m 05s');
    expect(duration(7620)).toBe('2h 07m');
  });
});
