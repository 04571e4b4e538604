/**
 * JSON Lines input (`--input jsonl`): one article per line, as crawlers write
 * them, e.g. `{"url": ..., "title": ..., "content": ..., "published": ...}`.
 *
 * Each line becomes an `InputItem`, read lazily so memory stays bounded by
 * the longest line. The article text is the title, a blank line, then the
 * content (the title is article text, as in a `.txt` article); spans point
 * into that text and the record's `sha256` is its hash. The id becomes the
 * record's `file` (else `NAME:LINE`), the date its reference date (a date
 * that cannot be read is a warning, not a lost article: `published.ts`). Content
 * that is an HTML page is reduced to its text, as for files. A line that is
 * not a usable article gives a failure named `NAME:LINE` (code `E_JSONL`,
 * `E_EMPTY` or `E_TOO_LARGE`), and reading goes on with the next line.
 */
import { HTML_WARNING, htmlToText, looksLikeHtml } from './html.js';
import { openInput, type OpenInput } from './open.js';
import { DEFAULT_MAX_BYTES, readFailure, readSource, type InputItem, type ReadOptions } from './read.js';
import { publicationDay } from './published.js';
import type { Source } from './sources.js';

/** Field names; each unset one falls back to its defaults, in order. */
export interface JsonlFields {
  text?: string | undefined;
  id?: string | undefined;
  date?: string | undefined;
  title?: string | undefined;
}

const DEFAULT_FIELDS = { text: ['content', 'text'], id: ['id', 'url'], date: ['published', 'date'], title: ['title'] } as const;

/** `maxBytes` bounds each line, so memory stays bounded by it. */
export async function* readJsonlSources(sources: readonly Source[], stdin: NodeJS.ReadableStream, fields: JsonlFields = {}, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const source of sources) {
    if (source.kind === 'missing') {
      yield await readSource(source, stdin);
      continue;
    }
    let lineNo = 0;
    let input: OpenInput | null = null;
    try {
      input = source.kind === 'stdin' ? null : await openInput(source.path);
      const stream = input ? input.chunks() : stdin;
      for await (const { bytes, size } of byteLines(stream, maxBytes)) {
        lineNo++;
        const name = `${source.name}:${lineNo}`;
        const item = size > maxBytes ? { ok: false as const, name, code: 'E_TOO_LARGE', message: `line too large: ${size} bytes, more than --max-bytes ${maxBytes}` } : jsonlItem(bytes, source.name, lineNo, fields);
        if (item) yield item;
      }
    } catch (error) {
      yield readFailure(source.name, error);
    } finally {
      await input?.close();
    }
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** One line's article, a failure, or null for a blank line. */
export function jsonlItem(bytes: Uint8Array, file: string, lineNo: number, fields: JsonlFields = {}): InputItem | null {
  const name = `${file}:${lineNo}`;
  const fail = (message: string, code = 'E_JSONL'): InputItem => ({ ok: false, name, code, message });
  let line: string;
  try {
    line = utf8.decode(bytes);
  } catch {
    return fail('not valid UTF-8');
  }
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('expected a JSON object');
  const object = value as Record<string, unknown>;

  const text = field(object, fields.text, DEFAULT_FIELDS.text);
  if (typeof text.value !== 'string') return fail(`expected a string in ${text.names}`);
  const id = field(object, fields.id, DEFAULT_FIELDS.id);
  if (id.value !== undefined && typeof id.value !== 'string' && typeof id.value !== 'number') return fail(`expected a string or number in ${id.names}`);
  const title = field(object, fields.title, DEFAULT_FIELDS.title);
  if (title.value !== undefined && typeof title.value !== 'string') return fail(`expected a string in ${title.names}`);
  const date = field(object, fields.date, DEFAULT_FIELDS.date);
  const day = date.value === undefined ? undefined : publicationDay(date.value);
  const html = looksLikeHtml(text.value);
  const warnings = [
    ...(day === null ? [{ code: 'input-date', message: `unreadable date in ${date.names}: ${JSON.stringify(date.value)}; the reference date comes from the article` }] : []),
    ...(html ? [HTML_WARNING] : []),
  ];

  const content = html ? htmlToText(text.value) : text.value;
  if (content.trim() === '') return fail(`no article text in ${text.names}`, 'E_EMPTY');
  const heading = title.value?.trim();
  return {
    ok: true,
    name: id.value === undefined ? name : String(id.value),
    text: heading && !content.trimStart().startsWith(heading) ? `${heading}\n\n${content}` : content,
    ...(day ? { referenceDate: day } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** The first of the names present with a non-null value; `names` says which were looked at, for messages. */
function field(object: Record<string, unknown>, chosen: string | undefined, defaults: readonly string[]): { value: unknown; names: string } {
  const names = chosen ? [chosen] : defaults;
  const found = names.find((n) => Object.hasOwn(object, n) && object[n] !== null);
  return { value: found === undefined ? undefined : object[found], names: names.map((n) => `"${n}"`).join(' or ') };
}

/**
 * The lines of a byte stream, without their `\n` or `\r\n`, with their
 * size; a line longer than `maxBytes` comes with its size alone (no bytes).
 */
export async function* byteLines(stream: AsyncIterable<unknown>, maxBytes = Infinity): AsyncGenerator<{ bytes: Buffer; size: number }> {
  let parts: Buffer[] = [];
  let size = 0;
  const line = (last: Buffer) => {
    const whole = size + last.length;
    const bytes = whole > maxBytes ? Buffer.alloc(0) : chop(Buffer.concat([...parts, last]));
    parts = [];
    size = 0;
    return { bytes, size: whole };
  };
  for await (const chunk of stream) {
    let buffer = toBuffer(chunk);
    let nl: number;
    while ((nl = buffer.indexOf(0x0a)) !== -1) {
      yield line(buffer.subarray(0, nl));
      buffer = buffer.subarray(nl + 1);
    }
    size += buffer.length;
    if (size <= maxBytes) parts.push(buffer);
    else parts = [];
  }
  if (size > 0) yield line(Buffer.alloc(0));
}

function toBuffer(chunk: unknown): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
}

function chop(line: Buffer): Buffer {
  return line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line;
}
