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

/** Records could not be written (a full disk, a device error): the run ends with status 74. */
export class WriteError extends Error {}

export class Sink {
  private closed = false;
  private failure: WriteError | undefined;
  /** Settles when the stream fails; every wait races it, so a failed stream never leaves a write waiting. */
  private readonly failed: Promise<void>;

  private constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly ownsStream: boolean,
    private readonly name: string,
  ) {
    this.failed = new Promise((resolve) => {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') this.closed = true;
        else this.failure ??= new WriteError(`cannot write ${this.name}: ${error.code ?? error.message}`);
        resolve();
      });
    });
  }

  static async open(output: string | undefined, stdout: NodeJS.WritableStream, cwd: string): Promise<Sink> {
    if (!output || output === '-') {
      const sink = new Sink(stdout, false, 'standard output');
      if (endsInTornLine(stdout)) await sink.write('\n');
      return sink;
    }
    const stream = createWriteStream(path.resolve(cwd, output));
    try {
      await once(stream, 'open');
    } catch (error) {
      throw new UsageError(`cannot write ${output} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    return new Sink(stream, true, output);
  }

  /** False once the reader has gone away: stop producing. */
  get open(): boolean {
    return !this.closed;
  }

  async write(text: string): Promise<void> {
    this.check();
    if (this.closed || text === '') return;
    if (!this.stream.write(text)) await this.settled(drained(this.stream));
    this.check();
  }

  /** Ends the output; for standard output, waits until what was written has been handed on. */
  async close(): Promise<void> {
    this.check();
    if (this.closed) return;
    if (this.ownsStream) {
      const finished = drained(this.stream, 'finish');
      this.stream.end();
      await this.settled(finished);
    } else {
      await this.settled(new Promise<void>((resolve) => this.stream.write('', () => resolve())));
    }
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private settled(event: Promise<unknown>): Promise<unknown> {
    return Promise.race([event, this.failed]);
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

/** The stream's `event` (by default `drain`), or its closing; never rejects (errors reach the sink's own listener). */
function drained(stream: NodeJS.WritableStream, event = 'drain'): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off(event, done);
      stream.off('close', done);
      resolve();
    };
    stream.on(event, done);
    stream.on('close', done);
  });
}
