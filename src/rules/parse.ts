/**
 * Rule files: YAML validated by zod. A rule file that does not validate is
 * reported with its path, the line of the offending node and the field's
 * path, and nothing runs.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';

export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    readonly detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${detail}`);
    this.name = 'RuleFileError';
  }
}

export interface ParsedRuleFile {
  file: string;
  data: unknown;
  /** Line of the node at a path, for errors found after parsing. */
  lineOf(path: readonly PropertyKey[]): number | null;
}

/** YAML aliases a rule file may use; more is refused rather than expanded. */
export const MAX_ALIASES = 50;

export function parseRuleYaml(file: string, source: string): ParsedRuleFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const line = problem.pos ? lineCounter.linePos(problem.pos[0]).line : null;
    throw new RuleFileError(file, line, null, `not valid YAML: ${firstLine(problem.message)}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new RuleFileError(file, null, null, firstLine((error as Error).message));
  }
  return { file, data, lineOf: (path) => lineOfPath(doc, lineCounter, path) };
}

/** Validates parsed rule data with a zod schema; the first problem becomes a RuleFileError. */
export function validateRuleFile<T>(parsed: ParsedRuleFile, schema: z.ZodType<T>): T {
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path;
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const field = [...path, ...keys.slice(0, 1)].map(String).join('.') || null;
  const line = parsed.lineOf(keys.length ? [...path, keys[0]!] : path);
  const detail = issue.code === 'unrecognized_keys' ? `unknown key ${keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
  throw new RuleFileError(parsed.file, line, field, detail);
}

function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    // A key whose value is null has no value node: look the key up in its parent map.
    if (depth > 0) {
      const parent = doc.getIn(path.slice(0, depth - 1) as unknown[], true);
      const pair = isNode(parent) && 'items' in parent ? (parent.items as unknown[]).find((item) => isPairWithKey(item, path[depth - 1])) : undefined;
      const key = pair ? (pair as { key: unknown }).key : undefined;
      if (isNode(key) && key.range) return lineCounter.linePos(key.range[0]).line;
    }
  }
  return null;
}

function isPairWithKey(item: unknown, key: PropertyKey | undefined): boolean {
  if (!item || typeof item !== 'object' || !('key' in item)) return false;
  const k = (item as { key: unknown }).key;
  const value = isNode(k) && 'value' in k ? (k as { value: unknown }).value : k;
  return value === key;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
