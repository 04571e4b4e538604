/**
 * Where records go: standard output or `--output FILE`. Writes wait for the
 * stream to drain, so memory stays bounded; a reader that goes away (EPIPE,
 * `extract ... | head -1`) ends the run quietly. Standard output appended to
 * a file whose last line is torn (`>> all.jsonl` after a crash) starts on a
 * new line, so the first record is not glued onto it.
 */
import { closeSync, createWriteStream, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { UsageError } from './io.js';

export class Sink {
  private closed = false;

  private constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly ownsStream: boolean,
  ) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.closed = true;
    });
  }

  static async open(output: string | undefined, stdout: NodeJS.WritableStream, cwd: string): Promise<Sink> {
    if (!output || output === '-') {
      const sink = new Sink(stdout, false);
      if (endsInTornLine(stdout)) await sink.write('\n');
      return sink;
    }
    const stream = createWriteStream(path.resolve(cwd, output));
    try {
      await once(stream, 'open');
    } catch (error) {
      throw new UsageError(`cannot write ${output} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    return new Sink(stream, true);
  }

  /** False once the reader has gone away: stop producing. */
  get open(): boolean {
    return !this.closed;
  }

  async write(text: string): Promise<void> {
    if (this.closed || text === '') return;
    if (this.stream.write(text)) return;
    try {
      await Promise.race([once(this.stream, 'drain'), once(this.stream, 'close')]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
      this.closed = true;
    }
  }

  async close(): Promise<void> {
    if (this.ownsStream && !this.closed) {
      const finished = once(this.stream, 'finish');
      this.stream.end();
      await finished;
    }
  }
}

/** Whether a stream writes to a regular file that is not empty and does not end with a newline. */
function endsInTornLine(stream: NodeJS.WritableStream): boolean {
  const fd = (stream as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return false;
  try {
    const stats = fstatSync(fd);
    const size = stats.size;
    if (!stats.isFile() || size === 0) return false;
    // The descriptor is usually open for writing only: read the file through another one.
    const reader = openSync(`/proc/self/fd/${fd}`, 'r');
    try {
      const last = Buffer.alloc(1);
      return readSync(reader, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
    } finally {
      closeSync(reader);
    }
  } catch {
    return false;
  }
}
