/**
 * Opening a named input without ever blocking on it. A regular file is read
 * as it is; anything else named explicitly (a FIFO, process substitution
 * `<(cmd)`, a character device) is opened non-blocking and read as a stream
 * until its writer closes it, so a FIFO with no writer reads as empty instead
 * of stalling the batch, and `--max-bytes` bounds what is read from a
 * stream that never ends. Directories and globs list regular files only.
 */
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface OpenInput {
  stats: Stats;
  /** The input's bytes, in chunks. */
  chunks(): AsyncIterable<Buffer>;
  close(): Promise<void>;
}

/** How long to wait before asking again a stream whose writer has written nothing yet. */
const POLL_MS = 20;
const CHUNK = 64 * 1024;

export async function openInput(file: string): Promise<OpenInput> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    return { stats, chunks: () => (stats.isFile() ? handle.createReadStream({ autoClose: false }) : streamChunks(handle)), close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function* streamChunks(handle: FileHandle): AsyncGenerator<Buffer> {
  for (;;) {
    const buffer = Buffer.alloc(CHUNK);
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(buffer, 0, CHUNK, null));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      await sleep(POLL_MS);
      continue;
    }
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}
