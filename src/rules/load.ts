/**
 * Loads rule files, shipped and from user rule directories (`--rules DIR`),
 * for a set of rule specs (the registry's, src/extractors/registry.ts).
 * Only the rule files the specs name are read; any other `.yaml` file in a
 * user directory is an error, so a misspelt file name is not silently ignored.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleYaml, RuleFileError, type ParsedRuleFile, type RuleOrigin } from './parse.js';
import { loadSpec, type RuleSpec } from './spec.js';

/** The `rules/` folder shipped with the package. */
export const SHIPPED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/** Rule specs by name. */
export type RuleSpecs = Readonly<Record<string, RuleSpec<{ $schema: string }, unknown>>>;

export interface LoadedRules<R> {
  rules: R;
  /** sha256 of the merged rule data, so a change of rules can be detected. */
  hash: string;
}

/** Loads every spec's file; the hash covers the files in name order, whatever the order of the specs. */
export function loadRuleFiles<R>(ruleSpecs: RuleSpecs, userDirs: readonly string[] = [], shippedDir = SHIPPED_RULES_DIR): LoadedRules<R> {
  const known = new Set(Object.values(ruleSpecs).map((s) => s.file));
  for (const dir of userDirs) {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch (error) {
      throw new RuleFileError(dir, null, null, `cannot read rules directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    for (const name of entries) {
      if (/\.ya?ml$/.test(name) && !known.has(name)) {
        throw new RuleFileError(path.join(dir, name), null, null, `not a rule file this version reads; expected one of ${[...known].join(', ')}`);
      }
    }
  }
  const hash = createHash('sha256');
  const rules: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(ruleSpecs).sort(([, a], [, b]) => a.file.localeCompare(b.file))) {
    const shipped = readRuleFile(path.join(shippedDir, spec.file), 'shipped');
    const overlays = userDirs.map((dir) => path.join(dir, spec.file)).filter((file) => existsSync(file)).map((file) => readRuleFile(file, 'user'));
    const data = spec.data === undefined ? undefined : readText(path.join(shippedDir, spec.data));
    const { compiled, raw } = loadSpec(spec, shipped, overlays, data);
    rules[key] = compiled;
    hash.update(spec.file).update(JSON.stringify(raw));
    if (data !== undefined) hash.update(data);
  }
  return { rules: rules as R, hash: hash.digest('hex') };
}

function readRuleFile(file: string, origin: RuleOrigin): ParsedRuleFile {
  return parseRuleYaml(file, readText(file), origin);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new RuleFileError(file, null, null, `cannot read rule file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
