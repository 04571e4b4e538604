/**
 * No command destroys what it reads: an output that is one of the inputs, or
 * a --skip-seen file, is refused before anything is opened for writing, by
 * the file itself (device and inode), not by the text of its path; and a run
 * that appends to a file whose last line is torn starts on a new line.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, jsonLines } from './cli-helpers.js';

const ARTICLE = 'Ngày 27/12/2024, UBND tỉnh Thanh Hóa tổ chức hội nghị tổng kết công tác năm 2024.\n';

describe('-o that is one of the inputs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'extract-out-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'news'));
  writeFileSync(path.join(dir, 'news', 'a.txt'), ARTICLE);
  const crawl = JSON.stringify({ id: 'a', content: ARTICLE }) + '\n';
  writeFileSync(path.join(dir, 'crawl.jsonl'), crawl);
  symlinkSync(path.join(dir, 'news', 'a.txt'), path.join(dir, 'link.txt'));
  writeFileSync(path.join(dir, 'all.jsonl'), '');
  symlinkSync(path.join(dir, 'all.jsonl'), path.join(dir, 'all-link.jsonl'));

  const refused = (args: string[], file: string, before: string) => {
    const out = cli(args, { cwd: dir });
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/^extract: --output .* is the input .*; write to another file\n$|^extract: --output .* would overwrite the --skip-seen file .*\n$/);
    expect(readFileSync(path.join(dir, file), 'utf8')).toBe(before);
  };

  it('a text input named as -o is refused and left whole', () => refused(['-o', 'news/a.txt', 'news/a.txt'], 'news/a.txt', ARTICLE));
  it('a JSON Lines input named as -o is refused and left whole', () => refused(['--input', 'jsonl', '-o', 'crawl.jsonl', 'crawl.jsonl'], 'crawl.jsonl', crawl));
  it('an input reached through a symlink, or through a directory, is the same file', () => {
    refused(['-o', 'link.txt', 'news/a.txt'], 'news/a.txt', ARTICLE);
    refused(['-o', 'news/./a.txt', 'news/'], 'news/a.txt', ARTICLE);
    refused(['-o', 'link.txt', 'news/*.txt'], 'news/a.txt', ARTICLE);
  });
  it('a --skip-seen file given as -o through a symlink is refused', () => refused(['--skip-seen', 'all.jsonl', '-o', 'all-link.jsonl', 'news/'], 'all.jsonl', ''));
  it('another file is written', () => {
    const out = cli(['-o', 'out.jsonl', 'news/a.txt'], { cwd: dir });
    expect(out.status).toBe(0);
    expect(jsonLines(readFileSync(path.join(dir, 'out.jsonl'), 'utf8'))).toHaveLength(1);
  });
});

describe('appending to a file whose last line is torn', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'extract-append-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
  /** `extract a.txt >> all.jsonl`, with the shell's append. */
  const append = (file: string) => {
    const fd = openSync(path.join(dir, file), 'a');
    try {
      return spawnSync(process.execPath, [BIN, '--skip-seen', file, 'a.txt'], { cwd: dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    } finally {
      closeSync(fd);
    }
  };

  it('starts with a newline, so the torn line stays apart and the new record is whole', () => {
    writeFileSync(path.join(dir, 'all.jsonl'), '{"file":"old.txt","sha');
    expect(append('all.jsonl').status).toBe(0);
    const lines = readFileSync(path.join(dir, 'all.jsonl'), 'utf8').split('\n');
    expect(lines[0]).toBe('{"file":"old.txt","sha');
    expect(JSON.parse(lines[1]!)).toMatchObject({ file: 'a.txt' });
    expect(lines[2]).toBe('');
  });

  it('adds nothing when the file ends with a newline, or is empty', () => {
    writeFileSync(path.join(dir, 'whole.jsonl'), '{"file":"old.txt"}\n');
    append('whole.jsonl');
    expect(readFileSync(path.join(dir, 'whole.jsonl'), 'utf8')).toMatch(/^\{"file":"old.txt"\}\n\{"file":"a.txt"[^\n]*\n$/);
    writeFileSync(path.join(dir, 'empty.jsonl'), '');
    append('empty.jsonl');
    expect(readFileSync(path.join(dir, 'empty.jsonl'), 'utf8')).toMatch(/^\{"file":"a.txt"[^\n]*\n$/);
  });
});

