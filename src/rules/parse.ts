/**
 * Rule files: YAML validated by zod. A rule file that does not validate is
 * reported with its path, the line of the offending node and the field's
 * path, and nothing runs.
 *
 * A rule file only describes patterns: YAML tags (`!!js/function`, `!include`)
 * are refused rather than resolved, keys that name object prototypes
 * (`__proto__`, `constructor`, `prototype`) are refused, aliases are bounded
 * (no billion-laughs expansion), and the regular expressions of a user's rule
 * file are checked for catastrophic backtracking while it is validated.
 */
import { LineCounter, parseDocument, isAlias, isNode, isScalar, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { checkingBacktracking } from './pattern.js';

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

/** Shipped rule files are trusted and tested; a user's rule files are checked harder. */
export type RuleOrigin = 'shipped' | 'user';

export interface ParsedRuleFile {
  file: string;
  origin: RuleOrigin;
  data: unknown;
  /** Line of the node at a path, for errors found after parsing. */
  lineOf(path: readonly PropertyKey[]): number | null;
}

/** YAML aliases a rule file may use; more is refused rather than expanded. */
export const MAX_ALIASES = 50;

/** Keys that would reach an object's prototype if some code assigned them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseRuleYaml(file: string, source: string, origin: RuleOrigin = 'user'): ParsedRuleFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const line = problem.pos ? lineCounter.linePos(problem.pos[0]).line : null;
    throw new RuleFileError(file, line, null, `not valid YAML: ${firstLine(problem.message)}`);
  }
  const lineAt = (offset: number | undefined) => (offset === undefined ? null : lineCounter.linePos(offset).line);
  const firstAlias = refuseHostileNodes(doc, (offset, detail) => new RuleFileError(file, lineAt(offset), null, detail));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // yaml counts the nodes each alias expands to; the expansion starts at the first alias.
    throw new RuleFileError(file, lineAt(firstAlias), null, `${firstLine((error as Error).message)} (at most ${MAX_ALIASES} alias expansions)`);
  }
  return { file, origin, data, lineOf: (path) => lineOfPath(doc, lineCounter, path) };
}

/**
 * Refuses tags, prototype keys and more than MAX_ALIASES aliases, naming the
 * offending node; returns the offset of the first alias, if any.
 */
function refuseHostileNodes(doc: Document, fail: (offset: number | undefined, detail: string) => RuleFileError): number | undefined {
  let aliases = 0;
  let firstAlias: number | undefined;
  visit(doc, {
    Node(_, node) {
      if (node.tag) throw fail(node.range?.[0], `YAML tag ${node.tag} is not allowed: a rule file holds plain data only`);
      if (isAlias(node)) {
        firstAlias ??= node.range?.[0];
        if (++aliases > MAX_ALIASES) throw fail(node.range?.[0], `more than ${MAX_ALIASES} YAML aliases; a rule file may use at most ${MAX_ALIASES}`);
      }
    },
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key === 'string' && PROTOTYPE_KEYS.has(key)) {
        throw fail(isNode(pair.key) ? pair.key.range?.[0] : undefined, `key "${key}" is not allowed: it names an object prototype`);
      }
    },
  });
  return firstAlias;
}

/**
 * Validates parsed rule data with a zod schema; the first problem becomes a
 * RuleFileError. A user's file also has its patterns checked for
 * catastrophic backtracking (shipped files are checked by `npm run fuzz`).
 */
export function validateRuleFile<T>(parsed: ParsedRuleFile, schema: z.ZodType<T>): T {
  const validate = () => schema.safeParse(parsed.data);
  const result = parsed.origin === 'user' ? checkingBacktracking(validate) : validate();
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path;
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const field = [...path, ...keys.slice(0, 1)].map(String).join('.') || null;
  const line = parsed.lineOf(keys.length ? [...path, keys[0]!] : path);
  const detail = issue.code === 'unrecognized_keys' ? `unknown key ${keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
  throw new RuleFileError(parsed.file, line, field, withRuleId(parsed.data, path, detail));
}

/** Names the rule (the nearest entry with an `id`) a problem is in, e.g. `(rule "party-resolution")`. */
function withRuleId(data: unknown, path: readonly PropertyKey[], detail: string): string {
  let id: unknown;
  let node = data;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) break;
    node = (node as Record<PropertyKey, unknown>)[key];
    if (typeof node === 'object' && node !== null && typeof (node as { id?: unknown }).id === 'string') id = (node as { id: string }).id;
  }
  return id === undefined ? detail : `${detail} (rule "${id}")`;
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
