/**
 * A per-article time budget (`--timeout`): an article still running past it
 * gets an E_TIMEOUT error record in its place, and the batch goes on, in this
 * thread and on worker threads alike.
 */
import { describe, expect, it } from 'vitest';
import { cli, jsonLines } from './cli-helpers.js';

const SEEDS = ['seeds/000_56f7d53534dd05e8.txt', 'seeds/001_cd50b78e956cd69d.txt', 'seeds/002_2e6f4911dccba6c7.txt'];

describe('--timeout', () => {
  it.each(['1', '2'])('--jobs %s: every article past the budget gets E_TIMEOUT, the batch goes on and exits 1', (jobs) => {
    const out = cli(['--timeout', '0.001', '--jobs', jobs, ...SEEDS]);
    expect(out.status).toBe(1);
    const records = jsonLines(out.stdout);
    expect(records.map((r) => r['file'])).toEqual(SEEDS);
    for (const record of records) expect(record['error']).toMatchObject({ code: 'E_TIMEOUT' });
    expect(out.stderr).toContain(`extract: ${SEEDS[0]}: extraction took longer than --timeout; the article was given up [E_TIMEOUT]`);
  }, 120_000);

  it('the default budget lets an article finish', () => {
    const out = cli(['--jobs', '1', SEEDS[0]!]);
    expect(out.status).toBe(0);
    expect(jsonLines(out.stdout)[0]!['error']).toBeUndefined();
  });

  it.each(['0', '-1', 'soon'])('--timeout %s is a usage error', (value) => {
    const out = cli(['--timeout', value, SEEDS[0]!]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/expected a number of seconds above 0/);
  });
});
