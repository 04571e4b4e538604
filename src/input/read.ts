/**
 * Reading inputs to text, lazily and in order: each source becomes an
 * `InputItem`, either its decoded text or a failure with a stable code. A
 * failure is never an exception, so one bad input never stops a batch.
 *
 * Failure codes: ENOENT, EACCES, EISDIR (and other system codes), E_TOO_LARGE
 * (more than `maxBytes`), E_EMPTY (no text, or only white space), E_BINARY,
 * E_DECODE, E_ENCODING_TCVN3, E_ENCODING_VNI (see decode.ts). An HTML page
 * is reduced to its text (see html.ts).
 */
import { DecodeError, decodeInput, type InputWarning } from './decode.js';
import { HTML_WARNING, htmlToText, looksLikeHtml } from './html.js';
import { readMessage } from './messages.js';
import { openInput } from './open.js';
import type { Source } from './sources.js';

/** One article to process, as the input stage hands it on. */
export type InputItem =
  | {
      ok: true;
      name: string;
      text: string;
      /** ISO date given with the input (JSON Lines date field). */
      referenceDate?: string;
      /** What reading did to the input (a legacy encoding converted, HTML stripped), for the record's warnings. */
      warnings?: readonly InputWarning[];
    }
  | { ok: false; name: string; code: string; message: string };

export interface ReadOptions {
  /** Inputs larger than this many bytes fail with E_TOO_LARGE instead of being read. */
  maxBytes?: number | undefined;
}

/** 16 MiB: far above any article, small enough that a stray archive or dump cannot exhaust memory. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/** Reads each source when the consumer asks for it, so memory stays bounded. */
export async function* readSources(sources: readonly Source[], stdin: NodeJS.ReadableStream = process.stdin, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const source of sources) yield await readSource(source, stdin, options);
}

export async function readSource(source: Source, stdin: NodeJS.ReadableStream = process.stdin, options: ReadOptions = {}): Promise<InputItem> {
  if (source.kind === 'missing') return { ok: false, name: source.name, code: source.code, message: source.message };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const bytes = source.kind === 'stdin' ? await readAll(stdin, maxBytes) : await readFile(source.path, maxBytes);
    return { ok: true, name: source.name, ...articleText(bytes) };
  } catch (error) {
    return readFailure(source.name, error);
  }
}

/** The article text in an input's bytes, and what was done to get it. */
export function articleText(bytes: Uint8Array): { text: string; warnings: InputWarning[] } {
  const decoded = decodeInput(bytes);
  const html = looksLikeHtml(decoded.text);
  const text = html ? htmlToText(decoded.text) : decoded.text;
  if (text.trim() === '') throw new DecodeError('E_EMPTY', bytes.length === 0 ? 'empty file: no article text' : 'no article text (only white space)');
  return { text, warnings: html ? [...decoded.warnings, HTML_WARNING] : decoded.warnings };
}

/** What reading `name` failed with, as a failure item with a stable code. */
export function readFailure(name: string, error: unknown): InputItem {
  if (error instanceof DecodeError) return { ok: false, name, code: error.code, message: error.message };
  const code = (error as NodeJS.ErrnoException).code ?? 'E_READ';
  return { ok: false, name, code, message: readMessage(code, name) };
}


/** A regular file over `maxBytes` is refused unread; a stream (FIFO, `<(cmd)`) is read up to `maxBytes` and no further. */
async function readFile(file: string, maxBytes: number): Promise<Uint8Array> {
  const input = await openInput(file);
  try {
    if (input.stats.isFile() && input.stats.size > maxBytes) throw tooLarge(input.stats.size, maxBytes);
    return await readAll(input.chunks(), maxBytes);
  } finally {
    await input.close();
  }
}

async function readAll(stream: AsyncIterable<unknown>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) throw tooLarge(size, maxBytes, 'at least ');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(size: number, maxBytes: number, atLeast = ''): DecodeError {
  return new DecodeError('E_TOO_LARGE', `too large: ${atLeast}${size} bytes, more than --max-bytes ${maxBytes}`);
}
