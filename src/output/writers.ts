/**
 * Writing records: JSON Lines (default), one JSON array, CSV with one row per
 * entity, or an HTML report (src/output/html). Writers are streaming: each
 * record is written as it is ready (the report keeps its sections until the end).
 */
import { htmlWriter } from './html/report.js';
import type { RecordWriter } from './record-writer.js';
import { ENTITY_TYPES, moduleOf } from '../extractors/registry.js';
import type { EntityType } from '../model/entity.js';

export const FORMATS = ['jsonl', 'json', 'csv', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface WriterOptions {
  pretty?: boolean | undefined;
  only?: readonly EntityType[] | undefined;
  gold?: boolean;
  /** CSV: keep cells that begin like a formula as they are (`--csv-raw`). */
  csvRaw?: boolean | undefined;
  /** HTML: the article header pattern (`rules.text.header`), which the report leaves out of the text. */
  header?: RegExp | undefined;
}

export function createWriter(format: Format, options: WriterOptions = {}): RecordWriter {
  switch (format) {
    case 'jsonl':
      return { write: (r) => `${JSON.stringify(r, null, options.pretty ? 2 : undefined)}\n`, end: () => '' };
    case 'json': {
      let count = 0;
      const indent = options.pretty ? 2 : undefined;
      return {
        write: (r) => `${count++ === 0 ? '[' : ','}\n${indent ? indentBlock(JSON.stringify(r, null, indent)) : JSON.stringify(r)}`,
        end: () => (count === 0 ? '[]\n' : '\n]\n'),
      };
    }
    case 'csv':
      return csvWriter(options.only ?? ENTITY_TYPES, { raw: options.csvRaw === true });
    case 'html':
      return htmlWriter(options);
  }
}

function indentBlock(text: string): string {
  return text.replace(/^/gm, '  ');
}

/** Columns shared by every row; each entity type's module names its own after these. */
const ARTICLE_COLUMNS = ['file', 'primary_province', 'reference_date', 'type', 'text', 'start', 'end', 'mentions'] as const;
function csvWriter(types: readonly EntityType[], cellOptions: CsvCellOptions): RecordWriter {
  const columns = [...ARTICLE_COLUMNS, ...new Set(types.flatMap((t) => moduleOf(t).csv.columns)), 'error'];
  let started = false;
  const line = (cells: Record<string, unknown>) => columns.map((c) => csvCell(cells[c], cellOptions)).join(',') + '\r\n';
  return {
    write(record) {
      let out = started ? '' : '\uFEFF' + columns.join(',') + '\r\n';
      started = true;
      const article = { file: record.file, primary_province: record.primaryProvince?.name, reference_date: record.referenceDate };
      if (record.error) return out + line({ ...article, type: 'error', error: `${record.error.code}: ${record.error.message}` });
      for (const type of types) {
        const { cells } = moduleOf(type).csv;
        for (const entity of record[type]) {
          // The entity's own cells first: a field named `type`, `start` or `end` must not replace the row's columns.
          out += line({ ...cells(entity), ...article, type, text: entity.text, start: entity.span?.[0], end: entity.span?.[1], mentions: entity.spans.length });
        }
      }
      return out;
    },
    end: () => (started ? '' : '\uFEFF' + columns.join(',') + '\r\n'),
  };
}

export interface CsvCellOptions {
  /** Keep text that begins like a formula as it is. */
  raw?: boolean;
}

/** What a spreadsheet reads as the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180: quote a cell holding a comma, quote or line break; double the
 * quotes inside. Text beginning with `=`, `+`, `-`, `@`, tab or carriage
 * return gets a leading `'`, as OWASP recommends, so a spreadsheet shows it
 * rather than runs it (an article line `=HYPERLINK(...)`, an id `+cmd|...`);
 * numbers are written as they are.
 */
export function csvCell(value: unknown, options: CsvCellOptions = {}): string {
  if (value === undefined || value === null) return '';
  const joined = Array.isArray(value) ? value.join('; ') : String(value);
  const text = !options.raw && typeof value !== 'number' && FORMULA_START.test(joined) ? `'${joined}` : joined;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
