/**
 * Writing records: JSON Lines (default), one JSON array, CSV with one row per
 * entity, or an HTML report (src/output/html). Writers are streaming: each
 * record is written as it is ready (the report keeps its sections until the end).
 */
import type { ArticleScore } from '../eval/score.js';
import { htmlWriter } from './html/report.js';
import { ENTITY_TYPES, type ArticleRecord, type EntityType, type Place } from './schema.js';

export const FORMATS = ['jsonl', 'json', 'csv', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** What a writer may use beside the record: the input text its spans point into, and its score against gold. */
export interface RecordContext {
  text?: string | undefined;
  score?: ArticleScore | undefined;
}

export interface RecordWriter {
  write(record: ArticleRecord, context?: RecordContext): string;
  end(): string;
}

export function createWriter(format: Format, options: { pretty?: boolean; only?: readonly EntityType[] | undefined; gold?: boolean } = {}): RecordWriter {
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
      return csvWriter(options.only ?? ENTITY_TYPES);
    case 'html':
      return htmlWriter(options);
  }
}

function indentBlock(text: string): string {
  return text.replace(/^/gm, '  ');
}

/** Columns shared by every row, then the fields of each entity type. */
const ARTICLE_COLUMNS = ['file', 'primary_province', 'reference_date', 'type', 'text', 'start', 'end', 'mentions'] as const;
const TYPE_COLUMNS: Record<EntityType, readonly string[]> = {
  provinces: ['name', 'code', 'current_name', 'current_code', 'primary', 'implied'],
  places: ['name', 'level', 'code', 'era', 'province_name', 'province_code', 'candidates', 'successors', 'current_province_name', 'current_province_code'],
  officials: ['name', 'honorific', 'titles', 'organization'],
  documents: ['id', 'type_name', 'number', 'year', 'issuer', 'date', 'subject', 'written'],
  dates: ['value', 'grain', 'start_date', 'end_date', 'mod'],
  metrics: ['value', 'unit', 'indicator', 'kind', 'qualifier', 'of', 'max', 'compared_to', 'direction'],
};

function csvWriter(types: readonly EntityType[]): RecordWriter {
  const columns = [...ARTICLE_COLUMNS, ...new Set(types.flatMap((t) => TYPE_COLUMNS[t])), 'error'];
  let started = false;
  const line = (cells: Record<string, unknown>) => columns.map((c) => csvCell(cells[c])).join(',') + '\r\n';
  return {
    write(record) {
      let out = started ? '' : '\uFEFF' + columns.join(',') + '\r\n';
      started = true;
      const article = { file: record.file, primary_province: record.primaryProvince?.name, reference_date: record.referenceDate };
      if (record.error) return out + line({ ...article, type: 'error', error: `${record.error.code}: ${record.error.message}` });
      for (const type of types) {
        for (const entity of record[type]) {
          // The entity's own fields first: its `type`, `start`, `end` must not replace the row's columns.
          out += line({ ...entityCells(type, entity), ...article, type, text: entity.text, start: entity.span?.[0], end: entity.span?.[1], mentions: entity.spans.length });
        }
      }
      return out;
    },
    end: () => (started ? '' : '\uFEFF' + columns.join(',') + '\r\n'),
  };
}

function entityCells(type: EntityType, e: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case 'provinces': {
      const current = e['current'] as { name: string; code: string };
      return { name: e['name'], code: e['code'], current_name: current.name, current_code: current.code, primary: e['primary'], implied: e['implied'] };
    }
    case 'places': {
      const p = e as Place;
      return {
        name: p.name,
        level: p.level,
        code: p.code,
        era: p.era,
        province_name: p.province?.name,
        province_code: p.province?.code,
        candidates: p.candidates?.map((c) => `${c.name} (${c.code})`),
        successors: p.successors?.map((s) => `${s.name} (${s.code}, ${s.share})`),
        current_province_name: p.currentProvince?.name,
        current_province_code: p.currentProvince?.code,
      };
    }
    case 'documents':
      return { ...e, type_name: e['type'] };
    case 'dates':
      return { ...e, start_date: e['start'], end_date: e['end'] };
    default:
      return e;
  }
}

/** RFC 4180: quote a cell holding a comma, quote or line break; double the quotes inside. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
