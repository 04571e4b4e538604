/**
 * Where records go: standard output or `--output FILE`. Writes wait for the
 * stream to drain, so memory stays bounded; a reader that goes away (EPIPE,
 * `extract ... | head -1`) ends the run quietly.
 */
import { createWriteStream } from 'node:fs';
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
    if (!output || output === '-') return new Sink(stdout, false);
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
