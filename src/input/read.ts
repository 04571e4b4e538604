/**
 * Reading inputs to text, lazily and in order: each source becomes an
 * `InputItem`, either its decoded text or a failure with a stable code. A
 * failure is never an exception, so one bad input never stops a batch.
 */
import { readFileSync } from 'node:fs';
import { DecodeError, decodeInput } from './decode.js';
import type { Source } from './sources.js';

/** One article to process, as the input stage hands it on. */
export type InputItem =
  | { ok: true; name: string; text: string; /** ISO date given with the input (JSON Lines date field). */ referenceDate?: string }
  | { ok: false; name: string; code: string; message: string };

/** Reads each source when the consumer asks for it, so memory stays bounded. */
export async function* readSources(sources: readonly Source[], stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<InputItem> {
  for (const source of sources) yield await readSource(source, stdin);
}

export async function readSource(source: Source, stdin: NodeJS.ReadableStream = process.stdin): Promise<InputItem> {
  if (source.kind === 'missing') return { ok: false, name: source.name, code: source.code, message: source.message };
  try {
    const bytes = source.kind === 'stdin' ? await readAll(stdin) : readFileSync(source.path);
    return { ok: true, name: source.name, text: decodeInput(bytes) };
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, name: source.name, code: error.code, message: error.message };
    const code = (error as NodeJS.ErrnoException).code ?? 'E_READ';
    return { ok: false, name: source.name, code, message: readMessage(code, source.name) };
  }
}

function readMessage(code: string, name: string): string {
  switch (code) {
    case 'ENOENT':
      return `no such file or directory: ${name}`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: ${name}`;
    case 'EISDIR':
      return `is a directory: ${name}`;
    default:
      return `cannot read ${name} (${code})`;
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
