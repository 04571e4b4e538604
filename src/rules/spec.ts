/**
 * How a rule file is declared, merged with user overrides and compiled.
 *
 * Each rule file has a spec: its file name, the zod schema of its contents and
 * a compile step that turns the validated data into what an extractor uses
 * (regular expressions built once, look-up tables). User rule files passed with
 * `--rules DIR` add to or override the shipped ones: lists of entries with an
 * `id` merge by id (a user entry replaces the shipped entry with the same id,
 * new ids are added), other lists gain the user's items, and single values
 * are replaced.
 */
import { z } from 'zod';
import { RuleFileError, validateRuleFile, type ParsedRuleFile } from './parse.js';

export interface RuleSpec<Raw extends { $schema: string }, Compiled> {
  /** File name under `rules/`, e.g. `provinces.yaml`. */
  readonly file: string;
  readonly schema: z.ZodObject<z.ZodRawShape> & z.ZodType<Raw>;
  /** A generated data file under `rules/` (not YAML, not overlaid by `--rules`), passed to `compile` as text. */
  readonly data?: string;
  compile(raw: Raw, data?: string): Compiled;
}

export function defineRules<Shape extends z.ZodRawShape, Compiled>(spec: {
  file: string;
  schema: z.ZodObject<Shape>;
  data?: string;
  compile(raw: z.infer<z.ZodObject<Shape>>, data?: string): Compiled;
}): RuleSpec<z.infer<z.ZodObject<Shape>> & { $schema: string }, Compiled> {
  return spec as unknown as RuleSpec<z.infer<z.ZodObject<Shape>> & { $schema: string }, Compiled>;
}

/** The `$schema` header every rule file begins with. */
export const schemaHeader = z.string().describe('Path of the JSON Schema describing this file');

/** A stable ASCII-kebab rule id. */
export const ruleId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be ASCII kebab-case, e.g. "party-resolution"');

/**
 * Loads one rule spec from the shipped file and any user overlays, returning
 * the compiled rules and the merged raw data (for hashing).
 */
export function loadSpec<Raw extends { $schema: string }, Compiled>(
  spec: RuleSpec<Raw, Compiled>,
  shipped: ParsedRuleFile,
  overlays: readonly ParsedRuleFile[],
  data?: string,
): { compiled: Compiled; raw: Raw } {
  let merged = validateRuleFile(shipped, spec.schema) as unknown;
  for (const overlay of overlays) {
    const partial = validateRuleFile(overlay, spec.schema.partial().required({ $schema: true } as never));
    merged = mergeRuleData(merged, partial);
    const check = spec.schema.safeParse(merged);
    if (!check.success) {
      const issue = check.error.issues[0]!;
      throw new RuleFileError(overlay.file, null, issue.path.map(String).join('.') || null, `after merging with the shipped rules: ${issue.message}`);
    }
    merged = check.data;
  }
  const raw = merged as Raw;
  try {
    return { compiled: spec.compile(raw, data), raw };
  } catch (error) {
    if (error instanceof RuleFileError) throw error;
    const file = overlays.at(-1)?.file ?? shipped.file;
    throw new RuleFileError(file, null, null, (error as Error).message);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasIds(list: unknown[]): list is Array<{ id: string }> {
  return list.length > 0 && list.every((item) => isRecord(item) && typeof item['id'] === 'string');
}

/** Overlay `over` onto `base`: objects merge by key, lists of entries with ids merge by id, other lists gain new items. */
export function mergeRuleData(base: unknown, over: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(over)) {
    if (hasIds(base) && hasIds(over)) {
      const byId = new Map(base.map((item) => [item.id, item] as const));
      for (const item of over) byId.set(item.id, item);
      return [...byId.values()];
    }
    const seen = new Set(base.map((item) => JSON.stringify(item)));
    return [...base, ...over.filter((item) => !seen.has(JSON.stringify(item)))];
  }
  if (isRecord(base) && isRecord(over)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, value] of Object.entries(base)) out[key] = value;
    for (const [key, value] of Object.entries(over)) out[key] = key in out ? mergeRuleData(out[key], value) : value;
    return { ...out };
  }
  return over;
}
